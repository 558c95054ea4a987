#include "render/json_render.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace berita {
namespace {

TEST_CASE("search results render with stable keys and nulls for absent values",
          "[render][json]") {
  SearchResult result;
  result.query = "oil";
  result.total = 3;
  result.limit = 10;
  result.took_ms = 0.47100000001;
  result.hits.push_back(berita::test::make_hit("r-1", "Oil \"rises\"", "", "Reuters", "", 1.234567, "<mark>Oil</mark>"));
  CHECK(render_result_json(result) ==
        R"({"query":"oil","total":3,"offset":0,"limit":10,"took_ms":0.471,"suggestion":null,"hits":[)"
        R"({"id":"r-1","title":"Oil \"rises\"","date":null,"source":"Reuters","url":null,)"
        R"("score":1.2346,"snippet":"<mark>Oil</mark>"}]})");
}

TEST_CASE("errors render as {error: {code, message, parameter}}", "[render][json]") {
  CHECK(render_error_json("bad_parameter", "limit must be between 1 and 100", "limit") ==
        R"({"error":{"code":"bad_parameter","message":"limit must be between 1 and 100","parameter":"limit"}})");
  CHECK(render_error_json("not_found", "no such article") ==
        R"({"error":{"code":"not_found","message":"no such article"}})");
}

TEST_CASE("invalid UTF-8 in stored text does not break rendering", "[render][json]") {
  Article a;
  a.id = "x";
  a.title = "bad \xFF byte";
  const auto parsed = nlohmann::json::parse(render_article_json(a));
  CHECK(parsed["title"].get<std::string>() == "bad \xEF\xBF\xBD byte");
  CHECK(parsed["body"] == "");
  CHECK(parsed["date"].is_null());
}

}  // namespace
}  // namespace berita
