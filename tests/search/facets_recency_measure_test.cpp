// Hidden measurements behind the numbers in search/facets.h,
// search/recency.h and search/value_columns.h; run by hand on an indexed
// Reuters collection:
//
//   berita-indexer --rebuild --db /tmp/fr-reuters ../shared/corpora/reuters21578/docs.jsonl
//   BERITA_MEASURE_DB=/tmp/fr-reuters facets_tests "[measure]"
//
// Each query of the AOL benchmark list that matches anything runs in every
// variant back to back (best of 5 each), so drifts in machine load hit all
// variants alike; ratios are against the plain top-10 query.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>

#include "query/query_builder.h"
#include "search/facets.h"
#include "search/ranking.h"
#include "search/recency.h"
#include "search/value_columns.h"
#include "text/analyzer.h"

namespace berita {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * (values.size() - 1))];
}

double best_of(int repeats, const std::function<void()>& run) {
  double best = 1e300;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    run();
    best = std::min(best, ms_since(start));
  }
  return best;
}

struct Setup {
  Xapian::Database db;
  std::unique_ptr<Xapian::Weight> weight;
  std::vector<Xapian::Query> queries;  // those that match something
};

Setup open_setup() {
  const char* db_path = std::getenv("BERITA_MEASURE_DB");
  if (db_path == nullptr) FAIL("set BERITA_MEASURE_DB to an indexed Reuters database");
  const RankingConfig ranking;
  Setup setup{Xapian::Database(db_path), make_weight(ranking), {}};
  AnalyzerConfig config;
  config.query_stopwords = ranking.stopwords;
  Xapian::QueryParser parser = Analyzer(config).make_query_parser(setup.db);
  std::ifstream in(std::string(BERITA_SHARED_DIR) + "/corpora/aol-benchmark-queries/queries.tsv");
  REQUIRE(in.good());
  std::string line;
  while (std::getline(in, line)) {
    SearchRequest request;
    request.query = line.substr(line.find('\t') + 1);
    request.today = "2020-01-01";
    const Xapian::Query query = build_query(request, parser);
    Xapian::Enquire enquire(setup.db);
    enquire.set_query(query);
    if (!enquire.get_mset(0, 1).empty()) setup.queries.push_back(query);
  }
  return setup;
}

// Times every variant on every query and prints, per variant, the median
// and 90th percentile time and its ratio to "plain" (ratio of medians,
// median of per-query ratios, ratio of total time).
void report(const Setup& setup,
            const std::vector<std::pair<std::string, std::function<void(const Xapian::Query&)>>>&
                variants) {
  std::map<std::string, std::vector<double>> times;
  for (const auto& query : setup.queries) {
    for (const auto& [name, run] : variants) {
      times[name].push_back(best_of(5, [&, &run = run] { run(query); }));
    }
  }
  const auto& plain = times.at("plain");
  double plain_total = 0;
  for (double t : plain) plain_total += t;
  std::cout << setup.queries.size() << " queries with matches\n";
  for (const auto& [name, ms] : times) {
    std::vector<double> ratios;
    double total = 0;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      ratios.push_back(ms[i] / plain[i]);
      total += ms[i];
    }
    std::cout << name << ": median " << percentile(ms, 0.5) << " ms, p90 " << percentile(ms, 0.9)
              << " ms; x plain: medians " << percentile(ms, 0.5) / percentile(plain, 0.5)
              << ", per query " << percentile(ratios, 0.5) << ", total " << total / plain_total
              << "\n";
  }
}

TEST_CASE("measure: facets and recency against the plain query", "[.][measure]") {
  const Setup setup = open_setup();
  const auto start = Clock::now();
  const auto columns = std::make_shared<const ValueColumns>(setup.db);
  std::cout << "value columns built in " << ms_since(start) << " ms\n";
  {
    const auto match_all = Clock::now();
    const FacetCounts all = FacetCounter({"source", "category", "lang"}, 10, columns)
                                .count(setup.db, Xapian::Query(std::string()));
    std::cout << "count() over all " << all.matches << " articles: " << ms_since(match_all)
              << " ms\n";
  }
  const std::vector<std::string> three = {"source", "category", "lang"};  // three slots
  const auto& weight = *setup.weight;
  auto enquire = [&](const Xapian::Query& query) {
    Xapian::Enquire e(setup.db);
    e.set_weighting_scheme(weight);
    e.set_query(query);
    return e;
  };
  report(setup, {
                    {"plain", [&](const Xapian::Query& q) { (void)enquire(q).get_mset(0, 10); }},
                    {"facets count() + columns",
                     [&](const Xapian::Query& q) {
                       (void)enquire(q).get_mset(0, 10);
                       (void)FacetCounter(three, 10, columns).count(setup.db, q);
                     }},
                    {"facets count(), no columns",
                     [&](const Xapian::Query& q) {
                       (void)enquire(q).get_mset(0, 10);
                       (void)FacetCounter(three, 10).count(setup.db, q);
                     }},
                    {"facets attach() + columns",
                     [&](const Xapian::Query& q) {
                       Xapian::Enquire e = enquire(q);
                       FacetCounter counter(three, 10, columns);
                       counter.attach(e);
                       (void)counter.collect(e.get_mset(0, 10, counter.check_at_least()));
                     }},
                    {"facets attach(), no columns",
                     [&](const Xapian::Query& q) {
                       Xapian::Enquire e = enquire(q);
                       FacetCounter counter(three, 10);
                       counter.attach(e);
                       (void)counter.collect(e.get_mset(0, 10, counter.check_at_least()));
                     }},
                    {"recency + columns",
                     [&](const Xapian::Query& q) {
                       Xapian::Enquire e = enquire(q);
                       apply_freshness(e, setup.db, 7.0, columns);
                       (void)e.get_mset(0, 10);
                     }},
                    {"recency, no columns",
                     [&](const Xapian::Query& q) {
                       Xapian::Enquire e = enquire(q);
                       apply_freshness(e, setup.db, 7.0);
                       (void)e.get_mset(0, 10);
                     }},
                    {"weight bound only (get_mset(0, 0))",
                     [&](const Xapian::Query& q) { (void)enquire(q).get_mset(0, 0); }},
                });
}

// What B has to fit between: how close the best match of a query comes to
// the query's weight bound, and how low a barely matching article sits.
TEST_CASE("measure: relevance scale of real queries", "[.][measure]") {
  const Setup setup = open_setup();
  std::vector<double> top_share, p10_share, gap_share;
  for (const auto& query : setup.queries) {
    Xapian::Enquire e(setup.db);
    e.set_weighting_scheme(*setup.weight);
    e.set_query(query);
    const Xapian::MSet all = e.get_mset(0, setup.db.get_doccount());
    if (all.size() < 20 || all.get_max_possible() <= 0) continue;
    std::vector<double> weights;
    for (auto it = all.begin(); it != all.end(); ++it) weights.push_back(it.get_weight());
    const double bound = all.get_max_possible();
    const double barely = percentile(weights, 0.1);
    top_share.push_back(weights.front() / bound);
    p10_share.push_back(barely / bound);
    gap_share.push_back((weights.front() - barely) / bound);
  }
  std::cout << top_share.size() << " queries with at least 20 matches, shares of the bound:\n"
            << "best match: median " << percentile(top_share, 0.5) << ", p10 "
            << percentile(top_share, 0.1) << ", p90 " << percentile(top_share, 0.9) << "\n"
            << "10th-percentile match: median " << percentile(p10_share, 0.5) << "\n"
            << "best - 10th percentile: median " << percentile(gap_share, 0.5) << ", p10 "
            << percentile(gap_share, 0.1) << ", p25 " << percentile(gap_share, 0.25) << "\n";
}

}  // namespace
}  // namespace berita
