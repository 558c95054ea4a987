// Stored articles compressed with a trained zstd dictionary: round trips,
// the fallbacks, and data the codec must refuse rather than misread.
#include "index/article_codec.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/stored_article.h"
#include "schema/schema.h"

namespace berita {
namespace {

// Articles in a small newsroom vocabulary, varied by a fixed pseudo-random
// sequence: like an archive, they share words and layout but no two match.
std::vector<Article> newsroom_articles(std::size_t count, std::uint32_t seed) {
  static const char* const kWords[] = {
      "minister", "said",     "on",        "Monday",    "the",      "government", "will",
      "announce", "new",      "measures",  "to",        "support",  "farmers",    "after",
      "floods",   "in",       "Kelantan",  "and",       "Terengganu", "prices",   "of",
      "rice",     "rose",     "by",        "percent",   "last",     "week",       "police",
      "arrested", "two",      "men",       "suspected", "smuggling", "fuel",      "across",
      "border",   "court",    "heard",     "that",      "company",  "shares",     "fell",
      "exchange", "ringgit",  "dollar",    "opened",    "higher",   "against",    "Kuala",
      "Lumpur",   "Penang",   "election",  "commission", "voters",  "turnout",    "state",
      "budget",   "deficit",  "exports",   "palm",      "oil",      "output",     "tonnes"};
  constexpr std::size_t kVocabulary = sizeof(kWords) / sizeof(kWords[0]);
  std::uint32_t state = seed;
  const auto next_word = [&]() -> std::string {
    state = state * 1664525u + 1013904223u;
    return kWords[(state >> 8) % kVocabulary];
  };
  std::vector<Article> out;
  for (std::size_t i = 0; i < count; ++i) {
    Article a;
    a.id = "story-" + std::to_string(seed) + "-" + std::to_string(i);
    for (int w = 0; w < 7; ++w) a.title += (w ? " " : "") + next_word();
    a.date = "2018-07-0" + std::to_string(1 + i % 9);
    a.source = "Bernama";
    a.url = "https://example.com/news/" + a.id;
    a.lang = "en";
    a.location = "KUALA LUMPUR";
    a.categories = {"nation"};
    for (int p = 0; p < 4; ++p) {
      std::string paragraph;
      for (int w = 0; w < 40; ++w) paragraph += (w ? " " : "") + next_word();
      a.paragraphs.push_back(paragraph + ".");
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<std::string> encoded(const std::vector<Article>& articles) {
  std::vector<std::string> out;
  for (const auto& a : articles) out.push_back(encode_article(a));
  return out;
}

void check_same(const Article& a, const Article& b) {
  CHECK(a.id == b.id);
  CHECK(a.title == b.title);
  CHECK(a.date == b.date);
  CHECK(a.source == b.source);
  CHECK(a.url == b.url);
  CHECK(a.lang == b.lang);
  CHECK(a.location == b.location);
  CHECK(a.categories == b.categories);
  CHECK(a.paragraphs == b.paragraphs);
}

TEST_CASE("a trained dictionary compresses articles it has not seen, and they read back whole",
          "[index][codec]") {
  const std::string dictionary = train_article_dictionary(encoded(newsroom_articles(600, 1)));
  REQUIRE_FALSE(dictionary.empty());
  const ArticleCodec codec(dictionary);
  CHECK(codec.has_dictionary());
  CHECK(codec.dictionary_bytes() == dictionary);

  std::size_t plain_bytes = 0;
  std::size_t stored_bytes = 0;
  for (const Article& article : newsroom_articles(50, 2)) {
    const std::string data = codec.encode(article);
    REQUIRE_FALSE(data.empty());
    CHECK(data[0] == '\x02');
    plain_bytes += encode_article(article).size();
    stored_bytes += data.size();
    check_same(codec.decode(data), article);
    const ArticleSummary summary = codec.decode_summary(data);
    CHECK(summary.id == article.id);
    CHECK(summary.title == article.title);
    CHECK(summary.url == article.url);
  }
  // Random word order leaves less to find than real text (2.4x on Reuters),
  // but the shared vocabulary alone is worth more than a third.
  CHECK(stored_bytes * 3 < plain_bytes * 2);
}

TEST_CASE("without a dictionary articles are compressed alone, and any codec reads them",
          "[index][codec]") {
  const Article article = newsroom_articles(1, 3).front();
  const ArticleCodec alone;
  CHECK_FALSE(alone.has_dictionary());
  const std::string data = alone.encode(article);
  REQUIRE(data[0] == '\x02');
  CHECK(data.size() < encode_article(article).size());
  check_same(alone.decode(data), article);

  // A database that gains a dictionary (a rebuild, then updates) still reads
  // what was written before it, compressed alone or plain.
  const ArticleCodec trained(train_article_dictionary(encoded(newsroom_articles(600, 4))));
  check_same(trained.decode(data), article);
  check_same(trained.decode(encode_article(article)), article);
  check_same(alone.decode(encode_article(article)), article);
}

TEST_CASE("the article of a document is read from its stored-article slot", "[index][codec]") {
  const Article article = newsroom_articles(1, 12).front();
  const ArticleCodec codec(train_article_dictionary(encoded(newsroom_articles(600, 13))));
  Xapian::Document doc;
  store_article(doc, codec.encode(article));
  CHECK(doc.get_data().empty());
  CHECK(stored_article_of(doc) == doc.get_value(schema::slot::kStoredArticle));
  check_same(codec.decode(doc), article);
  CHECK(codec.decode_summary(doc).title == article.title);
  CHECK_THROWS_AS(codec.decode(Xapian::Document()), std::runtime_error);
}

TEST_CASE("an article is never stored larger than plain", "[index][codec]") {
  Article tiny;
  tiny.id = "x";
  for (const ArticleCodec& codec :
       {ArticleCodec(), ArticleCodec(train_article_dictionary(encoded(newsroom_articles(600, 5))))}) {
    const std::string data = codec.encode(tiny);
    CHECK(data == encode_article(tiny));
    check_same(codec.decode(data), tiny);
  }
}

TEST_CASE("too little text trains no dictionary", "[index][codec]") {
  CHECK(train_article_dictionary({}).empty());
  CHECK(train_article_dictionary(encoded(newsroom_articles(20, 6))).empty());
}

TEST_CASE("data compressed with another dictionary, or damaged, is an error, not a crash",
          "[index][codec]") {
  const ArticleCodec first(train_article_dictionary(encoded(newsroom_articles(600, 7))));
  const ArticleCodec second(train_article_dictionary(encoded(newsroom_articles(600, 8))));
  const Article article = newsroom_articles(1, 9).front();
  const std::string data = first.encode(article);
  REQUIRE(data[0] == '\x02');

  CHECK_THROWS_WITH(ArticleCodec().decode(data), Catch::Contains("dictionary"));
  CHECK_THROWS_WITH(second.decode(data), Catch::Contains("dictionary"));
  CHECK_THROWS_AS(second.decode_summary(data), std::runtime_error);

  for (std::size_t cut : {std::size_t{1}, std::size_t{3}, data.size() / 2, data.size() - 1}) {
    CHECK_THROWS_AS(first.decode(data.substr(0, cut)), std::runtime_error);
  }
  std::string flipped = data;
  flipped[data.size() / 2] = static_cast<char>(flipped[data.size() / 2] ^ 0x5A);
  try {
    // zstd checks the frame's structure, not its content: a flipped byte
    // may still decompress, but never to the article as it was, and never
    // past the frame's stated size.
    const Article damaged = first.decode(flipped);
    CHECK(damaged.paragraphs != article.paragraphs);
  } catch (const std::runtime_error&) {
    SUCCEED("refused");
  }
}

TEST_CASE("a codec refuses bytes that are not a dictionary", "[index][codec]") {
  CHECK_THROWS_AS(ArticleCodec("not a dictionary"), std::invalid_argument);
  CHECK_THROWS_AS(ArticleCodec(std::string(1000, '\x37')), std::invalid_argument);
}

TEST_CASE("a database's codec is the dictionary it holds", "[index][codec]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_FALSE(ArticleCodec::for_database(db).has_dictionary());
  const std::string dictionary = train_article_dictionary(encoded(newsroom_articles(600, 10)));
  db.set_metadata(schema::kArticleDictionaryKey, dictionary);
  const ArticleCodec codec = ArticleCodec::for_database(db);
  CHECK(codec.dictionary_bytes() == dictionary);
  const Article article = newsroom_articles(1, 11).front();
  check_same(ArticleCodec(dictionary).decode(codec.encode(article)), article);
}

}  // namespace
}  // namespace berita
