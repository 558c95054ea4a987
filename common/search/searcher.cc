#include "search/searcher.h"

#include <chrono>
#include <filesystem>

#include "index/stored_article.h"
#include "query/invalid_request.h"
#include "query/query_builder.h"
#include "schema/schema.h"
#include "search/snippets.h"

namespace berita {
namespace {

// A commit between opening and reading can invalidate a reader more than
// once under heavy indexing; a few retries ride it out.
constexpr int kMaxAttempts = 5;

Xapian::Database open_database(const std::string& path) {
  try {
    Xapian::Database db(path);
    schema::check(db);
    return db;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseUnavailable("cannot open database " + path + ": " + e.get_msg());
  } catch (const Xapian::Error& e) {
    throw DatabaseUnavailable("cannot read database " + path + ": " + e.get_description());
  } catch (const schema::SchemaMismatch& e) {
    throw DatabaseUnavailable(path + ": " + e.what());
  }
}

std::string resolve(const std::string& path) {
  std::error_code ec;
  const auto resolved = std::filesystem::canonical(path, ec);
  return ec ? path : resolved.string();
}

AnalyzerConfig analyzer_config_for(const Xapian::Database& db) {
  AnalyzerConfig config;
  const std::string stem = db.get_metadata(schema::kStemLanguageKey);
  if (!stem.empty()) config.stem_language = stem;
  return config;
}

}  // namespace

Searcher::Searcher(std::string db_path)
    : db_path_(std::move(db_path)),
      resolved_path_(resolve(db_path_)),
      db_(open_database(resolved_path_)),
      analyzer_(analyzer_config_for(db_)) {}

Xapian::rev Searcher::revision() const { return db_.get_revision(); }

bool Searcher::reopen() {
  try {
    return db_.reopen();
  } catch (const Xapian::Error& e) {
    throw DatabaseUnavailable("cannot reopen database " + db_path_ + ": " + e.get_description());
  }
}

bool Searcher::refresh() {
  const std::string resolved = resolve(db_path_);
  if (resolved == resolved_path_) return reopen();
  Xapian::Database fresh = open_database(resolved);
  analyzer_ = Analyzer(analyzer_config_for(fresh));
  db_ = std::move(fresh);
  resolved_path_ = resolved;
  return true;
}

SearchResult Searcher::search(const SearchRequest& request) {
  validate(request);
  for (int attempt = 1;; ++attempt) {
    try {
      return search_once(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw DatabaseUnavailable("database keeps changing; try again");
      reopen();
    } catch (const InvalidRequest&) {
      throw;
    } catch (const Xapian::Error& e) {
      throw DatabaseUnavailable("search failed: " + e.get_description());
    }
  }
}

SearchResult Searcher::search_once(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  Xapian::QueryParser parser = analyzer_.make_query_parser(db_);
  Xapian::Enquire enquire(db_);
  enquire.set_query(build_query(request, parser));
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::slot::kDate, /*reverse=*/true);
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);

  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  result.offset = request.offset;
  result.limit = request.limit;
  result.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string data = it.get_document().get_data();
    Hit hit;
    if (request.snippets) {
      Article article = decode_article(data);
      hit.snippet = make_snippet(mset, article, analyzer_.stemmer());
      hit.id = std::move(article.id);
      hit.title = std::move(article.title);
      hit.date = std::move(article.date);
      hit.source = std::move(article.source);
      hit.url = std::move(article.url);
    } else {
      ArticleSummary summary = decode_summary(data);
      hit.id = std::move(summary.id);
      hit.title = std::move(summary.title);
      hit.date = std::move(summary.date);
      hit.source = std::move(summary.source);
      hit.url = std::move(summary.url);
    }
    hit.score = it.get_weight();
    result.hits.push_back(std::move(hit));
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::optional<Article> Searcher::find_article(const std::string& id) {
  for (int attempt = 1;; ++attempt) {
    try {
      const std::string term = schema::id_term(id);
      Xapian::PostingIterator it = db_.postlist_begin(term);
      if (it == db_.postlist_end(term)) return std::nullopt;
      return decode_article(db_.get_document(*it).get_data());
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw DatabaseUnavailable("database keeps changing; try again");
      reopen();
    } catch (const Xapian::Error& e) {
      throw DatabaseUnavailable("reading article failed: " + e.get_description());
    }
  }
}

}  // namespace berita
