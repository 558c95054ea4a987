// More like this on a real archive: BBC News articles come in five
// categories, so "same topic" can be checked against the editors' labels.
#include "search/similar.h"

#include <catch2/catch.hpp>

#include "query/invalid_request.h"
#include "search/searcher.h"
#include "support/test_support.h"

namespace berita {
namespace {

std::string category_of(Searcher& searcher, const std::string& id) {
  const auto article = searcher.find_article(id);
  REQUIRE(article);
  return article->categories.empty() ? "" : article->categories.front();
}

}  // namespace

TEST_CASE("more like this finds articles of the same BBC category", "[search][similar]") {
  const std::string corpus = test::shared_corpus("bbc-news/docs.jsonl");
  test::TempDir dir;
  const auto documents = test::build_index(dir.file("db"), {corpus});
  REQUIRE(documents > 2000);
  Searcher searcher(dir.file("db"));

  // Every 45th article, about 50 across all five categories.
  unsigned same = 0;
  unsigned total = 0;
  unsigned sampled = 0;
  for (Xapian::docid did = 1; did <= documents; did += 45) {
    SearchRequest all;
    all.query = "";
    all.offset = did - 1;
    all.limit = 1;
    all.snippets = false;
    const std::string id = searcher.search(all).hits.at(0).id;
    const std::string category = category_of(searcher, id);
    const auto similar = searcher.similar(id, 10);
    REQUIRE(similar);
    CHECK(similar->hits.size() == 10);
    for (const auto& hit : similar->hits) {
      CHECK(hit.id != id);
      same += category_of(searcher, hit.id) == category;
      ++total;
    }
    ++sampled;
  }
  const double precision = static_cast<double>(same) / total;
  INFO(sampled << " articles, " << same << " of " << total << " similar ones share the category");
  // Measured 0.86 on this sample (a random pick gives about 0.2).
  CHECK(precision >= 0.8);
}

TEST_CASE("more like this refuses unknown ids and bad limits", "[search][similar]") {
  test::TempDir dir;
  test::build_index(dir.file("db"), {test::source_path("corpus/articles")});
  Searcher searcher(dir.file("db"));
  CHECK_FALSE(searcher.similar("no-such-article", 5));
  CHECK_THROWS_AS(searcher.similar("penang-flash-floods", 0), InvalidRequest);
  CHECK_THROWS_AS(searcher.similar("penang-flash-floods", kMaxLimit + 1), InvalidRequest);
  const auto similar = searcher.similar("penang-flash-floods", 3);
  REQUIRE(similar);
  REQUIRE_FALSE(similar->hits.empty());
  for (const auto& hit : similar->hits) CHECK(hit.id != "penang-flash-floods");
}

}  // namespace berita
