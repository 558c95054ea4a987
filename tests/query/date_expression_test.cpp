#include "query/date_expression.h"

#include <catch2/catch.hpp>

#include "query/invalid_request.h"

namespace berita {
namespace {

constexpr const char* kToday = "2024-03-31";

struct Case {
  const char* query;
  const char* text;
  const char* from;
  const char* to;
};

TEST_CASE("date expressions become a date range and leave the words", "[query][dates]") {
  const Case cases[] = {
      {"floods date:2018", "floods ", "2018-01-01", "2018-12-31"},
      {"date:2018-02 budget", " budget", "2018-02-01", "2018-02-28"},
      {"date:2020-02", "", "2020-02-01", "2020-02-29"},
      {"date:2018-07-01..2018-07-31", "", "2018-07-01", "2018-07-31"},
      {"date:2018..2019-06", "", "2018-01-01", "2019-06-30"},
      {"date:2018..", "", "2018-01-01", ""},
      {"date:..2018", "", "", "2018-12-31"},
      {"date:2018-07-05", "", "2018-07-05", "2018-07-05"},
      {"after:2018-06 before:2019 anwar", "  anwar", "2018-07-01", "2018-12-31"},
      {"last:7d", "", "2024-03-24", kToday},
      {"last:2w", "", "2024-03-17", kToday},
      {"last:1m", "", "2024-02-29", kToday},  // 31 March minus a month clamps to February's end
      {"last:1y", "", "2023-03-31", kToday},
      {"date:2018 date:2018-05", " ", "2018-05-01", "2018-05-31"},
      {"\"before:2019 happened\" x", "\"before:2019 happened\" x", "", ""},
      {"title:date mandate:x", "title:date mandate:x", "", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.query);
    const ExtractedDates got = extract_date_expressions(c.query, kToday);
    CHECK(got.text == c.text);
    CHECK(got.range.from == c.from);
    CHECK(got.range.to == c.to);
  }
}

TEST_CASE("bad date expressions are bad queries that say what is wrong", "[query][dates]") {
  const std::pair<const char*, const char*> cases[] = {
      {"last:7", "expected a count and a unit"},
      {"last:d", "expected a count and a unit"},
      {"last:3q", "unknown unit 'q'"},
      {"date:2018-13", "expected YYYY, YYYY-MM or YYYY-MM-DD"},
      {"date:yesterday", "expected YYYY, YYYY-MM or YYYY-MM-DD"},
      {"date:2019..2018", "starts after it ends"},
      {"date:..", "at least one end"},
      {"after:", "missing value"},
      {"before:2018-02-30", "expected YYYY"},
  };
  for (const auto& [query, message] : cases) {
    CAPTURE(query);
    try {
      extract_date_expressions(query, kToday);
      FAIL("accepted");
    } catch (const InvalidRequest& e) {
      CHECK(e.code() == "bad_query");
      CHECK(e.parameter() == "q");
      CHECK_THAT(e.what(), Catch::Contains(message) && Catch::Contains(query));
    }
  }
}

TEST_CASE("intersect narrows ranges", "[query][dates]") {
  const DateRange a{"2018-01-01", "2018-12-31"};
  const DateRange b{"2018-06-01", ""};
  const DateRange both = intersect(a, b);
  CHECK(both.from == "2018-06-01");
  CHECK(both.to == "2018-12-31");
  CHECK(intersect(DateRange{}, DateRange{}).empty());
  CHECK(today_utc().size() == 10);
}

}  // namespace
}  // namespace berita
