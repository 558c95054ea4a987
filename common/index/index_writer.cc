#include "index/index_writer.h"

#include "index/document_builder.h"
#include "schema/schema.h"

namespace berita {

IndexWriter::IndexWriter(const std::string& path, const AnalyzerConfig& analyzer_config,
                         IndexWriterOptions options)
    : db_(path, Xapian::DB_CREATE_OR_OPEN), analyzer_(analyzer_config), options_(options) {
  schema::stamp_or_check(db_, analyzer_config.stem_language);
}

IndexWriter::~IndexWriter() {
  // Whatever was added is committed: an early return in the caller must not
  // silently lose the last batch. Errors cannot escape a destructor.
  try {
    if (uncommitted_ > 0) db_.commit();
  } catch (const Xapian::Error&) {
  }
}

IndexWriter::Outcome IndexWriter::add(const Article& article) {
  const std::string id_term = schema::id_term(article.id);
  const bool existed = db_.term_exists(id_term);
  db_.replace_document(id_term, build_document(article, analyzer_, &db_));
  count_change();
  return existed ? Outcome::kReplaced : Outcome::kAdded;
}

bool IndexWriter::remove(const std::string& id) {
  const std::string id_term = schema::id_term(id);
  if (!db_.term_exists(id_term)) return false;
  db_.delete_document(id_term);
  count_change();
  return true;
}

void IndexWriter::commit() {
  db_.commit();
  uncommitted_ = 0;
}

void IndexWriter::count_change() {
  if (++uncommitted_ >= options_.batch_size) commit();
}

}  // namespace berita
