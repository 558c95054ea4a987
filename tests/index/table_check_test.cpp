#include "index/table_check.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "support/test_support.h"

namespace fs = std::filesystem;

namespace berita {

// Xapian 1.4.22's check frees an object with the wrong sized delete, which
// AddressSanitizer reports (index/rebuild.cc skips the check there too).
#if !defined(__SANITIZE_ADDRESS__)
namespace {

// Enough documents for every table to span many blocks.
void write_database(const std::string& path) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
  Xapian::TermGenerator generator;
  for (int i = 0; i < 3000; ++i) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text("story " + std::to_string(i) + " about harbour number " +
                         std::to_string(i % 97) + " and river " + std::to_string(i % 13));
    doc.set_data("stored text of story " + std::to_string(i));
    doc.add_value(0, std::to_string(i));
    db.add_document(doc);
  }
  db.commit();
}

// Overwrites the start of every block of a table (level, free space and
// item directory), as a failing disk would.
void damage(const std::string& table) {
  constexpr std::uintmax_t kBlockSize = 8192;  // Xapian's default
  const auto size = fs::file_size(table);
  REQUIRE(size >= 2 * kBlockSize);
  std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
  const std::string junk(24, '\x01');
  for (std::uintmax_t block = 0; block < size / kBlockSize; ++block) {
    file.seekp(static_cast<std::streamoff>(block * kBlockSize + 4));
    file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
}

// The check either counts errors or finds the table unreadable; both must stop a rebuild.
std::string check_failure(const std::string& path, unsigned threads) {
  try {
    check_database_tables(path, threads);
  } catch (const std::runtime_error& error) {
    return error.what();
  } catch (const Xapian::Error& error) {
    return error.get_description();
  }
  return "";
}

}  // namespace

TEST_CASE("an intact database passes the table check with any number of threads",
          "[index][table_check]") {
  test::TempDir dir;
  const std::string db = dir.file("db");
  write_database(db);
  for (unsigned threads : {1u, 2u, 8u}) {
    INFO("threads " << threads);
    CHECK(check_failure(db, threads).empty());
  }
}

TEST_CASE("a damaged table fails the check whichever thread checks it", "[index][table_check]") {
  for (const char* table : {"postlist.glass", "position.glass", "termlist.glass"}) {
    for (unsigned threads : {1u, 2u}) {
      INFO(table << ", threads " << threads);
      test::TempDir dir;
      const std::string db = dir.file("db");
      write_database(db);
      damage(db + "/" + table);
      CHECK_FALSE(check_failure(db, threads).empty());
    }
  }
}

#endif  // !defined(__SANITIZE_ADDRESS__)

TEST_CASE("a directory without glass tables is refused", "[index][table_check]") {
  test::TempDir dir;
  fs::create_directories(dir.file("empty"));
  CHECK_THROWS_WITH(check_database_tables(dir.file("empty"), 2),
                    Catch::Contains("no glass tables"));
}

}  // namespace berita
