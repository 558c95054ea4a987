#include "search/searcher.h"

#include <chrono>
#include <optional>
#include <filesystem>

#include "query/invalid_request.h"
#include "query/query_builder.h"
#include "schema/schema.h"
#include "search/explain.h"
#include "search/facets.h"
#include "search/feedback_terms.h"
#include "search/recency.h"
#include "search/similar.h"
#include "search/snippets.h"
#include "search/spelling.h"
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

// How many of a collapsed hit's fellow cluster members are listed by id.
constexpr unsigned kMaxDuplicateIds = 10;

}  // namespace

Searcher::Searcher(std::string db_path) : Searcher(std::move(db_path), RankingConfig{}) {}

Searcher::Searcher(std::string db_path, RankingConfig ranking)
    : db_path_(std::move(db_path)),
      resolved_path_(resolve(db_path_)),
      db_(open_database(resolved_path_)),
      codec_(ArticleCodec::for_database(db_)),
      ranking_(std::move(ranking)),
      analyzer_(analyzer_config_for(db_, ranking_)),
      parser_(analyzer_.make_query_parser(db_)) {}

Xapian::rev Searcher::revision() const { return db_.get_revision(); }

bool Searcher::reopen() {
  try {
    if (!db_.reopen()) return false;
    codec_ = ArticleCodec::for_database(db_);
    return true;
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
  codec_ = ArticleCodec::for_database(fresh);
  db_ = std::move(fresh);
  resolved_path_ = resolved;
  return true;
}

template <typename Read>
auto Searcher::with_retries(const char* what_failed, Read read) -> decltype(read()) {
  for (int attempt = 1;; ++attempt) {
    try {
      return read();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == kMaxAttempts) throw DatabaseUnavailable("database keeps changing; try again");
      reopen();
    } catch (const InvalidRequest&) {
      throw;
    } catch (const Xapian::Error& e) {
      throw DatabaseUnavailable(std::string(what_failed) + ": " + e.get_description());
    }
  }
}

SearchResult Searcher::search(const SearchRequest& request) {
  validate(request);
  return with_retries("search failed", [&] { return search_once(request); });
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
  if (request.collapse) enquire.set_collapse_key(schema::slot::kCluster);
  // Feedback runs on a second Enquire, which keeps the typed query and
  // gives the top results to learn from.
  std::optional<Xapian::MSet> typed_mset;
  if (request.sort != SortOrder::kDate && ranking_.feedback_docs > 0 &&
      ranking_.feedback_terms > 0 && count_query_words(query) >= ranking_.feedback_min_terms) {
    Xapian::Enquire typed_enquire(db_);
    typed_enquire.set_weighting_scheme(*make_weight(ranking_));
    typed_enquire.set_query(query);
    typed_mset.emplace();
    enquire.set_query(expand_query(query, typed_enquire, *typed_mset));
  }
  // Facets and freshness read value slots for every match; an in-memory
  // copy of those slots, rebuilt once per database revision, makes that
  // cheap (search/value_columns.h).
  if (!request.facets.empty() || request.sort == SortOrder::kRecency) {
    columns_ = columns_for(db_, columns_);
  }
  std::optional<FreshnessModel> freshness;
  if (request.sort == SortOrder::kRecency) {
    freshness = apply_freshness(enquire, db_, request.half_life_days, columns_);
  }
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  // Snippets highlight the words the user typed (query), not feedback terms;
  // their weights are read once for the page.
  std::optional<SnippetTerms> snippet_terms;
  if (request.snippets && !mset.empty()) snippet_terms.emplace(query, db_, analyzer_.stemmer());

  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  if (!request.facets.empty()) {
    // A pass of its own over the typed query and filters, so the ranked
    // match above keeps its pruning; it also gives the exact match count.
    const FacetCounts counts =
        FacetCounter(request.facets, request.facet_limit, columns_).count(db_, query);
    result.facets = counts.facets;
    result.total = counts.matches;
  }
  result.offset = request.offset;
  result.limit = request.limit;
  result.collapsed = request.collapse;
  if (request.suggest && !request.query.empty()) {
    result.suggestion = suggest_correction(db_, request.query, analyzer_);
  }
  result.hits.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    const Xapian::Document doc = it.get_document();
    fill_hit(stored_article_of(doc), snippet_terms ? &*snippet_terms : nullptr, hit);
    hit.score = it.get_weight();
    if (request.collapse) add_duplicates(doc, hit);
    result.hits.push_back(std::move(hit));
  }
  if (request.explain) explain_hits(enquire.get_query(), mset, freshness, result);
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
  return with_retries("reading article failed", [&]() -> std::optional<Article> {
    const std::string term = schema::id_term(id);
    Xapian::PostingIterator it = db_.postlist_begin(term);
    if (it == db_.postlist_end(term)) return std::nullopt;
    return codec_.decode(db_.get_document(*it));
  });
}

std::optional<SearchResult> Searcher::similar(const std::string& id, unsigned limit) {
  if (limit < 1 || limit > kMaxLimit) {
    throw InvalidRequest("bad_parameter", "limit",
                         "limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  return with_retries("finding similar articles failed", [&] { return similar_once(id, limit); });
}

std::optional<SearchResult> Searcher::similar_once(const std::string& id, unsigned limit) {
  const auto start = std::chrono::steady_clock::now();
  const std::string term = schema::id_term(id);
  Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  Xapian::Enquire enquire(db_);
  enquire.set_weighting_scheme(*make_weight(ranking_));
  enquire.set_query(more_like_this_query(db_, *it));
  // Copies of one wire story are one topic: show one of them.
  enquire.set_collapse_key(schema::slot::kCluster);
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  SearchResult result;
  result.query = "similar:" + id;
  result.total = mset.get_matches_estimated();
  result.limit = limit;
  for (auto hit_it = mset.begin(); hit_it != mset.end(); ++hit_it) {
    Hit hit;
    fill_hit(stored_article_of(hit_it.get_document()), nullptr, hit);
    hit.score = hit_it.get_weight();
    result.hits.push_back(std::move(hit));
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::vector<Completion> Searcher::complete(const std::string& prefix, unsigned limit) {
  return with_retries("completing failed", [&] { return berita::complete(db_, codec_, analyzer_.stemmer(), prefix, limit); });
}

void Searcher::explain_hits(const Xapian::Query& query, const Xapian::MSet& mset,
                            const std::optional<FreshnessModel>& freshness,
                            SearchResult& result) const {
  std::vector<ScoredDocument> scored;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ScoredDocument d;
    d.did = *it;
    d.score = it.get_weight();
    if (freshness) {
      const std::string day = it.get_document().get_value(schema::slot::kDayNumber);
      if (!day.empty()) d.freshness_bonus = freshness_bonus(Xapian::sortable_unserialise(day), *freshness);
    }
    scored.push_back(d);
  }
  // One explainer for the page: each term's postings are read once.
  std::vector<Explanation> explanations = ScoreExplainer(db_, query, ranking_).explain(scored);
  for (std::size_t i = 0; i < explanations.size() && i < result.hits.size(); ++i) {
    result.hits[i].explanation = std::move(explanations[i]);
    result.hits[i].has_explanation = true;
  }
}

void Searcher::add_duplicates(const Xapian::Document& doc, Hit& hit) const {
  const std::string key = doc.get_value(schema::slot::kCluster);
  if (key.empty()) return;
  const std::string term = schema::prefix::kCluster + key;
  hit.duplicates = db_.get_termfreq(term) - 1;
  const Xapian::docid self = doc.get_docid();
  for (auto it = db_.postlist_begin(term);
       it != db_.postlist_end(term) && hit.duplicate_ids.size() < kMaxDuplicateIds; ++it) {
    if (*it == self) continue;
    hit.duplicate_ids.push_back(codec_.decode_summary(db_.get_document(*it)).id);
  }
}

void Searcher::fill_hit(const std::string& data, const SnippetTerms* snippet_terms,
                        Hit& hit) const {
  if (snippet_terms != nullptr) {
    Article article = codec_.decode(data);
    hit.snippet = make_snippet(*snippet_terms, article);
    hit.id = std::move(article.id);
    hit.title = std::move(article.title);
    hit.date = std::move(article.date);
    hit.source = std::move(article.source);
    hit.url = std::move(article.url);
  } else {
    ArticleSummary summary = codec_.decode_summary(data);
    hit.id = std::move(summary.id);
    hit.title = std::move(summary.title);
    hit.date = std::move(summary.date);
    hit.source = std::move(summary.source);
    hit.url = std::move(summary.url);
  }
}

}  // namespace berita
