// Incremental updates through the library: add or replace by id in the live
// database, deletions, pruning, and writing through a rebuilt generation.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "e2e/reindex_support.h"
#include "index/generations.h"
#include "index/indexer.h"
#include "search/searcher.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

using reindex_test::jsonl;
using reindex_test::ScratchDir;

IndexerConfig update_config(const std::string& db, std::vector<std::string> inputs) {
  IndexerConfig config;
  config.db_path = db;
  config.inputs = std::move(inputs);
  config.writer.batch_size = 3;
  return config;
}

std::string three_articles(const ScratchDir& dir, const std::string& name) {
  return dir.write(name, jsonl("apple", "Apple harvest", "Orchards report a big apple crop.") +
                             jsonl("pear", "Pear prices", "Pear growers see prices rise.") +
                             jsonl("plum", "Plum weather", "Frost hurts the plum orchards."));
}

std::size_t hits(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.snippets = false;
  return searcher.search(request).hits.size();
}

TEST_CASE("deleted articles are gone from search as soon as the update returns",
          "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  run_indexer(update_config(db, {three_articles(dir, "in.jsonl")}), quiet);
  Searcher searcher(db);
  REQUIRE(hits(searcher, "orchards") == 2);

  IndexerConfig takedown = update_config(db, {});
  takedown.delete_ids = {"apple", "no-such-id"};
  const IndexReport report = run_indexer(takedown, quiet);
  CHECK(report.deleted == 1);
  CHECK(report.not_found == 1);
  CHECK(report.doc_count == 2);
  searcher.refresh();
  CHECK(hits(searcher, "orchards") == 1);
  CHECK_FALSE(searcher.find_article("apple"));
}

TEST_CASE("ids to delete can come from a file with comments", "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  run_indexer(update_config(db, {three_articles(dir, "in.jsonl")}), quiet);
  IndexerConfig takedown = update_config(db, {});
  takedown.delete_from =
      dir.write("takedowns.txt", "# legal request 2018-07-05\n  pear  \n\nplum\n");
  const IndexReport report = run_indexer(takedown, quiet);
  CHECK(report.deleted == 2);
  CHECK(Xapian::Database(db).get_doccount() == 1);

  takedown.delete_from = dir.file("missing.txt");
  CHECK_THROWS_WITH(run_indexer(takedown, quiet), Catch::Contains("missing.txt"));
}

TEST_CASE("prune removes articles that are no longer in the inputs", "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  run_indexer(update_config(db, {three_articles(dir, "all.jsonl")}), quiet);
  const std::string fewer = dir.write("fewer.jsonl", jsonl("apple", "Apple harvest", "crop") +
                                                         jsonl("plum", "Plum weather", "frost"));
  IndexerConfig sync = update_config(db, {fewer});
  sync.prune = true;
  const IndexReport report = run_indexer(sync, quiet);
  CHECK(report.pruned == 1);
  CHECK(report.replaced == 2);
  Searcher searcher(db);
  CHECK_FALSE(searcher.find_article("pear"));
  CHECK(searcher.find_article("plum"));
}

TEST_CASE("prune is skipped when some inputs were rejected", "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  run_indexer(update_config(db, {three_articles(dir, "all.jsonl")}), quiet);
  const std::string damaged =
      dir.write("damaged.jsonl", jsonl("apple", "Apple", "crop") + "{oops\n");
  IndexerConfig sync = update_config(db, {damaged});
  sync.prune = true;
  const IndexReport report = run_indexer(sync, quiet);
  CHECK(report.rejected == 1);
  CHECK(report.pruned == 0);
  REQUIRE(report.notes.size() == 1);
  CHECK(report.notes[0].find("prune skipped") != std::string::npos);
  CHECK(Xapian::Database(db).get_doccount() == 3);
}

TEST_CASE("an update writes through the symlink into the live generation", "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  IndexerConfig rebuild = update_config(db, {three_articles(dir, "in.jsonl")});
  rebuild.rebuild = true;
  rebuild.parallel.threads = 2;
  run_indexer(rebuild, quiet);
  const std::string live = live_generation(db);
  REQUIRE_FALSE(live.empty());

  const std::string more = dir.write("more.jsonl", jsonl("fig", "Fig imports", "Figs arrive."));
  const IndexReport report = run_indexer(update_config(db, {more}), quiet);
  CHECK(report.added == 1);
  CHECK(live_generation(db) == live);
  CHECK(Xapian::Database(live).get_doccount() == 4);
  CHECK(fs::is_symlink(db));
}

TEST_CASE("an update refuses while another indexer holds the database", "[index][update]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  IndexObserver quiet;
  run_indexer(update_config(db, {three_articles(dir, "in.jsonl")}), quiet);
  WriterLock rebuild_in_progress(db);
  CHECK_THROWS_AS(run_indexer(update_config(db, {three_articles(dir, "again.jsonl")}), quiet),
                  IndexerBusy);
  CHECK(Xapian::Database(db).get_doccount() == 3);
}

TEST_CASE("rejections are counted by kind", "[index][update]") {
  CHECK(reason_kind("malformed JSON: unexpected end") == "malformed JSON");
  CHECK(reason_kind("binary file (skipped)") == "binary file");
  CHECK(reason_kind("empty file") == "empty file");
  IndexReport report;
  count_rejection(report, ParseError{"a.jsonl", 3, "malformed JSON: x"});
  count_rejection(report, ParseError{"a.jsonl", 4, "malformed JSON: y"});
  CHECK(report.rejected == 2);
  CHECK(report.rejected_reasons.at("malformed JSON") == 2);
}

}  // namespace
}  // namespace berita
