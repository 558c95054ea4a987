// Crash tests: the real berita-indexer is killed (SIGKILL, at exact points
// through BERITA_TEST_CRASH_AT, and from outside at random moments) during
// rebuilds and incremental batches. Each time the live database must be
// intact and serve as before, and a rerun must finish with the exact count.
#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <random>

#include "e2e/reindex_support.h"
#include "index/generations.h"
#include "search/searcher.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

using reindex_test::corpus_slice;
using reindex_test::run_indexer;
using reindex_test::ScratchDir;

constexpr int kKilled = 128 + 9;
constexpr std::size_t kOldCount = 200;  // BBC records 0..199
constexpr std::size_t kNewCount = 150;  // BBC records 200..349

std::vector<std::string> top_ids(const std::string& db, const std::string& query) {
  Searcher searcher(db);
  SearchRequest request;
  request.query = query;
  request.snippets = false;
  std::vector<std::string> ids;
  for (const auto& hit : searcher.search(request).hits) ids.push_back(hit.id);
  return ids;
}

void require_intact(const std::string& db, std::size_t count) {
  CHECK(reindex_test::database_errors(db) == 0);
  CHECK(Xapian::Database(db).get_doccount() == count);
}

bool has_leftovers(const ScratchDir& dir) {
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    const std::string name = entry.path().filename().string();
    if (name.find(".build-") != std::string::npos || name.find(".swap-") != std::string::npos) {
      return true;
    }
  }
  return false;
}

struct Fixture {
  ScratchDir dir;
  std::string db = dir.file("db");
  std::string old_input = corpus_slice(dir, "bbc-news/docs.jsonl", 0, kOldCount, "old.jsonl");
  std::string new_input =
      corpus_slice(dir, "bbc-news/docs.jsonl", kOldCount, kNewCount, "new.jsonl");
};

TEST_CASE("a rebuild killed at any point leaves the live database serving as before",
          "[e2e][reindex][crash]") {
  Fixture f;
  const auto built = run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  const auto before = top_ids(f.db, "economy growth");
  REQUIRE_FALSE(before.empty());

  for (const char* point : {"articles:60", "merge", "check", "swap"}) {
    INFO("crash at " << point);
    const auto crashed = run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input}, point);
    CHECK(crashed.exit_code == kKilled);
    require_intact(f.db, kOldCount);
    CHECK(top_ids(f.db, "economy growth") == before);
  }
  CHECK(has_leftovers(f.dir));

  const auto rerun = run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input});
  INFO(rerun.err);
  CHECK(rerun.exit_code == 0);
  CHECK(rerun.err.find("left by an interrupted run") != std::string::npos);
  require_intact(f.db, kNewCount);
  CHECK_FALSE(has_leftovers(f.dir));
}

TEST_CASE("a rebuild killed just after the switch leaves the complete new database",
          "[e2e][reindex][crash]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input}).exit_code == 0);
  CHECK(run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input}, "swapped").exit_code ==
        kKilled);
  require_intact(f.db, kNewCount);
  CHECK(run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input}).exit_code == 0);
  require_intact(f.db, kOldCount);
}

TEST_CASE("converting a plain database survives a kill in the middle of the exchange",
          "[e2e][reindex][crash]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--db", f.db, f.old_input}).exit_code == 0);
  REQUIRE(fs::is_directory(fs::symlink_status(f.db)));
  CHECK(run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input}, "exchange").exit_code ==
        kKilled);
  require_intact(f.db, kNewCount);  // the exchange is atomic: already the new database
  CHECK(has_leftovers(f.dir));      // the old directory, under its temporary name

  const auto rerun = run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input});
  CHECK(rerun.exit_code == 0);
  require_intact(f.db, kOldCount);
  CHECK_FALSE(has_leftovers(f.dir));
}

TEST_CASE("an incremental batch killed midway loses only the uncommitted batch",
          "[e2e][reindex][crash]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--db", f.db, f.old_input}).exit_code == 0);
  const auto before = top_ids(f.db, "economy growth");
  const auto crashed =
      run_indexer({"-q", "--batch-size", "40", "--db", f.db, f.new_input}, "articles:100");
  CHECK(crashed.exit_code == kKilled);
  // Batches of 40: two were committed before article 100, the third was not.
  require_intact(f.db, kOldCount + 80);
  CHECK(top_ids(f.db, "economy growth").size() == before.size());

  const auto rerun = run_indexer({"-q", "--batch-size", "40", "--db", f.db, f.new_input});
  CHECK(rerun.exit_code == 0);
  CHECK(rerun.err.find("(70 added, 80 replaced)") != std::string::npos);
  require_intact(f.db, kOldCount + kNewCount);
}

TEST_CASE("kill -9 at random moments never damages the live database", "[e2e][reindex][crash]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input}).exit_code == 0);
  const unsigned seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(20, 1500);
  for (int round = 0; round < 4; ++round) {
    const int delay = delay_ms(random);
    INFO("round " << round << ", killed after " << delay << " ms");
    const auto count_before = Xapian::Database(f.db).get_doccount();
    const auto ids_before = top_ids(f.db, "economy growth");
    const bool rebuild = round % 2 == 0;
    std::vector<std::string> args = {"-q", "--db", f.db, f.new_input};
    if (rebuild) args.insert(args.begin(), "--rebuild");
    run_indexer(args, "", delay);
    const auto count = Xapian::Database(f.db).get_doccount();
    if (rebuild) {
      // A rebuild switches all at once: the old database or the new one.
      CHECK((count == count_before || count == kNewCount));
      if (count != kNewCount) CHECK(top_ids(f.db, "economy growth") == ids_before);
    } else {
      // An update only adds the new records, in committed batches.
      CHECK(count >= count_before);
      CHECK(count <= count_before + kNewCount);
    }
    CHECK(reindex_test::database_errors(f.db) == 0);
  }
  const auto rerun = run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input});
  CHECK(rerun.exit_code == 0);
  require_intact(f.db, kNewCount);
  CHECK_FALSE(has_leftovers(f.dir));
}

TEST_CASE("a write failure during a rebuild aborts it and leaves the live database",
          "[e2e][reindex][faults]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--rebuild", "--db", f.db, f.old_input}).exit_code == 0);
  const auto live = live_generation(f.db);
  // A file size limit makes writes fail with EFBIG, as a full disk fails
  // them with ENOSPC; the ignored SIGXFSZ turns the signal into the error.
  const auto failed = run_indexer({"-q", "--rebuild", "--db", f.db, f.new_input}, "", 0,
                                  "trap '' XFSZ; ulimit -f 64;");
  INFO(failed.err);
  CHECK(failed.exit_code == 2);
  CHECK(failed.err.find("rebuild abandoned; the live database was not changed") !=
        std::string::npos);
  CHECK(live_generation(f.db) == live);
  require_intact(f.db, kOldCount);
  CHECK_FALSE(has_leftovers(f.dir));
}

TEST_CASE("a second indexer on the same database refuses with a clear message",
          "[e2e][reindex][faults]") {
  Fixture f;
  REQUIRE(run_indexer({"-q", "--db", f.db, f.old_input}).exit_code == 0);
  WriterLock busy(f.db);  // as if another indexer were running
  for (const bool rebuild : {true, false}) {
    std::vector<std::string> args = {"-q", "--db", f.db, f.new_input};
    if (rebuild) args.insert(args.begin(), "--rebuild");
    const auto second = run_indexer(args);
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("is locked by another indexer") != std::string::npos);
  }
  require_intact(f.db, kOldCount);
}

}  // namespace
}  // namespace berita
