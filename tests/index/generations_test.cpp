#include "index/generations.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "e2e/reindex_support.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

using reindex_test::ScratchDir;

// A tiny database holding one document whose data names it.
void make_database(const std::string& path, const std::string& label) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::Document doc;
  doc.set_data(label);
  db.add_document(doc);
  db.commit();
}

std::string label_of(const std::string& path) {
  Xapian::Database db(path);
  return db.get_document(1).get_data();
}

TEST_CASE("a second writer lock on the same database is refused", "[index][generations]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  WriterLock first(db);
  CHECK_THROWS_AS(WriterLock(db), IndexerBusy);
  CHECK_THROWS_WITH(WriterLock(db + "/"), Catch::Contains("locked by another indexer"));
  WriterLock other(dir.file("other"));  // another database is independent
}

TEST_CASE("the writer lock is free again once released", "[index][generations]") {
  ScratchDir dir;
  { WriterLock lock(dir.file("db")); }
  CHECK_NOTHROW(WriterLock(dir.file("db")));
}

TEST_CASE("publishing into a missing name creates the symlink", "[index][generations]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string build = make_build_dir(db);
  make_database(build + "/db", "first");
  const std::string gen = publish_generation(db, build + "/db", CrashPoint());
  CHECK(fs::is_symlink(db));
  CHECK(fs::read_symlink(db) == "db.gen-1");
  CHECK(gen == dir.file("db.gen-1"));
  CHECK(label_of(db) == "first");
  CHECK(live_generation(db) == dir.file("db.gen-1"));
}

TEST_CASE("a plain database directory is exchanged for the symlink and kept",
          "[index][generations]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  make_database(db, "plain");
  Xapian::Database reader(db);  // a reader with the plain database open
  const std::string build = make_build_dir(db);
  make_database(build + "/db", "rebuilt");
  publish_generation(db, build + "/db", CrashPoint());
  CHECK(fs::is_symlink(db));
  CHECK(label_of(db) == "rebuilt");
  CHECK(label_of(dir.file("db.gen-1")) == "plain");     // the old data is the previous generation
  CHECK(reader.get_document(1).get_data() == "plain");  // and its reader kept working
}

TEST_CASE("only the live and the previous generation are kept", "[index][generations]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  for (const char* label : {"one", "two", "three", "four"}) {
    const std::string build = make_build_dir(db);
    make_database(build + "/db", label);
    publish_generation(db, build + "/db", CrashPoint());
    remove_old_generations(db);
    fs::remove_all(build);
  }
  CHECK(label_of(db) == "four");
  CHECK(fs::exists(dir.file("db.gen-4")));
  CHECK(fs::exists(dir.file("db.gen-3")));
  CHECK_FALSE(fs::exists(dir.file("db.gen-2")));
  CHECK_FALSE(fs::exists(dir.file("db.gen-1")));
}

TEST_CASE("leftovers of a killed rebuild are removed, the live database is not",
          "[index][generations]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  make_database(db, "live");
  dir.write("db.build-999999/shard-0/junk", "x");
  fs::create_symlink("db.gen-7", dir.file("db.swap-999999"));
  dir.write("dbx.build-1/keep", "another database's build");
  const auto removed = remove_stale_builds(db);
  CHECK(removed.size() == 2);
  CHECK_FALSE(fs::exists(dir.file("db.build-999999")));
  CHECK_FALSE(fs::is_symlink(dir.file("db.swap-999999")));
  CHECK(fs::exists(dir.file("dbx.build-1/keep")));
  CHECK(label_of(db) == "live");
}

TEST_CASE("only a database directory may be replaced by a rebuild", "[index][generations]") {
  ScratchDir dir;
  CHECK_NOTHROW(check_replaceable(dir.file("missing")));
  make_database(dir.file("db"), "x");
  CHECK_NOTHROW(check_replaceable(dir.file("db")));
  dir.write("archive/story.txt", "A story");
  CHECK_THROWS_WITH(check_replaceable(dir.file("archive")),
                    Catch::Contains("not a Xapian database"));
  dir.write("file", "x");
  CHECK_THROWS_WITH(check_replaceable(dir.file("file")),
                    Catch::Contains("not a database directory"));
}

TEST_CASE("a malformed crash point is refused", "[index][generations]") {
  CHECK_THROWS_AS(CrashPoint("articles:x"), std::invalid_argument);
  CHECK_THROWS_AS(CrashPoint("articles:0"), std::invalid_argument);
  CHECK_FALSE(CrashPoint().enabled());
  CHECK(CrashPoint("merge").enabled());
}

}  // namespace
}  // namespace berita
