#include "eval/metrics.h"

#include <catch2/catch.hpp>
#include <cmath>

using berita::eval::Judgments;
using berita::eval::mean_of;
using berita::eval::measure;
using berita::eval::QueryMetrics;
using berita::eval::RankedDoc;

namespace {

std::vector<RankedDoc> ranked(std::initializer_list<const char*> ids) {
  std::vector<RankedDoc> out;
  double score = 100;
  for (const char* id : ids) out.push_back({id, score--});
  return out;
}

}  // namespace

TEST_CASE("graded judgments give trec_eval's measures, worked by hand", "[eval][metrics]") {
  // Levels by rank: d3=0 (judged non-relevant), d1=1, d5 unjudged, d4=2, d2=1.
  const Judgments judgments{{"d1", 1}, {"d2", 1}, {"d3", 0}, {"d4", 2}};
  const QueryMetrics m = measure(ranked({"d3", "d1", "d5", "d4", "d2"}), judgments);
  CHECK(m.relevant == 3);
  CHECK(m.relevant_retrieved == 3);
  CHECK(m.retrieved == 5);
  // (1/2 + 2/4 + 3/5) / 3
  CHECK(m.average_precision == Approx(1.6 / 3));
  CHECK(m.precision_at_10 == Approx(0.3));
  CHECK(m.recall_at_100 == Approx(1.0));
  CHECK(m.reciprocal_rank == Approx(0.5));
  // DCG = 1/log2(3) + 2/log2(5) + 1/log2(6); ideal = 2 + 1/log2(3) + 1/log2(4)
  CHECK(m.ndcg_at_10 == Approx(1.8791356769527852 / 3.1309297535714578));
}

TEST_CASE("a perfect ranking scores one everywhere", "[eval][metrics]") {
  const Judgments judgments{{"a", 3}, {"b", 2}, {"c", 1}};
  const QueryMetrics m = measure(ranked({"a", "b", "c", "x"}), judgments);
  CHECK(m.ndcg_at_10 == Approx(1.0));
  CHECK(m.average_precision == Approx(1.0));
  CHECK(m.reciprocal_rank == Approx(1.0));
  CHECK(m.recall_at_100 == Approx(1.0));
  CHECK(m.precision_at_10 == Approx(0.3));
}

TEST_CASE("relevant documents missed by the ranking count against MAP and nDCG",
          "[eval][metrics]") {
  // Only b of a, b retrieved, at rank 1: AP = (1/1) / 2; ideal DCG has both.
  const Judgments judgments{{"a", 1}, {"b", 1}};
  const QueryMetrics m = measure(ranked({"b", "x"}), judgments);
  CHECK(m.average_precision == Approx(0.5));
  CHECK(m.recall_at_100 == Approx(0.5));
  CHECK(m.ndcg_at_10 == Approx(1.0 / (1.0 + 1.0 / std::log2(3.0))));
}

TEST_CASE("cut-offs: a hit at rank 11 counts for MAP and MRR only", "[eval][metrics]") {
  std::vector<RankedDoc> ranking;
  for (int i = 0; i < 10; ++i) ranking.push_back({"n" + std::to_string(i), 50.0 - i});
  ranking.push_back({"r", 1.0});
  const QueryMetrics m = measure(ranking, Judgments{{"r", 1}});
  CHECK(m.precision_at_10 == 0);
  CHECK(m.ndcg_at_10 == 0);
  CHECK(m.reciprocal_rank == Approx(1.0 / 11));
  CHECK(m.average_precision == Approx(1.0 / 11));
  CHECK(m.recall_at_100 == Approx(1.0));
}

TEST_CASE("recall@100 ignores relevant documents after rank 100", "[eval][metrics]") {
  std::vector<RankedDoc> ranking;
  for (int i = 0; i < 150; ++i) ranking.push_back({"d" + std::to_string(i), 200.0 - i});
  const QueryMetrics m = measure(ranking, Judgments{{"d0", 1}, {"d120", 1}});
  CHECK(m.recall_at_100 == Approx(0.5));
  CHECK(m.average_precision == Approx((1.0 + 2.0 / 121) / 2));
}

TEST_CASE("levels of zero or below are not relevant", "[eval][metrics]") {
  const QueryMetrics m = measure(ranked({"a", "b"}), Judgments{{"a", 0}, {"b", -1}});
  CHECK(m.relevant == 0);
  CHECK(m.ndcg_at_10 == 0);
  CHECK(m.average_precision == 0);
  CHECK(m.reciprocal_rank == 0);
}

TEST_CASE("an empty ranking scores zero", "[eval][metrics]") {
  const QueryMetrics m = measure({}, Judgments{{"a", 1}});
  CHECK(m.relevant == 1);
  CHECK(m.ndcg_at_10 == 0);
  CHECK(m.average_precision == 0);
  CHECK(m.precision_at_10 == 0);
}

TEST_CASE("ties are ordered as trec_eval orders them: id descending", "[eval][metrics]") {
  std::vector<RankedDoc> ranking{{"a", 1.0}, {"c", 2.0}, {"b", 1.0}, {"d", 1.0}};
  berita::eval::sort_like_trec_eval(ranking);
  REQUIRE(ranking.size() == 4);
  CHECK(ranking[0].id == "c");
  CHECK(ranking[1].id == "d");
  CHECK(ranking[2].id == "b");
  CHECK(ranking[3].id == "a");
}

TEST_CASE("means average each measure over queries", "[eval][metrics]") {
  QueryMetrics one;
  one.ndcg_at_10 = 1.0;
  one.average_precision = 0.5;
  one.relevant = 2;
  QueryMetrics two;
  two.ndcg_at_10 = 0.5;
  two.average_precision = 0.0;
  two.relevant = 3;
  const QueryMetrics mean = mean_of({one, two});
  CHECK(mean.ndcg_at_10 == Approx(0.75));
  CHECK(mean.average_precision == Approx(0.25));
  CHECK(mean.relevant == 5);
  CHECK(mean_of({}).ndcg_at_10 == 0);
}
