// End-to-end: the real berita-indexer and berita-search on real corpora.
#include <catch2/catch.hpp>
#include <sstream>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "support/test_support.h"

namespace berita {
namespace {

using test::binary;
using test::run;

Xapian::doccount doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

test::CommandResult index(const std::string& db, const std::vector<std::string>& inputs) {
  std::vector<std::string> argv = {binary("berita-indexer"), "--db", db};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  return run(argv);
}

test::CommandResult search(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {binary("berita-search"), "--db", db};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv);
}

TEST_CASE("the bundled corpus indexes cleanly and answers queries", "[e2e][indexer]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  const auto indexed = index(db, {test::source_path("corpus")});
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  CHECK(indexed.err.find(" 0 rejected") != std::string::npos);
  const auto found = search(db, {"--json", "alibaba", "kuala", "lumpur"});
  REQUIRE(found.exit_code == 0);
  const auto json = nlohmann::json::parse(found.out);
  REQUIRE_FALSE(json["hits"].empty());
  CHECK(json["hits"][0]["id"] == "articles/alibaba-kl-office");
  CHECK(json["hits"][0]["date"] == "2018-07-05");
  CHECK(json["hits"][0]["source"] == "Free Malaysia Today");
}

TEST_CASE("every query in corpus/queries/expected.tsv finds its article in the top 3",
          "[e2e][indexer]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(index(db, {test::source_path("corpus")}).exit_code == 0);
  std::istringstream lines(test::read_file(test::source_path("corpus/queries/expected.tsv")));
  std::string line;
  int checked = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string query = line.substr(0, tab);
    const std::string expected_id = line.substr(tab + 1);
    CAPTURE(query, expected_id);
    const auto found = search(db, {"--json", "--limit", "3", query});
    REQUIRE(found.exit_code == 0);
    bool present = false;
    const auto json = nlohmann::json::parse(found.out);
    for (const auto& hit : json["hits"]) {
      present = present || hit["id"] == expected_id;
    }
    CHECK(present);
    ++checked;
  }
  CHECK(checked >= 15);
}

TEST_CASE("BBC news: 2,225 articles, and reindexing replaces instead of adding",
          "[e2e][indexer]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  const std::string bbc = test::shared_corpus("bbc-news/docs.jsonl");
  const auto first = index(db, {bbc});
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK(doc_count(db) == 2225);
  CHECK(first.err.find("indexed 2225 articles (2225 added, 0 replaced)") != std::string::npos);
  const auto second = index(db, {bbc});
  REQUIRE(second.exit_code == 0);
  CHECK(doc_count(db) == 2225);
  CHECK(second.err.find("(0 added, 2225 replaced)") != std::string::npos);

  const auto found = search(db, {"--json", "oil prices"});
  REQUIRE(found.exit_code == 0);
  const auto json = nlohmann::json::parse(found.out);
  CHECK(json["query"] == "oil prices");
  CHECK(json["total"].get<int>() > 10);
  REQUIRE(json["hits"].size() == 10);
  double previous = 1e9;
  for (const auto& hit : json["hits"]) {
    CHECK(hit["id"].is_string());
    CHECK(hit["title"].is_string());
    CHECK(hit["score"].get<double>() <= previous);
    previous = hit["score"].get<double>();
    CHECK(hit["snippet"].get<std::string>().find("<mark>") != std::string::npos);
  }
  const auto text = search(db, {"--limit", "3", "oil prices"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("1. ") != std::string::npos);
  CHECK(text.out.find("3. ") != std::string::npos);
  CHECK(text.out.find("4. ") == std::string::npos);
}

TEST_CASE("the seed article indexes without its boilerplate", "[e2e][indexer]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(index(db, {test::shared_corpus("fmt-seed/raw-sample/alibaba-malaysia-office.txt")})
              .exit_code == 0);
  const auto whatsapp = search(db, {"--json", "WhatsApp"});
  REQUIRE(whatsapp.exit_code == 0);
  CHECK(nlohmann::json::parse(whatsapp.out)["total"] == 0);
  CHECK(nlohmann::json::parse(search(db, {"--json", "newsletter"}).out)["total"] == 0);
  CHECK(nlohmann::json::parse(search(db, {"--json", "location:kuala"}).out)["total"] == 1);
  CHECK(nlohmann::json::parse(search(db, {"--json", "standfirst:inspiration"}).out)["total"] == 1);
  const auto shown = search(db, {"--show", "alibaba-malaysia-office"});
  REQUIRE(shown.exit_code == 0);
  const auto article = nlohmann::json::parse(shown.out);
  CHECK(article["title"] == "Jack Ma opens first Alibaba office in Southeast Asia in KL");
  CHECK(article["location"] == "KUALA LUMPUR");
  CHECK(article["captions"].size() == 2);
}

TEST_CASE("Reuters plus broken lines: every bad line reported, every good article indexed",
          "[e2e][indexer]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  const std::string broken = dir.write(
      "broken.jsonl",
      "{\"id\":\"good-1\",\"title\":\"A good one\",\"body\":\"text\"}\n"
      "{\"id\":\"cut\",\"title\":\"Cut off\n"
      "not json at all\n"
      "{\"id\":\"good-2\",\"title\":\"Another good one\",\"body\":\"text\"}\n"
      "{\"title\":\"no id\"}\n"
      "{\"id\":\"bad-body\",\"title\":\"T\",\"body\":[\"text\"]}\n");
  const auto result = index(db, {test::shared_corpus("reuters21578/docs.jsonl"), broken});
  CHECK(result.exit_code == 1);
  for (const char* expected : {":2: malformed JSON", ":3: malformed JSON",
                               ":5: missing or empty id", ":6: field 'body' must be a string"}) {
    CHECK(result.err.find(broken + expected) != std::string::npos);
  }
  CHECK(result.err.find("4 rejected") != std::string::npos);
  CHECK(doc_count(db) == 21578 + 2);
}

TEST_CASE("usage errors and unusable databases exit with status 2", "[e2e][indexer]") {
  test::TempDir dir;
  CHECK(run({binary("berita-indexer")}).exit_code == 2);
  CHECK(run({binary("berita-indexer"), "--db", dir.file("db")}).exit_code == 2);
  CHECK(run({binary("berita-indexer"), "--db", dir.file("db"), "--batch-size", "0",
             test::source_path("corpus")})
            .exit_code == 2);
  const std::string not_a_db = dir.write("file", "not a database");
  const auto bad_db = index(not_a_db, {test::source_path("corpus")});
  CHECK(bad_db.exit_code == 2);
  CHECK(bad_db.err.find("berita-indexer: ") == 0);
  CHECK(run({binary("berita-indexer"), "--help"}).exit_code == 0);
}

TEST_CASE("berita-search reports bad queries and options in one line with status 2",
          "[e2e][search]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  REQUIRE(index(db, {test::source_path("corpus")}).exit_code == 0);
  const auto bad_query = search(db, {"oil AND"});
  CHECK(bad_query.exit_code == 2);
  CHECK(bad_query.err.find("berita-search: cannot parse query") == 0);
  CHECK(std::count(bad_query.err.begin(), bad_query.err.end(), '\n') == 1);
  CHECK(search(db, {"--limit", "0", "oil"}).exit_code == 2);
  CHECK(search(db, {"--sort", "sideways", "oil"}).exit_code == 2);
  CHECK(search(db, {"--from", "2018-13-01", "oil"}).exit_code == 2);
  CHECK(search(db, {"--limit", "many", "oil"}).exit_code == 2);
  const auto missing = run({binary("berita-search"), "--db", dir.file("none"), "oil"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("cannot open database") != std::string::npos);
  CHECK(search(db, {"--show", "no-such-id"}).exit_code == 1);
}

}  // namespace
}  // namespace berita
