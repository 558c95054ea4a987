#include "article/json_article.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <variant>

#include "support/test_support.h"

namespace berita {
namespace {

PageFurniture shipped_furniture() {
  PageFurniture furniture;
  REQUIRE(furniture.load_file(test::source_path("data/furniture.txt")).empty());
  return furniture;
}

std::variant<Article, ParseError> parse(const std::string& line) {
  std::vector<ParseError> warnings;
  return parse_json_article(line, "f.jsonl", 7, shipped_furniture(), warnings);
}

TEST_CASE("a corpus JSON line becomes an article with recognised structure",
          "[article][json]") {
  auto parsed = parse(
      R"({"id":"mynews-1","title":"Anwar calls meeting","body":"Anwar will meet leaders on Wednesday.\n\nPETALING JAYA: Anwar Ibrahim has called a meeting.\n\nAttendance was compulsory.","date":"2018-05-28","source":"Free Malaysia Today","category":"isu anwar;isu pkr","url":"http://x","lang":"en"})");
  REQUIRE(std::holds_alternative<Article>(parsed));
  const Article& a = std::get<Article>(parsed);
  CHECK(a.id == "mynews-1");
  CHECK(a.title == "Anwar calls meeting");
  CHECK(a.standfirst == "Anwar will meet leaders on Wednesday.");
  CHECK(a.location == "PETALING JAYA");
  CHECK(a.paragraphs == std::vector<std::string>{"Anwar Ibrahim has called a meeting.",
                                                 "Attendance was compulsory."});
  CHECK(a.date == "2018-05-28");
  CHECK(a.categories == std::vector<std::string>{"isu anwar", "isu pkr"});
  CHECK(a.lang == "en");
}

TEST_CASE("numeric ids and null fields are accepted", "[article][json]") {
  auto parsed = parse(R"({"id":42,"title":"T","body":"B","date":null,"source":null,"lang":null})");
  REQUIRE(std::holds_alternative<Article>(parsed));
  CHECK(std::get<Article>(parsed).id == "42");
  CHECK(std::get<Article>(parsed).lang == "en");
}

TEST_CASE("an untitled wire item takes its headline from the body", "[article][json]") {
  auto parsed = parse(
      R"({"id":"r-99","title":null,"body":"FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n\nTwo weeks ended Feb 25 figures. Reuter"})");
  REQUIRE(std::holds_alternative<Article>(parsed));
  const Article& a = std::get<Article>(parsed);
  CHECK(a.title == "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26");
  CHECK(a.location.empty());
  CHECK(a.paragraphs == std::vector<std::string>{"Two weeks ended Feb 25 figures."});

  const std::string long_first(400, 'w');
  auto cut = parse(R"({"id":"r-100","body":"Some words )" + long_first + R"("})");
  REQUIRE(std::holds_alternative<Article>(cut));
  CHECK(std::get<Article>(cut).title == "Some words\xE2\x80\xA6");
}

TEST_CASE("an empty record is kept under its id, with a warning", "[article][json]") {
  std::vector<ParseError> warnings;
  auto parsed = parse_json_article(R"({"id":"reuters-12793","title":null,"body":"","date":"1987-04-03"})",
                                   "f.jsonl", 3, shipped_furniture(), warnings);
  REQUIRE(std::holds_alternative<Article>(parsed));
  CHECK(std::get<Article>(parsed).title == "reuters-12793");
  CHECK(std::get<Article>(parsed).date == "1987-04-03");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].describe() == "f.jsonl:3: no title and no body: indexed with its id as title");
}

TEST_CASE("malformed JSON lines are rejected with file, line and reason", "[article][json]") {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"id":"a","title":"T")", "f.jsonl:7: malformed JSON"},
      {R"(["id","title"])", "f.jsonl:7: expected a JSON object"},
      {R"({"title":"T","body":"B"})", "f.jsonl:7: missing or empty id"},
      {R"({"id":"","title":"T"})", "f.jsonl:7: missing or empty id"},
      {R"({"id":"a","title":"T","body":{"text":"B"}})", "f.jsonl:7: field 'body' must be a string"},
      {R"({"id":"a","title":["T"]})", "f.jsonl:7: field 'title' must be a string"},
  };
  for (const auto& [line, expected] : cases) {
    CAPTURE(line);
    auto parsed = parse(line);
    REQUIRE(std::holds_alternative<ParseError>(parsed));
    CHECK(std::get<ParseError>(parsed).describe() == expected);
  }
}

TEST_CASE("FMT articles in the Malaysian corpus get datelines and standfirsts",
          "[article][json]") {
  std::ifstream in(test::shared_corpus("malaysian-news-2018/docs.jsonl"));
  const PageFurniture furniture = shipped_furniture();
  std::string line;
  long line_no = 0;
  int fmt = 0;
  int with_location = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find("\"Free Malaysia Today\"") == std::string::npos) continue;
    std::vector<ParseError> warnings;
    auto parsed = parse_json_article(line, "docs.jsonl", line_no, furniture, warnings);
    REQUIRE(std::holds_alternative<Article>(parsed));
    const Article& a = std::get<Article>(parsed);
    if (a.source != "Free Malaysia Today") continue;
    ++fmt;
    if (!a.location.empty()) ++with_location;
  }
  CHECK(fmt == 90);
  // Most FMT bodies open with a dateline; short video blurbs do not.
  CHECK(with_location >= 70);
}

}  // namespace
}  // namespace berita
