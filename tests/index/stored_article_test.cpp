#include "index/stored_article.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

Article sample() {
  Article a;
  a.id = "articles/x";
  a.title = "Headline \xE2\x80\x94 with dash";
  a.standfirst = "Standfirst.";
  a.paragraphs = {"One.", std::string(300, 'p'), ""};
  a.captions = {"Caption."};
  a.location = "KUALA LUMPUR";
  a.byline = "By Someone";
  a.date = "2018-07-05";
  a.source = "Free Malaysia Today";
  a.categories = {"business", "tech"};
  a.url = "https://example.com/x";
  a.lang = "en";
  return a;
}

TEST_CASE("stored articles round-trip every field", "[index][stored]") {
  const Article a = sample();
  const Article b = decode_article(encode_article(a));
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.standfirst == a.standfirst);
  CHECK(b.paragraphs == a.paragraphs);
  CHECK(b.captions == a.captions);
  CHECK(b.location == a.location);
  CHECK(b.byline == a.byline);
  CHECK(b.date == a.date);
  CHECK(b.source == a.source);
  CHECK(b.categories == a.categories);
  CHECK(b.url == a.url);
  CHECK(b.lang == a.lang);
}

TEST_CASE("the summary holds the hit fields", "[index][stored]") {
  const ArticleSummary s = decode_summary(encode_article(sample()));
  CHECK(s.id == "articles/x");
  CHECK(s.title == "Headline \xE2\x80\x94 with dash");
  CHECK(s.date == "2018-07-05");
  CHECK(s.source == "Free Malaysia Today");
  CHECK(s.url == "https://example.com/x");
}

TEST_CASE("foreign or truncated data is an error, not a crash", "[index][stored]") {
  const std::string data = encode_article(sample());
  CHECK_THROWS_AS(decode_article(""), std::runtime_error);
  CHECK_THROWS_AS(decode_article("{\"json\":1}"), std::runtime_error);
  for (std::size_t cut : {std::size_t{2}, data.size() / 2, data.size() - 1}) {
    CHECK_THROWS_AS(decode_article(data.substr(0, cut)), std::runtime_error);
  }
}

}  // namespace
}  // namespace berita
