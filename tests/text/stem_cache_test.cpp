#include "text/stem_cache.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace berita {
namespace {

const std::vector<std::string> kWords = {
    "flooding", "floods", "flooded", "running", "runs", "ran", "evacuees", "evacuated",
    "relief", "centres", "centres", "flooding", "Kelantan", "", "rains", "raining",
    "rains", "generously", "generously", "nationalisation", "ringgit", "2026", "café"};

TEST_CASE("the caching stemmer gives Snowball's stems, also after the cache fills",
          "[text][stem_cache]") {
  const Xapian::Stem snowball("english");
  for (std::size_t capacity : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 16}) {
    INFO("capacity " << capacity);
    const Xapian::Stem cached = make_caching_stemmer("english", capacity);
    // Twice over, so the second pass answers from the cache.
    for (int pass = 0; pass < 2; ++pass) {
      for (const auto& word : kWords) {
        INFO(word);
        CHECK(cached(word) == snowball(word));
      }
    }
  }
}

TEST_CASE("a caching stemmer for another language or none", "[text][stem_cache]") {
  CHECK(make_caching_stemmer("none")("running") == "running");
  CHECK(make_caching_stemmer("")("running") == "running");
  const Xapian::Stem indonesian = make_caching_stemmer("indonesian");
  CHECK(indonesian("pembangunan") == Xapian::Stem("indonesian")("pembangunan"));
  CHECK_THROWS_AS(make_caching_stemmer("klingon"), Xapian::InvalidArgumentError);
}

}  // namespace
}  // namespace berita
