#include "search/ranking.h"

#include <catch2/catch.hpp>

#include "eval/eval_test_support.h"
#include "query/query_builder.h"
#include "search/searcher.h"
#include "text/analyzer.h"
#include "support/test_support.h"

using berita::RankingConfig;
using berita::Searcher;
using berita::SearchRequest;

namespace {

std::vector<std::string> ids(const berita::SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits) out.push_back(hit.id);
  return out;
}

SearchRequest request_for(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.snippets = false;
  return request;
}

// Two documents about gliders share the words "soaring" and "thermals"; a
// third only has "thermals" and comes from another source.
constexpr const char* kDocs =
    R"({"id": "g1", "title": "Glider soaring", "body": "Soaring on thermals and ridge lift.", "source": "Air"}
{"id": "g2", "title": "Soaring thermals", "body": "Thermals lift a soaring glider high.", "source": "Air"}
{"id": "t3", "title": "Thermals underwear", "body": "Warm thermals for winter.", "source": "Shop"}
{"id": "x4", "title": "Car engines", "body": "Engines burn fuel.", "source": "Shop"}
)";

}  // namespace

TEST_CASE("scheme and operator names round-trip", "[search][ranking]") {
  for (const char* name : {"bm25", "bm25+", "pl2", "dph", "lm"}) {
    CHECK(berita::to_string(berita::parse_weighting_scheme(name)) == name);
    CHECK(berita::make_weight([&] {
            RankingConfig c;
            c.scheme = berita::parse_weighting_scheme(name);
            return c;
          }()) != nullptr);
  }
  for (const char* name : {"or", "and", "elite"}) {
    CHECK(berita::to_string(berita::parse_default_operator(name)) == name);
  }
  CHECK_THROWS_AS(berita::parse_weighting_scheme("tfidf"), std::invalid_argument);
  CHECK_THROWS_AS(berita::parse_default_operator("near"), std::invalid_argument);
}

TEST_CASE("stop words in a query do not change what matches", "[search][ranking]") {
  berita::test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(berita::test::index_into(db, dir.write("d.jsonl", kDocs)) == 4);
  RankingConfig with;
  with.stopwords = true;
  Searcher searcher(db, with);
  // "and" is in g1's body; as a stop word it must not pull g1 above g2 or
  // match anything by itself.
  CHECK(ids(searcher.search(request_for("the glider and"))) ==
        ids(searcher.search(request_for("glider"))));
  RankingConfig without;
  without.stopwords = false;
  without.feedback_docs = 0;
  Searcher literal(db, without);
  CHECK(ids(literal.search(request_for("glider and"))).size() == 2);
}

TEST_CASE("feedback reorders the matches by the top result's words, adding none",
          "[search][ranking]") {
  // "river" matches a, b and c. Without feedback c (river in its title)
  // beats b; feedback from the top result a adds "boats" and "ferry", and
  // only b shares "ferry".
  constexpr const char* kRiverDocs =
      R"({"id": "a", "title": "River boats", "body": "River boats and river ferry boats.", "source": "Air"}
{"id": "b", "title": "Ferry crossing", "body": "A ferry on the river.", "source": "Air"}
{"id": "c", "title": "River fish", "body": "Fish in the river.", "source": "Shop"}
{"id": "f", "title": "Ferry timetable", "body": "The ferry leaves at noon.", "source": "Air"}
{"id": "x", "title": "Car engines", "body": "Engines burn fuel.", "source": "Shop"}
{"id": "y", "title": "Tea prices", "body": "Tea and coffee prices rose.", "source": "Shop"}
{"id": "z", "title": "Rain tomorrow", "body": "Heavy rain is expected.", "source": "Shop"}
{"id": "w", "title": "Football final", "body": "The final ended in a draw.", "source": "Shop"}
)";
  berita::test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(berita::test::index_into(db, dir.write("d.jsonl", kRiverDocs)) == 8);
  RankingConfig plain;
  plain.feedback_docs = 0;
  RankingConfig feedback;
  feedback.feedback_docs = 1;
  feedback.feedback_terms = 5;
  feedback.feedback_weight = 3.0;  // strong, so one shared word decides
  feedback.feedback_min_terms = 1;  // this one-word query counts as descriptive
  Searcher without(db, plain);
  Searcher with(db, feedback);

  CHECK(ids(without.search(request_for("river"))) == std::vector<std::string>{"a", "c", "b"});
  const berita::SearchResult expanded = with.search(request_for("river"));
  CHECK(ids(expanded) == std::vector<std::string>{"a", "b", "c"});
  CHECK(expanded.total == 3);  // f shares "ferry" but not "river": not added

  SearchRequest filtered = request_for("river");
  filtered.sources = {"air"};
  CHECK(ids(with.search(filtered)) == std::vector<std::string>{"a", "b"});

  SearchRequest by_date = request_for("river");
  by_date.sort = berita::SortOrder::kDate;
  CHECK(with.search(by_date).total == 3);
}

TEST_CASE("count_query_words counts each free-text word once, not filters or fields",
          "[search][ranking]") {
  const auto words = [](const berita::SearchRequest& request) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    berita::Analyzer analyzer;
    Xapian::QueryParser parser = analyzer.make_query_parser(db);
    return berita::count_query_words(berita::build_query(request, parser));
  };
  CHECK(words(request_for("oil")) == 1);
  CHECK(words(request_for("Oil prices oil")) == 2);
  CHECK(words(request_for("\"prime minister\" mahathir")) == 3);
  CHECK(words(request_for("floods source:bernama lang:ms")) == 1);
  SearchRequest filtered = request_for("floods kelantan");
  filtered.sources = {"Bernama"};
  filtered.from = "2018-01-01";
  CHECK(words(filtered) == 2);
  CHECK(words(request_for("")) == 0);
}
