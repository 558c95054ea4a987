#include "index/index_writer.h"

#include <vector>

#include "index/document_builder.h"
#include "schema/schema.h"

namespace berita {
namespace {

// document_builder cuts boolean terms to this length, so an over-long id is
// stored cut too.
constexpr std::size_t kMaxTermBytes = 240;

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const AnalyzerConfig& analyzer_config,
                         IndexWriterOptions options)
    : db_(path, Xapian::DB_CREATE_OR_OPEN), analyzer_(analyzer_config), options_(options) {
  schema::stamp_or_check(db_, analyzer_config.stem_language);
}

IndexWriter::~IndexWriter() {
  // Errors cannot escape a destructor; an uncommitted transaction is then
  // simply lost, which the database survives.
  try {
    commit();
  } catch (const Xapian::Error&) {
  }
}

void IndexWriter::begin_change() {
  // A transaction keeps Xapian's automatic flush (XAPIAN_FLUSH_THRESHOLD)
  // from committing part of a batch.
  if (!in_transaction_) {
    db_.begin_transaction(/*flushed=*/true);
    in_transaction_ = true;
  }
}

void IndexWriter::end_change() {
  if (++uncommitted_ >= options_.batch_size) commit();
}

IndexWriter::Outcome IndexWriter::add(const Article& article) {
  begin_change();
  const std::string id_term = schema::id_term(article.id);
  const bool existed = db_.term_exists(id_term);
  if (existed) linker_.note_leaving(id_term);
  const Xapian::Document doc = build_document(article, analyzer_, codec_);
  if (analyzer_.config().collect_spelling) words_.note(analyzer_.take_new_words());
  linker_.note_added(db_.replace_document(id_term, doc), doc);
  end_change();
  return existed ? Outcome::kReplaced : Outcome::kAdded;
}

bool IndexWriter::remove(const std::string& id) {
  std::string id_term = schema::id_term(id);
  if (id_term.size() > kMaxTermBytes) id_term.resize(kMaxTermBytes);
  if (!db_.term_exists(id_term)) return false;
  begin_change();
  linker_.note_leaving(id_term);
  db_.delete_document(id_term);
  end_change();
  return true;
}

std::uint64_t IndexWriter::remove_all_except(const std::unordered_set<std::string>& keep_ids) {
  std::unordered_set<std::string> keep_terms;
  for (const auto& id : keep_ids) {
    std::string term = schema::id_term(id);
    if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
    keep_terms.insert(std::move(term));
  }
  // Collect first: deleting while iterating the term list is not allowed.
  std::vector<std::string> doomed;
  const std::string prefix = schema::prefix::kId;
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    if (keep_terms.count(*it) == 0) doomed.push_back(*it);
  }
  for (const auto& term : doomed) {
    begin_change();
    linker_.note_leaving(term);
    db_.delete_document(term);
    end_change();
  }
  return doomed.size();
}

SynonymTableChange IndexWriter::replace_synonyms() {
  return replace_synonym_table(db_, analyzer_.synonym_table());
}

void IndexWriter::commit() {
  if (!in_transaction_) {
    db_.commit();  // a new database's schema stamp, if nothing else
    return;
  }
  // Inside the transaction: a crash loses the batch and its links together.
  linker_.link_pending();
  words_.write(db_);
  db_.commit_transaction();
  in_transaction_ = false;
  uncommitted_ = 0;
  ++commits_;
}

}  // namespace berita
