// Writes articles into a Xapian database, replacing by unique id, in
// transactions of a configurable size: each batch is committed as one unit,
// so a crash loses at most the batch in progress and never leaves a half
// batch or a damaged database.
//
// Thread safety: one IndexWriter per database; Xapian's write lock makes a
// second writer on the same path fail with DatabaseLockError.
#ifndef BERITA_INDEX_INDEX_WRITER_H
#define BERITA_INDEX_INDEX_WRITER_H

#include <xapian.h>

#include <string>
#include <unordered_set>

#include "article/article.h"
#include "index/article_codec.h"
#include "index/near_duplicate_linker.h"
#include "index/synonym_table.h"
#include "index/word_keys.h"
#include "text/analyzer.h"

namespace berita {

struct IndexWriterOptions {
  // Articles (or deletions) per transaction. Small batches bound memory and
  // what a crash can lose; very small ones pay the commit (fsync) cost too
  // often.
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
  // Commits the batch in progress: an early return in the caller must not
  // silently lose it.
  ~IndexWriter();
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  Outcome add(const Article& article);
  // Removes the article with this id; false if there was none.
  bool remove(const std::string& id);
  // Removes every article whose id is not in keep_ids; returns how many.
  std::uint64_t remove_all_except(const std::unordered_set<std::string>& keep_ids);
  // Makes the synonym table hold exactly the analyzer's synonyms
  // (synonym_table.h); durable with the next commit.
  SynonymTableChange replace_synonyms();
  // Commits the batch in progress, if any.
  void commit();

  Xapian::doccount doc_count() const { return db_.get_doccount(); }
  // Batches committed so far.
  std::uint64_t commits() const { return commits_; }
  // Near-duplicate linking so far: each batch is linked before its commit.
  NearDuplicateStats near_duplicates() const { return linker_.stats(); }

 private:
  void begin_change();
  void end_change();

  Xapian::WritableDatabase db_;
  // The database's own: a rebuilt one compresses with its dictionary.
  ArticleCodec codec_ = ArticleCodec::for_database(db_);
  NearDuplicateLinker linker_{db_, codec_};
  WordKeyCollector words_;  // the batch's words, for "did you mean"
  Analyzer analyzer_;
  IndexWriterOptions options_;
  std::size_t uncommitted_ = 0;
  std::uint64_t commits_ = 0;
  bool in_transaction_ = false;
};

}  // namespace berita

#endif
