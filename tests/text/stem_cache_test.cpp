#include "text/stem_cache.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace berita {
namespace {

const std::vector<std::string> kWords = {
    "flooding", "floods", "flooded", "running", "runs", "ran", "evacuees", "evacuated",
    "relief", "centres", "centres", "flooding", "Kelantan", "", "rains", "raining",
    "rains", "generously", "generously", "nationalisation", "ringgit", "2026", "café"};

std::vector<std::string> sorted(std::vector<std::string> words) {
  std::sort(words.begin(), words.end());
  return words;
}

TEST_CASE("the caching stemmer gives Snowball's stems, also after the cache fills",
          "[text][stem_cache]") {
  const Xapian::Stem snowball("english");
  for (std::size_t capacity : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 16}) {
    INFO("capacity " << capacity);
    const CachingStemmer cached("english", false, capacity);
    // Twice over, so the second pass answers from the cache.
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& word : kWords) {
        INFO(word);
        CHECK(cached.stem()(word) == snowball(word));
      }
    }
  }
}

TEST_CASE("a caching stemmer for another language or none", "[text][stem_cache]") {
  CHECK(CachingStemmer("none").stem()("running") == "running");
  CHECK(CachingStemmer("").stem()("running") == "running");
  const CachingStemmer indonesian("indonesian");
  CHECK(indonesian.stem()("pembangunan") == Xapian::Stem("indonesian")("pembangunan"));
  CHECK_THROWS_AS(CachingStemmer("klingon"), Xapian::InvalidArgumentError);
}

TEST_CASE("the caching stemmer hands out each new word once per take", "[text][stem_cache]") {
  CachingStemmer cached("english", true);
  for (const char* word : {"floods", "flooding", "floods", "ran"}) cached.stem()(word);
  CHECK(sorted(cached.take_new_words()) == std::vector<std::string>{"flooding", "floods", "ran"});
  // Already met: not new again while the cache holds them.
  cached.stem()("floods");
  cached.stem()("rains");
  CHECK(cached.take_new_words() == std::vector<std::string>{"rains"});
  CHECK(cached.take_new_words().empty());

  SECTION("a word met again after another took its place is handed out again") {
    CachingStemmer small("english", true, 1);  // one slot: each new word evicts the last
    for (const char* word : {"a1", "b1", "c1", "a1"}) CHECK(small.stem()(word) == word);
    CHECK(sorted(small.take_new_words()) == std::vector<std::string>{"a1", "b1", "c1"});
    small.stem()("a1");  // still in its slot: not new
    CHECK(small.take_new_words().empty());
    small.stem()("c1");
    CHECK(small.take_new_words() == std::vector<std::string>{"c1"});
  }
  SECTION("without noting, nothing is handed out") {
    CachingStemmer quiet("english", false);
    quiet.stem()("floods");
    CHECK(quiet.take_new_words().empty());
  }
  SECTION("with no language words are noted as they are") {
    CachingStemmer plain("none", true);
    CHECK(plain.stem()("running") == "running");
    CHECK(plain.take_new_words() == std::vector<std::string>{"running"});
  }
}

}  // namespace
}  // namespace berita
