#include "article/text_article.h"

#include <catch2/catch.hpp>
#include <variant>

#include "support/test_support.h"

namespace berita {
namespace {

PageFurniture shipped_furniture() {
  PageFurniture furniture;
  REQUIRE(furniture.load_file(test::source_path("data/furniture.txt")).empty());
  return furniture;
}

Article parse_ok(const std::string& content, const std::string& id = "doc") {
  std::vector<ParseError> warnings;
  auto parsed = parse_text_article(content, "t.txt", id, shipped_furniture(), warnings);
  if (auto* error = std::get_if<ParseError>(&parsed)) FAIL(error->describe());
  return std::get<Article>(std::move(parsed));
}

bool contains(const std::vector<std::string>& texts, const std::string& needle) {
  for (const auto& text : texts) {
    if (text.find(needle) != std::string::npos) return true;
  }
  return false;
}

TEST_CASE("the seed article parses into headline, standfirst, captions, dateline and body",
          "[article][text]") {
  const std::string path =
      test::shared_corpus("fmt-seed/raw-sample/alibaba-malaysia-office.txt");
  const Article a = parse_ok(test::read_file(path), "alibaba-malaysia-office");

  CHECK(a.id == "alibaba-malaysia-office");
  CHECK(a.title == "Jack Ma opens first Alibaba office in Southeast Asia in KL");
  CHECK(a.standfirst ==
        "The Chinese billionaire says his inspiration for Alibaba Malaysia is the Multimedia "
        "Super Corridor implemented by Dr Mahathir Mohamad to promote high technology "
        "enterprises.");
  CHECK(a.location == "KUALA LUMPUR");
  REQUIRE(a.captions.size() == 2);
  CHECK(a.captions[0] ==
        "(From left) Chinese ambassador to Malaysia Bai Tian, Jack Ma, Finance Minister Lim "
        "Guan Eng and Communications and Multimedia Minister Gobind Singh Deo during the "
        "official launch of Alibaba\xE2\x80\x99s office in Bangsar South.");
  CHECK(a.captions[1] == "Chinese billionaire Jack Ma opens the Alibaba Malaysia office today,");
  REQUIRE_FALSE(a.paragraphs.empty());
  CHECK(a.paragraphs.front() ==
        "The founder of online retail giant Alibaba, Jack Ma, officially opened the "
        "company\xE2\x80\x99s first office in Southeast Asia at Bangsar South here today.");
  CHECK(a.paragraphs.back().find("KL is the first city outside China") != std::string::npos);
  // The headline is not repeated in the body, credits and boilerplate are gone.
  CHECK_FALSE(contains(a.paragraphs, "Jack Ma opens first Alibaba office"));
  CHECK_FALSE(contains(a.paragraphs, "Free Malaysia Today"));
  CHECK_FALSE(contains(a.paragraphs, "WhatsApp"));
  CHECK_FALSE(contains(a.paragraphs, "Subscribe to our newsletter"));
  CHECK_FALSE(contains(a.paragraphs, "KUALA LUMPUR:"));
  CHECK(a.paragraphs.size() == 25);  // counted by hand in the raw file
}

TEST_CASE("BBC raw files parse as headline plus paragraphs", "[article][text]") {
  const std::string path = test::shared_corpus("bbc-news/raw-sample/business/001.txt");
  const Article a = parse_ok(test::read_file(path), "business/001");
  CHECK(a.title == "Ad sales boost Time Warner profit");
  CHECK(a.standfirst.empty());
  CHECK(a.location.empty());
  CHECK(a.captions.empty());
  REQUIRE(a.paragraphs.size() >= 3);
  CHECK(a.paragraphs[0].rfind("Quarterly profits at US media giant TimeWarner", 0) == 0);
}

TEST_CASE("every BBC raw sample parses with a title and a body", "[article][text]") {
  for (const char* name : {"business/002.txt", "entertainment/001.txt", "politics/003.txt",
                           "sport/199.txt", "tech/004.txt"}) {
    CAPTURE(name);
    const Article a = parse_ok(test::read_file(test::shared_corpus(
        std::string("bbc-news/raw-sample/") + name)));
    CHECK_FALSE(a.title.empty());
    CHECK(a.paragraphs.size() >= 2);
  }
}

TEST_CASE("header fields are read and the id can be overridden", "[article][text]") {
  const Article a = parse_ok(
      "Id: custom-7\nDate: 2019-10-11\nSource: Bernama\nCategory: politik; ekonomi\n"
      "Lang: Malay\nURL: https://example.com/x\nByline: Oleh Wartawan\n\n"
      "Bajet diumumkan\n\nKUALA LUMPUR 11 Okt. - Kerajaan hari ini membentangkan bajet.\n\n"
      "Perenggan kedua.\n",
      "path/id");
  CHECK(a.id == "custom-7");
  CHECK(a.date == "2019-10-11");
  CHECK(a.source == "Bernama");
  CHECK(a.categories == std::vector<std::string>{"politik", "ekonomi"});
  CHECK(a.lang == "ms");
  CHECK(a.url == "https://example.com/x");
  CHECK(a.byline == "Oleh Wartawan");
  CHECK(a.title == "Bajet diumumkan");
  CHECK(a.location == "KUALA LUMPUR");
  CHECK(a.paragraphs ==
        std::vector<std::string>{"Kerajaan hari ini membentangkan bajet.", "Perenggan kedua."});
}

TEST_CASE("text article edge cases", "[article][text]") {
  SECTION("boilerplate in the middle is dropped, the rest kept") {
    const Article a = parse_ok(
        "Headline\n\nFirst.\n\nSubscribe to our newsletter and get news delivered to your "
        "mailbox.\n\nSecond.\n");
    CHECK(a.paragraphs == std::vector<std::string>{"First.", "Second."});
  }
  SECTION("no dateline: no standfirst, everything is body") {
    const Article a = parse_ok("Headline\n\nShort lead.\n\nMore text.\n");
    CHECK(a.standfirst.empty());
    CHECK(a.paragraphs == std::vector<std::string>{"Short lead.", "More text."});
  }
  SECTION("a credit alone in its paragraph captions the next one-line paragraph") {
    const Article a =
        parse_ok("Headline\n\nLONDON, March 3 (Reuters) - Text.\n\nReuters pic\n\nA caption."
                 "\n\nMore text.\n");
    CHECK(a.captions == std::vector<std::string>{"A caption."});
    CHECK(a.paragraphs == std::vector<std::string>{"Text.", "More text."});
  }
  SECTION("an empty body keeps the headline") {
    const Article a = parse_ok("Date: 2020-01-01\n\nOnly a headline\n");
    CHECK(a.title == "Only a headline");
    CHECK(a.paragraphs.empty());
  }
  SECTION("hard-wrapped lines of a paragraph are joined") {
    const Article a = parse_ok("Headline\n\nOne sentence\nwrapped here.\n");
    CHECK(a.paragraphs == std::vector<std::string>{"One sentence wrapped here."});
  }
}

TEST_CASE("text article problems", "[article][text]") {
  const PageFurniture furniture = shipped_furniture();
  std::vector<ParseError> warnings;
  SECTION("a bad date is a warning and the article is kept without it") {
    auto parsed = parse_text_article("Date: 2018-02-30\n\nHeadline\n\nBody.\n", "t.txt", "x",
                                     furniture, warnings);
    REQUIRE(std::holds_alternative<Article>(parsed));
    CHECK(std::get<Article>(parsed).date.empty());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].describe() ==
          "t.txt:1: invalid date '2018-02-30' ignored (expected YYYY-MM-DD)");
  }
  SECTION("an unknown header line is an error with its line number") {
    auto parsed = parse_text_article("Date: 2018-02-03\nWeather: sunny\n\nHeadline\n", "t.txt",
                                     "x", furniture, warnings);
    REQUIRE(std::holds_alternative<ParseError>(parsed));
    CHECK(std::get<ParseError>(parsed).line == 2);
  }
  SECTION("a header without a headline is an error") {
    auto parsed = parse_text_article("Date: 2018-02-03\n\n\n", "t.txt", "x", furniture, warnings);
    REQUIRE(std::holds_alternative<ParseError>(parsed));
  }
}

}  // namespace
}  // namespace berita
