#include "schema/schema.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include "support/test_support.h"

namespace berita {
namespace {

TEST_CASE("filter terms are slugified so spelling variants agree", "[schema]") {
  CHECK(schema::id_term("articles/x") == "Qarticles/x");
  CHECK(schema::source_term("Free Malaysia Today") == "XSRCfree-malaysia-today");
  CHECK(schema::source_term("free-malaysia-today") == "XSRCfree-malaysia-today");
  CHECK(schema::category_term("Isu Air") == "XCATisu-air");
  CHECK(schema::lang_term("MS") == "Lms");
}

TEST_CASE("date helpers", "[schema]") {
  CHECK(schema::date_slot_value("2018-07-05") == "20180705");
  CHECK(schema::days_since_epoch("1970-01-01") == 0);
  CHECK(schema::days_since_epoch("1970-01-02") == 1);
  CHECK(schema::days_since_epoch("2000-03-01") == 11017);
  CHECK(schema::days_since_epoch("1969-12-31") == -1);
}

TEST_CASE("a new database is stamped; a mismatching one is refused", "[schema]") {
  test::TempDir dir;
  const std::string path = dir.file("db");
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_or_check(db, "english");
    db.commit();
    CHECK(db.get_metadata(schema::kVersionKey) == std::to_string(schema::kVersion));
    CHECK_NOTHROW(schema::stamp_or_check(db, "english"));
    CHECK_THROWS_AS(schema::stamp_or_check(db, "french"), schema::SchemaMismatch);
  }
  {
    Xapian::WritableDatabase db(path, Xapian::DB_OPEN);
    db.set_metadata(schema::kVersionKey, "999");
    db.commit();
  }
  Xapian::Database reader(path);
  CHECK_THROWS_WITH(schema::check(reader), Catch::Contains("schema version 999"));
}

TEST_CASE("a database with documents but no schema is not Berita's", "[schema]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(Xapian::Document());
  CHECK_THROWS_AS(schema::stamp_or_check(db, "english"), schema::SchemaMismatch);
  CHECK_THROWS_AS(schema::check(db), schema::SchemaMismatch);
}

}  // namespace
}  // namespace berita
