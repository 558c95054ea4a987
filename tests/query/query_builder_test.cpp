// Query text and request filters -> the Xapian query the matcher runs.
#include "query/query_builder.h"

#include <catch2/catch.hpp>

#include "query/invalid_request.h"
#include "support/test_support.h"
#include "text/analyzer.h"

namespace berita {
namespace {

std::string described(const SearchRequest& request) {
  // An empty database: the parser needs one only for wildcards and
  // spelling, which these cases do not exercise.
  const Xapian::Database db;
  Analyzer analyzer;
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  return build_query(request, parser).get_description();
}

SearchRequest text(const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.today = "2018-07-15";
  return request;
}

}  // namespace

TEST_CASE("query text becomes the expected Xapian query", "[query][builder]") {
  const struct {
    const char* text;
    const char* description;
  } cases[] = {
      {"flood", "Query(Zflood@1)"},
      {"floods kelantan", "Query((Zflood@1 OR Zkelantan@2))"},
      {"flood AND rain", "Query((Zflood@1 AND Zrain@2))"},
      {"flood -rain", "Query((Zflood@1 AND_NOT Zrain@2))"},
      {"\"prime minister\"", "Query((Zprime@1 PHRASE 2 Zminist@2))"},
      {"title:flood", "Query(ZSflood@1)"},
      {"headline:flood", "Query(ZSflood@1)"},
      {"source:bernama flood", "Query((Zflood@1 FILTER XSRCbernama))"},
      {"year:2018 flood", "Query((Zflood@1 FILTER Y2018))"},
      {"flood date:2018", "Query((Zflood@1 FILTER VALUE_RANGE 0 20180101 20181231))"},
      {"flood date:2018-07-01..2018-07-31",
       "Query((Zflood@1 FILTER VALUE_RANGE 0 20180701 20180731))"},
      {"flood date:2018-07", "Query((Zflood@1 FILTER VALUE_RANGE 0 20180701 20180731))"},
      {"after:2018-06 before:2019 flood",
       "Query((Zflood@1 FILTER VALUE_RANGE 0 20180701 20181231))"},
      {"flood after:2018-06-30", "Query((Zflood@1 FILTER VALUE_GE 0 20180701))"},
      {"last:7d flood", "Query((Zflood@1 FILTER VALUE_RANGE 0 20180708 20180715))"},
      {"last:2w flood", "Query((Zflood@1 FILTER VALUE_RANGE 0 20180701 20180715))"},
      {"last:1y", "Query((<alldocuments> FILTER VALUE_RANGE 0 20170715 20180715))"},
      {"\"date:2018 flood\"", "Query((Zdate@1 PHRASE 3 Z2018@2 PHRASE 3 Zflood@3))"},
      {"", "Query(<alldocuments>)"},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.text);
    CHECK(described(text(c.text)) == c.description);
  }
}

TEST_CASE("request filters and dates in the text narrow each other", "[query][builder]") {
  SearchRequest request = text("flood date:2018");
  request.from = "2018-06-01";
  request.sources = {"Bernama", "The Star"};
  CHECK(described(request) ==
        "Query((Zflood@1 FILTER ((XSRCbernama OR XSRCthe-star) AND "
        "VALUE_RANGE 0 20180601 20181231)))");

  SECTION("disjoint ranges match nothing rather than everything") {
    request.to = "2017-12-31";
    request.from.clear();
    CHECK(described(request) == "Query()");  // Xapian's "match nothing"
  }
}

TEST_CASE("bad date expressions are rejected naming the expression", "[query][builder]") {
  const struct {
    const char* text;
    const char* message;
  } cases[] = {
      {"flood last:7", "'last:7'"},
      {"flood last:d", "'last:d'"},
      {"date:2018-13", "'date:2018-13'"},
      {"date:2019..2018", "'date:2019..2018'"},
      {"before:someday", "'before:someday'"},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.text);
    try {
      described(text(c.text));
      FAIL("accepted " << c.text);
    } catch (const InvalidRequest& e) {
      CHECK(e.parameter() == "q");
      CHECK_THAT(e.what(), Catch::Contains(c.message));
    }
  }
}

}  // namespace berita
