#include "searchd/request_params.h"

#include <catch2/catch.hpp>

#include "query/invalid_request.h"

namespace berita {
namespace {

TEST_CASE("parse_search_params builds the SearchRequest a query string asks for",
          "[searchd][request_params]") {
  SECTION("defaults when nothing is given") {
    const SearchRequest r = parse_search_params({});
    CHECK(r.query.empty());
    CHECK(r.limit == 10);
    CHECK(r.offset == 0);
    CHECK(r.sort == SortOrder::kRelevance);
    CHECK(r.snippets);
  }
  SECTION("every parameter") {
    const SearchRequest r = parse_search_params({{"q", "oil prices"},
                                                 {"limit", "25"},
                                                 {"offset", "50"},
                                                 {"sort", "date"},
                                                 {"source", "Reuters"},
                                                 {"source", "The Star"},
                                                 {"category", "business"},
                                                 {"lang", "en"},
                                                 {"lang", "ms"},
                                                 {"from", "2018-01-01"},
                                                 {"to", "2018-12-31"}});
    CHECK(r.query == "oil prices");
    CHECK(r.limit == 25);
    CHECK(r.offset == 50);
    CHECK(r.sort == SortOrder::kDate);
    CHECK(r.sources == std::vector<std::string>{"Reuters", "The Star"});
    CHECK(r.categories == std::vector<std::string>{"business"});
    CHECK(r.langs == std::vector<std::string>{"en", "ms"});
    CHECK(r.from == "2018-01-01");
    CHECK(r.to == "2018-12-31");
  }
  SECTION("empty values mean not given, as a plain HTML form sends them") {
    const SearchRequest r = parse_search_params(
        {{"q", "flood"}, {"source", ""}, {"from", ""}, {"to", ""}, {"limit", ""}, {"sort", ""}});
    CHECK(r.query == "flood");
    CHECK(r.sources.empty());
    CHECK(r.from.empty());
    CHECK(r.limit == 10);
  }
  SECTION("limit and offset at their bounds") {
    CHECK(parse_search_params({{"limit", "1"}}).limit == 1);
    CHECK(parse_search_params({{"limit", "100"}}).limit == 100);
    CHECK(parse_search_params({{"offset", "100000"}}).offset == 100000);
    CHECK(parse_search_params({{"limit", "007"}}).limit == 7);
  }
  SECTION("UTF-8 queries and tabs-free punctuation pass") {
    CHECK(parse_search_params({{"q", "caf\xC3\xA9 \"kuala lumpur\" -opec"}}).query ==
          "caf\xC3\xA9 \"kuala lumpur\" -opec");
  }
}

struct BadCase {
  QueryParams params;
  const char* code;
  const char* parameter;
};

TEST_CASE("parse_search_params rejects bad input naming the parameter",
          "[searchd][request_params]") {
  const BadCase cases[] = {
      {{{"limit", "abc"}}, "bad_parameter", "limit"},
      {{{"limit", "-1"}}, "bad_parameter", "limit"},
      {{{"limit", "1.5"}}, "bad_parameter", "limit"},
      {{{"limit", "0"}}, "bad_parameter", "limit"},
      {{{"limit", "101"}}, "bad_parameter", "limit"},
      {{{"limit", "99999999999999999999"}}, "bad_parameter", "limit"},
      {{{"limit", " 5"}}, "bad_parameter", "limit"},
      {{{"offset", "x"}}, "bad_parameter", "offset"},
      {{{"offset", "100001"}}, "bad_parameter", "offset"},
      {{{"sort", "newest"}}, "bad_parameter", "sort"},
      {{{"from", "2018-13-01"}}, "bad_parameter", "from"},
      {{{"from", "yesterday"}}, "bad_parameter", "from"},
      {{{"to", "2018-1-1"}}, "bad_parameter", "to"},
      {{{"from", "2019-01-01"}, {"to", "2018-01-01"}}, "bad_parameter", "from"},
      {{{"source", "   "}}, "bad_parameter", "source"},
      {{{"colour", "red"}}, "bad_parameter", "colour"},
      {{{"Q", "oil"}}, "bad_parameter", "Q"},
      {{{"q", "oil"}, {"q", "gas"}}, "bad_parameter", "q"},
      {{{"limit", "5"}, {"limit", "6"}}, "bad_parameter", "limit"},
      {{{"q", "caf\xC3"}}, "bad_query", "q"},
      {{{"q", "\xFF\xFE"}}, "bad_query", "q"},
      {{{"q", "oil\nprices"}}, "bad_query", "q"},
      {{{"q", "oil\tprices"}}, "bad_query", "q"},
      {{{"q", std::string("oil\0x", 5)}}, "bad_query", "q"},
      {{{"q", "oil\x7F"}}, "bad_query", "q"},
      {{{"q", "oil\xC2\x85"}}, "bad_query", "q"},
      {{{"q", std::string(3000, 'a')}}, "bad_query", "q"},
      {{{"source", "bbc\r\n"}}, "bad_parameter", "source"},
  };
  for (const auto& c : cases) {
    std::string described;
    for (const auto& [name, value] : c.params) described += name + "=" + value + "&";
    INFO("query string: " << described);
    try {
      parse_search_params(c.params);
      FAIL("accepted");
    } catch (const InvalidRequest& e) {
      CHECK(e.code() == c.code);
      CHECK(e.parameter() == c.parameter);
    }
  }
}

}  // namespace
}  // namespace berita
