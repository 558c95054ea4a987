#include "eval/evaluator.h"

#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "eval/eval_test_support.h"
#include "support/test_support.h"

using berita::eval::plain_words;

TEST_CASE("plain_words keeps only words, lower-cased", "[eval][evaluator]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"what similarity laws must be obeyed .", "what similarity laws must be obeyed"},
      {"MEASUREMENT OF LIQUIDS AND GASES", "measurement of liquids and gases"},
      {"What is TSS (Time Sharing System)?", "what is tss time sharing system"},
      {"\"boundary layer\" +flow -wing title:jet", "boundary layer flow wing title jet"},
      {"the DDC's history; non-linear flow", "the ddc's history non linear flow"},
      {"'quoted' words' end", "quoted words end"},
      {"elect* NEAR vote", "elect near vote"},
      {"Émile Zola's café", "émile zola's café"},
      {" ?!. ", ""},
  };
  for (const auto& [text, words] : cases) {
    INFO(text);
    CHECK(plain_words(text) == words);
  }
}

namespace {

constexpr const char* kDocs =
    R"({"id": "a", "title": "Apple harvest", "body": "Apples are picked in autumn."}
{"id": "b", "title": "Pear trees", "body": "Pears and an apple or two."}
{"id": "c", "title": "Car engines", "body": "Engines burn fuel."}
)";

}  // namespace

TEST_CASE("evaluate measures judged queries and warns about the rest", "[eval][evaluator]") {
  berita::test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(berita::test::index_into(db, dir.write("docs.jsonl", kDocs)) == 3);
  berita::Searcher searcher(db);

  // Query syntax characters must not lose a query: "(apple" and a dangling
  // NOT would be a parse error or an operator if searched as written.
  const std::vector<berita::eval::EvalQuery> queries = {
      {"1", "(apple NOT"}, {"2", "engines?"}, {"3", "\"nothing matches this\""}};
  const berita::eval::Qrels qrels = {
      {"1", {{"a", 2}, {"b", 1}, {"zz", 1}}}, {"3", {{"c", 1}}}, {"9", {{"a", 1}}}};
  std::ostringstream warnings;
  const auto report = berita::eval::evaluate(searcher, queries, qrels, {}, warnings);

  CHECK(report.judged == 2);
  CHECK(report.unjudged == 1);
  CHECK(report.judged_docs_missing == 1);
  CHECK(report.qrels_without_query == 1);
  const std::string text = warnings.str();
  CHECK_THAT(text, Catch::Contains("1 queries have no judgments and are not measured: 2"));
  CHECK_THAT(text, Catch::Contains("1 judged documents are not in the database: zz"));
  CHECK_THAT(text, Catch::Contains("1 judged query ids have no query: 9"));

  REQUIRE(report.queries.size() == 3);
  const auto& apple = report.queries[0];
  REQUIRE(apple.ranking.size() == 2);
  CHECK(apple.ranking[0].id == "a");  // title and body match, and the title weighs more
  CHECK(apple.ranking[1].id == "b");
  CHECK(apple.metrics.recall_at_100 == Approx(2.0 / 3));
  CHECK(report.queries[1].ranking.size() == 1);  // unjudged queries still run
  CHECK(report.queries[2].ranking.empty());
  CHECK(report.queries[2].metrics.ndcg_at_10 == 0);
  // Mean over the two judged queries; the third query found nothing.
  CHECK(report.mean.ndcg_at_10 == Approx(apple.metrics.ndcg_at_10 / 2));

  std::ostringstream table;
  berita::eval::print_report(report, /*per_query=*/true, table);
  CHECK_THAT(table.str(), Catch::StartsWith("qid     \tndcg@10\tmap"));
  CHECK_THAT(table.str(), Catch::Contains("\nall     \t"));
  CHECK_THAT(table.str(), Catch::Contains("# 2 queries measured, 1 without judgments skipped"));
}

TEST_CASE("rankings deeper than one page are read page by page", "[eval][evaluator]") {
  berita::test::TempDir dir;
  std::string docs;
  for (int i = 0; i < 250; ++i) {
    docs += R"({"id": "d)" + std::to_string(i) + R"(", "title": "river )" + std::to_string(i) +
            R"(", "body": "the river flows )" + std::string(static_cast<std::size_t>(i % 7), 'x') +
            "\"}\n";
  }
  const std::string db = dir.file("db");
  REQUIRE(berita::test::index_into(db, dir.write("docs.jsonl", docs)) == 250);
  berita::Searcher searcher(db);
  std::ostringstream warnings;
  berita::eval::EvalOptions options;
  options.depth = 230;
  const auto report =
      berita::eval::evaluate(searcher, {{"1", "river"}}, {{"1", {{"d3", 1}}}}, options, warnings);
  REQUIRE(report.queries.size() == 1);
  const auto& ranking = report.queries[0].ranking;
  CHECK(ranking.size() == 230);
  std::set<std::string> distinct;
  for (const auto& doc : ranking) distinct.insert(doc.id);
  CHECK(distinct.size() == 230);  // pages neither overlap nor skip
}
