// Explanations of hit scores: the parts must add up to the weight Xapian's
// matcher gave each hit, for every shape of query the Searcher sends, on the
// team's articles and on a sample of Reuters.
#include "search/explain.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include "index/article_codec.h"
#include "index/document_builder.h"
#include "index/indexer.h"
#include "index/stored_article.h"
#include "query/query_builder.h"
#include "schema/schema.h"
#include "search/feedback_terms.h"
#include "search/recency.h"
#include "search/searcher.h"
#include "support/test_support.h"
#include "text/analyzer.h"

namespace berita {
namespace {

constexpr double kTolerance = 1e-9;  // relative

// A database built by the real indexer, shared by the tests of one run.
class IndexedArchive {
 public:
  explicit IndexedArchive(const std::vector<std::string>& inputs) {
    IndexerConfig config;
    config.db_path = dir_.file("db");
    config.inputs = inputs;
    IndexObserver quiet;
    run_indexer(config, quiet);
  }
  std::string path() const { return dir_.file("db"); }
  const test::TempDir& dir() const { return dir_; }

 private:
  test::TempDir dir_;
};

const IndexedArchive& team_articles() {
  static const IndexedArchive archive({test::source_path("corpus/articles")});
  return archive;
}

// The first articles of Reuters-21578: enough for realistic statistics, quick
// to index.
std::string reuters_sample(const test::TempDir& dir, std::size_t articles) {
  std::ifstream in(test::shared_corpus("reuters21578/docs.jsonl"));
  std::ofstream out(dir.file("reuters-sample.jsonl"));
  std::string line;
  for (std::size_t i = 0; i < articles && std::getline(in, line); ++i) out << line << '\n';
  return dir.file("reuters-sample.jsonl");
}

const IndexedArchive& reuters() {
  static const test::TempDir input_dir;
  static const IndexedArchive archive({reuters_sample(input_dir, 3000)});
  return archive;
}

// What Searcher::search_once sends to Xapian for a relevance-sorted request:
// the built query, with pseudo-relevance feedback when the Searcher would
// add it. Rebuilt here because the Searcher does not expose its final query;
// the Searcher test below checks the two agree.
Xapian::Query final_query(const Xapian::Database& db, const SearchRequest& request,
                          const RankingConfig& ranking) {
  AnalyzerConfig config;
  config.stem_language = db.get_metadata(schema::kStemLanguageKey);
  config.query_stopwords = ranking.stopwords;
  config.query_default_op = query_op(ranking.default_operator);
  Analyzer analyzer(config);
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  const Xapian::Query query = build_query(request, parser);
  if (request.sort != SortOrder::kRelevance || ranking.feedback_docs == 0 ||
      ranking.feedback_terms == 0 || count_query_words(query) < ranking.feedback_min_terms) {
    return query;
  }
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet top = enquire.get_mset(0, ranking.feedback_docs);
  if (top.get_matches_upper_bound() <= ranking.feedback_docs) return query;
  Xapian::RSet rset;
  for (auto it = top.begin(); it != top.end(); ++it) rset.add_document(*it);
  const FeedbackTermDecider decider;
  const Xapian::ESet eset = enquire.get_eset(ranking.feedback_terms, rset, &decider);
  if (eset.empty()) return query;
  const double strongest = eset.begin().get_weight();
  std::vector<Xapian::Query> terms;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it),
                       strongest > 0 ? it.get_weight() / strongest : 1.0);
  }
  const Xapian::Query expansion(Xapian::Query::OP_SCALE_WEIGHT,
                                Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                                ranking.feedback_weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, expansion);
}

double sum_of_terms(const Explanation& explanation) {
  double sum = 0;
  for (const auto& term : explanation.terms) sum += term.weight;
  return sum;
}

// What explaining the top hits of some queries found.
struct Tally {
  std::size_t queries = 0;
  std::size_t hits = 0;
  std::size_t feedback_hits = 0;  // hits with a feedback term's weight in them
  double worst_unexplained = 0;   // largest |score - terms - freshness| / score
};

// Explains the top 10 hits of query and checks every one: the terms and the
// freshness bonus alone add up to the weight, other is 0. bonus_of gives
// each hit's freshness bonus.
void check_hits(const Xapian::Database& db, const Xapian::Query& query,
                const RankingConfig& ranking, Tally& tally,
                const std::function<double(Xapian::docid)>& bonus_of = nullptr) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  const ScoreExplainer explainer(db, query, ranking);
  ++tally.queries;
  std::vector<ScoredDocument> page;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    page.push_back({*it, it.get_weight(), bonus_of ? bonus_of(*it) : 0.0});
  }
  const std::vector<Explanation> batch = explainer.explain(page);
  REQUIRE(batch.size() == page.size());
  for (std::size_t i = 0; i < page.size(); ++i) {
    const double score = page[i].score;
    const Explanation explanation = explainer.explain(page[i].did, score, page[i].freshness_bonus);
    INFO(query.get_description() << " doc " << page[i].did << ": " << explanation.summary);
    // The page at once reads the same numbers as one hit at a time.
    CHECK(batch[i].summary == explanation.summary);
    REQUIRE(batch[i].terms.size() == explanation.terms.size());
    for (std::size_t t = 0; t < explanation.terms.size(); ++t) {
      CHECK(batch[i].terms[t].weight == explanation.terms[t].weight);
      CHECK(batch[i].terms[t].found_in == explanation.terms[t].found_in);
    }
    const double scale = std::max(std::fabs(score), 1e-12);
    const double parts = sum_of_terms(explanation) + explanation.freshness;
    CHECK(explanation.other == 0);
    const double unexplained = std::fabs(parts - score) / scale;
    CHECK(unexplained <= kTolerance);
    tally.worst_unexplained = std::max(tally.worst_unexplained, unexplained);
    CHECK_FALSE(explanation.summary.empty());
    for (const auto& term : explanation.terms) {
      CHECK(term.weight >= 0);
      if (term.field == "feedback" && term.weight > 0) {
        ++tally.feedback_hits;
        break;
      }
    }
    ++tally.hits;
  }
}

// Lower-case words of at least four letters from a title, in order, stop
// words left out.
std::vector<std::string> title_words(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (word.size() >= 4 && !is_english_stopword(word)) words.push_back(word);
    word.clear();
  };
  for (char c : title) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += static_cast<char>(c | 0x20);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

struct Sample {
  std::vector<std::string> words;
  std::string category;  // a category slug of the article, or empty
  std::string date;      // YYYY-MM-DD or empty
};

// Titles of every step-th article with at least min_words usable words.
std::vector<Sample> sample_titles(const Xapian::Database& db, std::size_t count,
                                  std::size_t min_words = 2) {
  std::vector<Sample> samples;
  const Xapian::docid last = db.get_lastdocid();
  const Xapian::docid step = std::max<Xapian::docid>(1, last / (3 * count));
  for (Xapian::docid did = 1; did <= last && samples.size() < count; did += step) {
    Xapian::Document doc;
    try {
      doc = db.get_document(did);
    } catch (const Xapian::DocNotFoundError&) {
      continue;
    }
    const ArticleSummary summary = ArticleCodec::for_database(db).decode_summary(doc);
    Sample sample;
    sample.words = title_words(summary.title);
    if (sample.words.size() < min_words) continue;
    sample.date = summary.date;
    Xapian::TermIterator term = doc.termlist_begin();
    term.skip_to(schema::prefix::kCategory);
    if (term != doc.termlist_end() && (*term).rfind(schema::prefix::kCategory, 0) == 0) {
      sample.category = (*term).substr(std::string(schema::prefix::kCategory).size());
    }
    samples.push_back(std::move(sample));
  }
  return samples;
}

Xapian::Query parse(const Xapian::Database& db, const std::string& text,
                    const RankingConfig& ranking = {}) {
  SearchRequest request;
  request.query = text;
  return final_query(db, request, ranking);
}

// Every query shape the Searcher sends, built from the sampled titles.
void check_query_shapes(const std::string& db_path, std::size_t samples, Tally& tally) {
  const Xapian::Database db(db_path);
  RankingConfig plain;
  plain.feedback_docs = 0;
  const RankingConfig with_feedback;  // the defaults, feedback from 3 words on
  for (const Sample& s : sample_titles(db, samples)) {
    const std::string& a = s.words[0];
    const std::string& b = s.words[1];
    check_hits(db, parse(db, a, plain), plain, tally);
    check_hits(db, parse(db, a + " " + b, plain), plain, tally);
    check_hits(db, parse(db, a + " AND " + b, plain), plain, tally);
    check_hits(db, parse(db, "\"" + a + " " + b + "\"", plain), plain, tally);
    check_hits(db, parse(db, "title:" + a, plain), plain, tally);
    check_hits(db, parse(db, "title:" + a + " " + b, plain), plain, tally);
    check_hits(db, parse(db, "+" + a + " " + b, plain), plain, tally);
    check_hits(db, parse(db, a + " -" + b, plain), plain, tally);
    check_hits(db, parse(db, a + " XOR " + b, plain), plain, tally);
    check_hits(db, parse(db, a + " NEAR " + b, plain), plain, tally);
    check_hits(db, parse(db, "(" + a + " OR \"" + a + " " + b + "\") AND NOT zzzqqq", plain), plain,
               tally);
    SearchRequest filtered;
    filtered.query = a + " " + b;
    if (!s.category.empty()) filtered.categories = {s.category};
    if (!s.date.empty()) filtered.to = s.date;
    check_hits(db, final_query(db, filtered, plain), plain, tally);
    // Feedback: every title word (three or more run with the default
    // settings) plus the plain words again, so the query is descriptive.
    std::string descriptive;
    for (const auto& word : s.words) descriptive += word + " ";
    descriptive += a + " " + b;
    check_hits(db, parse(db, descriptive, with_feedback), with_feedback, tally);
  }
}

TEST_CASE("explanations add up to the score for every query shape on the team's articles",
          "[explain]") {
  Tally tally;
  check_query_shapes(team_articles().path(), 30, tally);
  INFO("queries " << tally.queries << ", hits " << tally.hits);
  CHECK(tally.queries >= 300);
  CHECK(tally.hits >= 300);
  CHECK(tally.worst_unexplained <= kTolerance);
}

TEST_CASE("explanations add up to the score for every query shape on Reuters", "[explain]") {
  Tally tally;
  check_query_shapes(reuters().path(), 40, tally);
  INFO("queries " << tally.queries << ", hits " << tally.hits << ", with feedback "
                  << tally.feedback_hits);
  CHECK(tally.queries >= 500);
  CHECK(tally.hits >= 2000);
  // Descriptive queries match plenty of Reuters articles, so feedback runs
  // and its terms are part of many explanations.
  CHECK(tally.feedback_hits >= 50);
  CHECK(tally.worst_unexplained <= kTolerance);
}

TEST_CASE("explanations match the Searcher's own scores, feedback included", "[explain]") {
  const std::string path = reuters().path();
  const Xapian::Database db(path);
  Searcher searcher(path);
  std::size_t checked = 0;
  std::size_t with_feedback = 0;
  for (const Sample& s : sample_titles(db, 25, 3)) {
    SearchRequest request;
    for (const auto& word : s.words) request.query += word + " ";
    request.snippets = false;
    const SearchResult result = searcher.search(request);
    const Xapian::Query query = final_query(db, request, searcher.ranking());
    const ScoreExplainer explainer(db, query, searcher.ranking());
    for (const Hit& hit : result.hits) {
      const Xapian::docid did = *db.postlist_begin(schema::id_term(hit.id));
      const Explanation explanation = explainer.explain(did, hit.score, 0);
      INFO(request.query << " -> " << hit.id << ": " << explanation.summary);
      CHECK(explanation.other == 0);
      CHECK(std::fabs(sum_of_terms(explanation) - hit.score) <= kTolerance * hit.score);
      const bool fed = std::any_of(explanation.terms.begin(), explanation.terms.end(),
                                   [](const ScoreTerm& t) { return t.field == "feedback"; });
      with_feedback += fed;
      ++checked;
    }
  }
  CHECK(checked >= 100);
  CHECK(with_feedback >= 50);
}

TEST_CASE("freshness, synonyms, wildcards and elite sets are explained exactly", "[explain]") {
  const Xapian::Database db(reuters().path());
  const RankingConfig ranking;
  Tally tally;
  std::size_t fresh_hits = 0;
  for (const Sample& s : sample_titles(db, 15)) {
    const Xapian::Query relevance = parse(db, s.words[0] + " " + s.words[1]);
    // sort=recency: the bonus the caller passes is the posting source's.
    Xapian::Enquire bound(db);
    bound.set_weighting_scheme(*make_weight(ranking));
    bound.set_query(relevance);
    const FreshnessModel model =
        make_freshness_model(db, bound.get_mset(0, 0).get_max_possible(), 30.0);
    const auto bonus_of = [&](Xapian::docid did) {
      const std::string day = db.get_document(did).get_value(schema::slot::kDayNumber);
      const double bonus =
          day.empty() ? 0.0 : freshness_bonus(Xapian::sortable_unserialise(day), model);
      fresh_hits += bonus > 0;
      return bonus;
    };
    check_hits(db, with_freshness(relevance, model), ranking, tally, bonus_of);

    const Xapian::Query synonyms(Xapian::Query::OP_SYNONYM, Xapian::Query("Z" + s.words[0]),
                                 Xapian::Query("Z" + s.words[1]));
    check_hits(db, Xapian::Query(Xapian::Query::OP_OR, synonyms, Xapian::Query("Zmarket")), ranking,
               tally);
    check_hits(db, parse(db, s.words[0].substr(0, 3) + "* " + s.words[1]), ranking, tally);
    // A term given twice its weight in the query (wqf 2).
    check_hits(db,
               Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Z" + s.words[0], 2, 1),
                             Xapian::Query("Z" + s.words[1], 1, 2)),
               ranking, tally);
    RankingConfig elite = ranking;
    elite.default_operator = DefaultOperator::kEliteSet;
    elite.feedback_docs = 0;
    check_hits(db, parse(db, s.words[0] + " " + s.words[1] + " market prices", elite), elite,
               tally);
  }
  CHECK(tally.hits >= 150);
  CHECK(fresh_hits >= 50);
}

TEST_CASE("groups Xapian weighs as one term are one line listing their members", "[explain]") {
  const Xapian::Database db(reuters().path());
  const RankingConfig ranking;
  const Xapian::Query query(Xapian::Query::OP_SYNONYM, Xapian::Query("Zoil"),
                            Xapian::Query("Zcrude"));
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  REQUIRE(mset.size() == 1);
  const Explanation explanation =
      explain_hit(db, query, *mset.begin(), mset.begin().get_weight(), ranking, 0);
  REQUIRE(explanation.terms.size() == 1);
  const ScoreTerm& group = explanation.terms[0];
  CHECK(group.group);
  CHECK(group.field == "text");
  CHECK(group.word == "crude / oil");
  CHECK((group.term == "Zcrude Zoil" || group.term == "Zoil" || group.term == "Zcrude"));
  CHECK(group.wdf > 0);
  CHECK(group.weight == Approx(mset.begin().get_weight()).epsilon(kTolerance));
  CHECK(explanation.summary.find("1 of 1 word") != std::string::npos);

  const Xapian::Query wildcard = parse(db, "petro*");
  enquire.set_query(wildcard);
  const Xapian::MSet wild = enquire.get_mset(0, 1);
  REQUIRE(wild.size() == 1);
  const Explanation expanded =
      explain_hit(db, wildcard, *wild.begin(), wild.begin().get_weight(), ranking, 0);
  REQUIRE(expanded.terms.size() == 1);
  CHECK(expanded.terms[0].group);
  CHECK(expanded.terms[0].word == "petro*");
  CHECK(expanded.terms[0].term.rfind("Zpetro", 0) == 0);
  CHECK(expanded.other == 0);

  // An elite set that keeps every word is shown word by word.
  RankingConfig elite = ranking;
  elite.default_operator = DefaultOperator::kEliteSet;
  elite.feedback_docs = 0;
  const Xapian::Query elite_query = parse(db, "crude oil prices", elite);
  REQUIRE(elite_query.get_type() == Xapian::Query::OP_ELITE_SET);
  enquire.set_query(elite_query);
  const Xapian::MSet elite_mset = enquire.get_mset(0, 1);
  REQUIRE(elite_mset.size() == 1);
  const Explanation by_word =
      explain_hit(db, elite_query, *elite_mset.begin(), elite_mset.begin().get_weight(), elite, 0);
  CHECK(by_word.terms.size() == 3);
  for (const auto& term : by_word.terms) CHECK_FALSE(term.group);
  CHECK(by_word.other == 0);
  CHECK(by_word.summary.find("3 of 3 words") != std::string::npos);
}

// Two articles of the same length that differ only in where "flood" is.
class FloodArchive {
 public:
  FloodArchive() {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_or_check(db, "english");
    Analyzer analyzer;
    const auto add = [&](std::string id, std::string title, std::string body) {
      Article a;
      a.id = std::move(id);
      a.title = std::move(title);
      a.paragraphs = {std::move(body)};
      a.date = "2021-01-04";
      a.source = "Bernama";
      db.replace_document(schema::id_term(a.id), build_document(a, analyzer));
    };
    add("in-title", "Flood hits Kuala Krai", "Rain fell on the town all night long.");
    add("in-body", "Storm hits Kuala Krai", "Rain and flood on the town all night.");
    add("neither", "Market report", "Palm oil prices were steady on Monday.");
    add("other", "Weather today", "Sunny with some clouds in the afternoon.");
    db.commit();
  }
  std::string path() const { return dir_.file("db"); }

 private:
  test::TempDir dir_;
};

const ScoreTerm* find_word(const Explanation& explanation, const std::string& word) {
  for (const auto& term : explanation.terms) {
    if (term.word == word) return &term;
  }
  return nullptr;
}

TEST_CASE("a title match contributes more than a body match and says so", "[explain]") {
  FloodArchive archive;
  const Xapian::Database db(archive.path());
  RankingConfig ranking;
  const Xapian::Query query = parse(db, "flood rain", ranking);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 2);
  const ScoreExplainer explainer(db, query, ranking);
  const Explanation top = explainer.explain(*mset.begin(), mset.begin().get_weight(), 0);
  const Explanation second =
      explainer.explain(*std::next(mset.begin()), std::next(mset.begin()).get_weight(), 0);
  CHECK(ArticleCodec::for_database(db).decode_summary(mset.begin().get_document()).id == "in-title");

  const ScoreTerm* title_flood = find_word(top, "flood");
  const ScoreTerm* title_rain = find_word(top, "rain");
  const ScoreTerm* body_flood = find_word(second, "flood");
  REQUIRE(title_flood != nullptr);
  REQUIRE(title_rain != nullptr);
  REQUIRE(body_flood != nullptr);
  // Within the hit, the title word outweighs the equally rare body word;
  // across hits, the same word weighs more in a title than in a body.
  CHECK(title_flood->weight > title_rain->weight);
  CHECK(title_flood->weight > body_flood->weight);
  CHECK(title_flood->wdf == 3);
  CHECK(body_flood->wdf == 1);
  CHECK(title_flood->found_in == std::vector<std::string>{"title"});
  CHECK(body_flood->found_in == std::vector<std::string>{"body"});
  CHECK(title_rain->found_in == std::vector<std::string>{"body"});
  CHECK(title_flood->field == "text");
  CHECK(title_flood->term == "Zflood");
  CHECK(title_flood->termfreq == 2);
  CHECK(title_rain->termfreq == 2);
  CHECK(top.summary.find("title match on 'flood' (x3)") != std::string::npos);
  CHECK(top.summary.find("2 of 2 words") != std::string::npos);
  CHECK(second.summary.find("title match") == std::string::npos);
  CHECK(top.terms.front().word == "flood");  // strongest first
}

TEST_CASE("field searches name their field and filters add nothing", "[explain]") {
  FloodArchive archive;
  const Xapian::Database db(archive.path());
  const RankingConfig ranking;
  const Xapian::Query query = parse(db, "title:flood source:bernama", ranking);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 1);
  const Explanation explanation =
      explain_hit(db, query, *mset.begin(), mset.begin().get_weight(), ranking, 0);
  REQUIRE(explanation.terms.size() == 1);
  CHECK(explanation.terms[0].term == "ZSflood");
  CHECK(explanation.terms[0].field == "title");
  CHECK(explanation.terms[0].found_in.empty());
  CHECK(explanation.other == 0);
  CHECK(explanation.summary.find("title match on 'flood'") != std::string::npos);
  CHECK(explanation.summary.find("(x3)") == std::string::npos);
}

TEST_CASE("a filter-only query scores nothing and its explanation is empty", "[explain]") {
  FloodArchive archive;
  const Xapian::Database db(archive.path());
  const RankingConfig ranking;
  const Xapian::Query query = parse(db, "source:bernama", ranking);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 4);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Explanation explanation = explain_hit(db, query, *it, it.get_weight(), ranking, 0);
    CHECK(it.get_weight() == 0);
    CHECK(explanation.terms.empty());
    CHECK(explanation.other == 0);
    CHECK(explanation.summary == "no scored words");
  }
}

TEST_CASE("other weighting schemes keep the total in other and say why", "[explain]") {
  FloodArchive archive;
  const Xapian::Database db(archive.path());
  RankingConfig ranking;
  ranking.scheme = WeightingScheme::kPL2;
  const Xapian::Query query = parse(db, "flood", ranking);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(ranking));
  enquire.set_query(query);
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  REQUIRE(mset.size() == 2);
  const Explanation explanation =
      explain_hit(db, query, *mset.begin(), mset.begin().get_weight(), ranking, 0);
  CHECK(explanation.other == mset.begin().get_weight());
  REQUIRE(explanation.terms.size() == 1);
  CHECK(explanation.terms[0].weight == 0);
  CHECK(explanation.terms[0].wdf == 3);
  CHECK(explanation.summary.find("pl2: per-term weights are computed for bm25 only") !=
        std::string::npos);
}

TEST_CASE("an article missing from the database is explained as other", "[explain]") {
  FloodArchive archive;
  const Xapian::Database db(archive.path());
  const Explanation explanation = explain_hit(db, parse(db, "flood"), 999, 2.5, {}, 0.5);
  CHECK(explanation.terms.empty());
  CHECK(explanation.freshness == 0.5);
  CHECK(explanation.other == 2.0);
  CHECK(explanation.summary == "article 999 is not in the database");

  const ScoreExplainer explainer(db, parse(db, "flood"), {});
  const std::vector<Explanation> page =
      explainer.explain({{999, 2.5, 0}, {1, 1.0, 0}, {0, 1.0, 0}});
  REQUIRE(page.size() == 3);
  CHECK(page[0].summary == "article 999 is not in the database");
  CHECK(page[1].terms.size() == 1);
  CHECK(page[2].summary == "article 0 is not in the database");
  CHECK(explainer.explain(std::vector<ScoredDocument>{}).empty());
  CHECK(explainer.explain(0, 1.0, 0).summary == "article 0 is not in the database");
}

// Cost: how long explaining one hit takes next to the query itself. Run by
// hand on the whole of Reuters: explain_tests "[.perf]".
TEST_CASE("explaining costs little next to the query", "[.perf][explain]") {
  test::TempDir dir;
  IndexerConfig config;
  config.db_path = dir.file("db");
  config.inputs = {test::shared_corpus("reuters21578/docs.jsonl")};
  IndexObserver quiet;
  run_indexer(config, quiet);
  const Xapian::Database db(dir.file("db"));
  Searcher searcher(dir.file("db"));
  const RankingConfig ranking;
  using Clock = std::chrono::steady_clock;
  for (std::size_t min_words : {2, 3}) {
    double search_us = 0;
    double analyse_us = 0;
    double explain_us = 0;
    double page_us = 0;
    std::size_t queries = 0;
    std::size_t hits = 0;
    for (const Sample& s : sample_titles(db, 200, min_words)) {
      SearchRequest request;
      for (std::size_t i = 0; i < min_words; ++i) request.query += s.words[i] + " ";
      request.snippets = false;
      auto start = Clock::now();
      searcher.search(request);
      search_us += std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      const Xapian::Query query = final_query(db, request, ranking);
      Xapian::Enquire enquire(db);
      enquire.set_weighting_scheme(*make_weight(ranking));
      enquire.set_query(query);
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      start = Clock::now();
      const ScoreExplainer explainer(db, query, ranking);
      analyse_us += std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      start = Clock::now();
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        explainer.explain(*it, it.get_weight(), 0);
        ++hits;
      }
      explain_us += std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      std::vector<ScoredDocument> page;
      for (auto it = mset.begin(); it != mset.end(); ++it)
        page.push_back({*it, it.get_weight(), 0});
      start = Clock::now();
      explainer.explain(page);
      page_us += std::chrono::duration<double, std::micro>(Clock::now() - start).count();
      ++queries;
    }
    WARN(min_words << "-word queries: " << queries << " queries, search " << search_us / queries
                   << " us/query, analysis " << analyse_us / queries
                   << " us/query, explain one by one " << explain_us / hits << " us/hit, as a page "
                   << page_us / hits << " us/hit");
    CHECK(page_us / queries < search_us / queries);
  }
}

}  // namespace
}  // namespace berita
