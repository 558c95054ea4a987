#include "search/value_columns.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "schema/schema.h"
#include "search/article_db.h"
#include "support/test_support.h"

namespace berita {
namespace {

Article make(std::string id, std::string source, std::string category, std::string lang,
             std::string date) {
  Article a;
  a.id = std::move(id);
  a.title = "Title of " + a.id;
  a.paragraphs = {"Body text."};
  a.source = std::move(source);
  if (!category.empty()) a.categories = {std::move(category)};
  a.lang = std::move(lang);
  a.date = std::move(date);
  return a;
}

TEST_CASE("value columns hold what the documents' value slots hold", "[value_columns]") {
  test::TempDir dir;
  test::write_articles(dir.file("db"), {make("a", "Bernama", "Politics", "en", "2018-05-10"),
                                        make("b", "The Star", "", "ms", ""),
                                        make("c", "Bernama", "Sport", "", "2019-12-31"),
                                        make("d", "Malaysiakini", "Politics", "en", "2018-05-11")});
  const Xapian::Database db(dir.file("db"));
  const ValueColumns columns(db);
  REQUIRE(columns.describes(db));
  REQUIRE(columns.last_docid() == db.get_lastdocid());
  for (const auto& field : schema::kFacetFields) {
    CAPTURE(field.name);
    const FacetColumn* column = columns.facet(field.name);
    REQUIRE(column != nullptr);
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
      const std::string stored = db.get_document(did).get_value(field.slot);
      const std::string expected =
          field.value_length == 0 ? stored : stored.substr(0, field.value_length);
      CAPTURE(did);
      if (expected.empty()) {
        CHECK(column->codes[did] == 0);
      } else {
        REQUIRE(column->codes[did] != 0);
        CHECK(column->values[column->codes[did]] == expected);
      }
    }
  }
  CHECK(columns.facet("colour") == nullptr);
  CHECK(columns.dated_count() == 3);
  CHECK(columns.day(1) == double(schema::days_since_epoch("2018-05-10")));
  CHECK(std::isnan(columns.day(2)));
  CHECK(std::isnan(columns.day(99)));
  CHECK(columns.next_dated(2) == 3);
  CHECK(columns.next_dated(5) == 0);
}

TEST_CASE("value columns stop describing a database that moved on", "[value_columns]") {
  test::TempDir dir;
  test::write_articles(dir.file("db"), {make("a", "Bernama", "Politics", "en", "2018-05-10")});
  Xapian::Database db(dir.file("db"));
  const auto shared = columns_for(db, nullptr);
  REQUIRE(shared != nullptr);
  const ValueColumns& columns = *shared;
  CHECK(columns.describes(db));
  CHECK(columns_for(db, shared) == shared);
  {
    Xapian::WritableDatabase writer(dir.file("db"));
    Xapian::Document doc;
    doc.add_value(schema::slot::kSource, "the-star");
    writer.replace_document(1, doc);  // same docid, new value
    writer.commit();
  }
  CHECK(columns.describes(db));  // db still reads the old revision
  REQUIRE(db.reopen());
  CHECK_FALSE(columns.describes(db));
  const auto rebuilt = columns_for(db, shared);
  REQUIRE(rebuilt != shared);
  CHECK(rebuilt->describes(db));
  const FacetColumn* source = rebuilt->facet("source");
  CHECK(source->values[source->codes[1]] == "the-star");

  test::TempDir other;
  test::write_articles(other.file("db"), {make("a", "Bernama", "Politics", "en", "2018-05-10")});
  CHECK_FALSE(columns.describes(Xapian::Database(other.file("db"))));
}

}  // namespace
}  // namespace berita
