#include "search/searcher.h"

#include <chrono>
#include <optional>
#include <filesystem>

#include "index/stored_article.h"
#include "query/invalid_request.h"
#include "query/query_builder.h"
#include "schema/schema.h"
#include "search/snippets.h"
#include "text/utf8.h"

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

AnalyzerConfig analyzer_config_for(const Xapian::Database& db, const RankingConfig& ranking) {
  AnalyzerConfig config;
  const std::string stem = db.get_metadata(schema::kStemLanguageKey);
  if (!stem.empty()) config.stem_language = stem;
  config.query_stopwords = ranking.stopwords;
  config.query_default_op = query_op(ranking.default_operator);
  return config;
}

// Feedback terms are limited to stemmed words (the "Z" terms the query
// parser produces): field-prefixed copies would double-count a word, ids and
// filters are not text, numbers and stop words pull in unrelated documents.
class FeedbackTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.size() < 3 || term[0] != 'Z') return false;
    const unsigned char first = static_cast<unsigned char>(term[1]);
    if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return false;
    return !is_english_stopword(term.substr(1));
  }
};

}  // namespace

Searcher::Searcher(std::string db_path) : Searcher(std::move(db_path), RankingConfig{}) {}

Searcher::Searcher(std::string db_path, RankingConfig ranking)
    : db_path_(std::move(db_path)),
      resolved_path_(resolve(db_path_)),
      db_(open_database(resolved_path_)),
      ranking_(std::move(ranking)),
      analyzer_(analyzer_config_for(db_, ranking_)),
      parser_(analyzer_.make_query_parser(db_)) {}

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
  analyzer_ = Analyzer(analyzer_config_for(fresh, ranking_));
  parser_ = analyzer_.make_query_parser(fresh);
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
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(*make_weight(ranking_));
  const Xapian::Query query = build_query(request, parser_);
  enquire.set_query(query);
  if (request.sort == SortOrder::kDate) {
    enquire.set_sort_by_value_then_relevance(schema::slot::kDate, /*reverse=*/true);
  }
  // Snippets highlight the words the user typed, not feedback terms: they come
  // from an MSet of the typed query. MSet::snippet reads its Enquire's current
  // query, so feedback runs on a second Enquire that keeps the typed one.
  std::optional<Xapian::MSet> typed_mset;
  if (request.sort == SortOrder::kRelevance && ranking_.feedback_docs > 0 &&
      ranking_.feedback_terms > 0 && count_query_words(query) >= ranking_.feedback_min_terms) {
    Xapian::Enquire typed_enquire(db_);
    typed_enquire.set_weighting_scheme(*make_weight(ranking_));
    typed_enquire.set_query(query);
    typed_mset.emplace();
    enquire.set_query(expand_query(query, typed_enquire, *typed_mset));
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  const Xapian::MSet& snippet_mset = typed_mset ? *typed_mset : mset;

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
      hit.snippet = make_snippet(snippet_mset, article, analyzer_.stemmer());
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

Xapian::Query Searcher::expand_query(const Xapian::Query& query, Xapian::Enquire& typed_enquire,
                                     Xapian::MSet& top) const {
  top = typed_enquire.get_mset(0, ranking_.feedback_docs);
  // When the query matches no more documents than feedback would read, the
  // "top results" are simply everything that matched: nothing to learn.
  if (top.get_matches_upper_bound() <= ranking_.feedback_docs) return query;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  const FeedbackTermDecider decider;
  const Xapian::ESet eset = typed_enquire.get_eset(ranking_.feedback_terms, rset, &decider);
  if (eset.empty()) return query;

  // Like RM3, each expansion term counts in proportion to how strongly it
  // marks the feedback documents (the strongest counts 1), and the expansion
  // as a whole is scaled against the original query.
  const double strongest = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    const double share = strongest > 0 ? it.get_weight() / strongest : 1.0;
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), share);
  }
  const Xapian::Query expansion(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()), ranking_.feedback_weight);
  // AND_MAYBE: the expansion reorders what the query matches but adds no
  // matches, so phrases, fields, filters and the result count mean what the
  // user asked for.
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, expansion);
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
