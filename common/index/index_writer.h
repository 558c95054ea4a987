// Writes articles into a Xapian database, replacing by unique id, committing
// in batches so a crash loses at most the uncommitted batch.
//
// Thread safety: one IndexWriter per database; Xapian's write lock makes a
// second writer on the same path fail with DatabaseLockError.
#ifndef BERITA_INDEX_INDEX_WRITER_H
#define BERITA_INDEX_INDEX_WRITER_H

#include <string>

#include <xapian.h>

#include "article/article.h"
#include "text/analyzer.h"

namespace berita {

struct IndexWriterOptions {
  // Articles per commit. Small batches bound memory and what a crash can
  // lose; very small ones pay the commit cost too often.
  std::size_t batch_size = 5000;
};

class IndexWriter {
 public:
  enum class Outcome { kAdded, kReplaced };

  // Opens or creates the database and stamps or checks its schema.
  // Throws Xapian::DatabaseLockError if another writer holds it, and
  // schema::SchemaMismatch if it was built with another schema.
  IndexWriter(const std::string& path, const AnalyzerConfig& analyzer_config,
              IndexWriterOptions options = {});
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  Outcome add(const Article& article);
  // Removes the article with this id; false if there was none.
  bool remove(const std::string& id);
  void commit();

  Xapian::doccount doc_count() const { return db_.get_doccount(); }

 private:
  void count_change();

  Xapian::WritableDatabase db_;
  Analyzer analyzer_;
  IndexWriterOptions options_;
  std::size_t uncommitted_ = 0;
};

}  // namespace berita

#endif
