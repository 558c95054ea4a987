// berita-indexer's rebuild, delete, prune and report options, end to end
// with the real programs.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/reindex_support.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

using reindex_test::corpus_slice;
using reindex_test::jsonl;
using reindex_test::run_indexer;
using reindex_test::ScratchDir;

// berita-search --json QUERY -> the ids of the hits.
std::vector<std::string> search_ids(const ScratchDir& dir, const std::string& db,
                                    const std::string& query) {
  const std::string out = dir.file("search.json");
  const std::string command = "'" + reindex_test::search_binary() + "' --db '" + db +
                              "' --json --no-snippets '" + query + "' > '" + out + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  const auto json = nlohmann::json::parse(reindex_test::read_file(out));
  std::vector<std::string> ids;
  for (const auto& hit : json["hits"]) ids.push_back(hit["id"]);
  return ids;
}

TEST_CASE("a rebuild reports counts, reasons and phases, on stderr and as JSON", "[e2e][reindex]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string bbc = corpus_slice(dir, "bbc-news/docs.jsonl", 0, 120, "bbc.jsonl");
  const std::string bad = dir.write("bad.jsonl", jsonl("x1", "Fine", "fine") + "{broken\n" +
                                                     jsonl("x1", "Fine again", "replaced"));
  const auto result = run_indexer(
      {"--rebuild", "--threads", "2", "--db", db, "--report", dir.file("report.json"), bbc, bad});
  INFO(result.err);
  CHECK(result.exit_code == 1);  // one record rejected, the rest live
  CHECK(result.err.find("bad.jsonl:2: ") != std::string::npos);
  CHECK(result.err.find("indexed 122 articles (121 added, 1 replaced), 1 rejected") !=
        std::string::npos);
  CHECK(result.err.find("phases: parse") != std::string::npos);
  CHECK(fs::is_symlink(db));
  CHECK(Xapian::Database(db).get_doccount() == 121);

  const auto report = nlohmann::json::parse(reindex_test::read_file(dir.file("report.json")));
  CHECK(report["mode"] == "rebuild");
  CHECK(report["threads"] == 2);
  CHECK(report["added"] == 121);
  CHECK(report["replaced"] == 1);
  CHECK(report["rejected"] == 1);
  CHECK(report["rejected_reasons"].size() == 1);
  CHECK(report["doc_count"] == 121);
  for (const char* phase : {"parse", "index", "merge", "check", "swap"}) {
    CHECK(report["phases_seconds"][phase].get<double>() >= 0);
  }
  CHECK(report["phases_seconds"]["index"].get<double>() > 0);
}

TEST_CASE("a takedown is gone from search results when the command returns", "[e2e][reindex]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string input =
      dir.write("in.jsonl", jsonl("keep", "Flood warning issued", "Rivers rise in the north.") +
                                jsonl("gone", "Flood defamation", "A story under a court order."));
  REQUIRE(run_indexer({"-q", "--rebuild", "--db", db, input}).exit_code == 0);
  REQUIRE(search_ids(dir, db, "flood").size() == 2);

  const auto takedown = run_indexer({"-q", "--db", db, "--delete", "gone"});
  INFO(takedown.err);
  CHECK(takedown.exit_code == 0);
  CHECK(takedown.err.find("deleted 1 articles (0 ids not found)") != std::string::npos);
  CHECK(search_ids(dir, db, "flood") == std::vector<std::string>{"keep"});

  // The nightly rebuild keeps it out when given the takedown list.
  const std::string list = dir.write("takedowns.txt", "# court order\ngone\n");
  REQUIRE(run_indexer({"-q", "--rebuild", "--db", db, "--delete-from", list, input}).exit_code ==
          0);
  CHECK(search_ids(dir, db, "flood") == std::vector<std::string>{"keep"});
}

TEST_CASE("prune makes the database match its inputs", "[e2e][reindex]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string all = dir.write(
      "all.jsonl", jsonl("a", "Harbour news", "ships") + jsonl("b", "Harbour strike", "dockers"));
  REQUIRE(run_indexer({"-q", "--db", db, all}).exit_code == 0);
  const std::string one = dir.write("one.jsonl", jsonl("a", "Harbour news", "ships"));
  const auto pruned = run_indexer({"-q", "--prune", "--db", db, one});
  CHECK(pruned.exit_code == 0);
  CHECK(pruned.err.find("pruned 1") != std::string::npos);
  CHECK(search_ids(dir, db, "harbour") == std::vector<std::string>{"a"});
}

TEST_CASE("option mistakes are usage errors", "[e2e][reindex]") {
  ScratchDir dir;
  const std::string input = dir.write("in.jsonl", jsonl("a", "A", "a"));
  CHECK(run_indexer({"--rebuild", "--prune", "--db", dir.file("db"), input}).exit_code == 2);
  CHECK(run_indexer({"--rebuild", "--db", dir.file("db")}).exit_code == 2);
  CHECK(run_indexer({"--db", dir.file("db")}).exit_code == 2);
  const auto bad_hook = run_indexer({"--db", dir.file("db"), input}, "articles:many");
  CHECK(bad_hook.exit_code == 2);
  CHECK(bad_hook.err.find("bad crash point") != std::string::npos);
}

}  // namespace
}  // namespace berita
