// The Searcher: one open database and everything needed to answer requests
// over it. The command line and the HTTP daemon both search through this
// class, so they return the same results for the same request.
//
// Thread safety: none, like the Xapian::Database it holds. Use one Searcher
// per thread.
#ifndef BERITA_SEARCH_SEARCHER_H
#define BERITA_SEARCH_SEARCHER_H

#include <xapian.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "article/article.h"
#include "index/article_codec.h"
#include "query/search_request.h"
#include "search/autocomplete.h"
#include "search/ranking.h"
#include "search/recency.h"
#include "search/value_columns.h"
#include "search/search_result.h"
#include "text/analyzer.h"

namespace berita {

class SnippetTerms;

// The database cannot be opened or read (missing, corrupt, wrong schema).
class DatabaseUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Searcher {
 public:
  // Opens the database at db_path and checks its schema. The stemming
  // language recorded in the database is used, so queries are analysed as
  // the articles were. Throws DatabaseUnavailable.
  explicit Searcher(std::string db_path);
  // As above, ranking with the given settings instead of the defaults.
  Searcher(std::string db_path, RankingConfig ranking);

  // Throws InvalidRequest for a request the client got wrong, and
  // DatabaseUnavailable if the database cannot be read. A concurrent commit
  // (DatabaseModifiedError) is handled by reopening and retrying.
  SearchResult search(const SearchRequest& request);

  // The stored article with this id, or nullopt.
  std::optional<Article> find_article(const std::string& id);

  // Articles on the same topic as the one with this id (more like this),
  // best first, without the article itself; nullopt for an unknown id.
  // Throws InvalidRequest for a limit outside 1..kMaxLimit.
  std::optional<SearchResult> similar(const std::string& id, unsigned limit);

  // Search-box completions for what the user has typed (autocomplete.h).
  std::vector<Completion> complete(const std::string& prefix, unsigned limit);

  const RankingConfig& ranking() const { return ranking_; }

  Xapian::doccount doc_count() const { return db_.get_doccount(); }
  Xapian::rev revision() const;
  // Picks up the latest committed revision; true if it changed.
  bool reopen();
  // Like reopen, and also follows a rebuilt database swapped in under the
  // same name (db_path a symlink whose target changed): the new database is
  // opened and checked before it replaces the old one, so a failed open
  // leaves the Searcher serving the old data. Throws DatabaseUnavailable.
  bool refresh();

 private:
  SearchResult search_once(const SearchRequest& request);
  std::optional<SearchResult> similar_once(const std::string& id, unsigned limit);
  // Runs read against the current database; a concurrent commit
  // (DatabaseModifiedError) reopens and retries, other Xapian errors become
  // DatabaseUnavailable with what_failed in the message.
  template <typename Read>
  auto with_retries(const char* what_failed, Read read) -> decltype(read());
  // explain=1: each hit's score in parts (query: the one the Enquire ran).
  void explain_hits(const Xapian::Query& query, const Xapian::MSet& mset,
                    const std::optional<FreshnessModel>& freshness, SearchResult& result) const;
  // collapse=1: the other articles of doc's near-duplicate cluster.
  void add_duplicates(const Xapian::Document& doc, Hit& hit) const;
  // Fills the stored fields of hit from the document's data, and its
  // snippet when snippet_terms is given.
  void fill_hit(const std::string& data, const SnippetTerms* snippet_terms, Hit& hit) const;
  // Pseudo-relevance feedback (RankingConfig::feedback_*): query with the
  // top results' terms as an optional, weight-only part. typed_enquire holds
  // the user's query; top receives its first results.
  Xapian::Query expand_query(const Xapian::Query& query, Xapian::Enquire& typed_enquire,
                             Xapian::MSet& top) const;

  std::string db_path_;
  std::string resolved_path_;  // db_path_ with symlinks resolved, when opened
  Xapian::Database db_;
  // db_'s own; reread whenever db_ is reopened or replaced.
  ArticleCodec codec_;
  RankingConfig ranking_;
  Analyzer analyzer_;
  // Built once per database: a QueryParser with its stop list and field
  // processors costs more to set up than a short query costs to run.
  Xapian::QueryParser parser_;
  // Value slots held in memory for facets and recency; built on first use
  // and after each new revision.
  std::shared_ptr<const ValueColumns> columns_;
};

}  // namespace berita

#endif
