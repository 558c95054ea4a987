#include "text/near_duplicate.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <string>

namespace berita {
namespace {

// A wire story, a lightly edited repost of it, and a different story on the
// same topic, written for this test.
const std::string kStory =
    "Floodwaters rose across Kelantan on Tuesday as monsoon rains continued for a fourth day, "
    "forcing more than twelve thousand people from their homes in Kota Bharu, Pasir Mas and "
    "Tumpat. The state disaster management committee said 87 relief centres had been opened in "
    "schools and community halls, and that the number of evacuees was expected to climb "
    "overnight as the Kelantan River passed its danger level at Guillemard Bridge. The "
    "Meteorological Department warned of further heavy rain until the weekend and urged "
    "residents of low-lying villages to move early rather than wait for rescue boats. Police "
    "closed several stretches of the federal road between Kota Bharu and Kuala Krai after "
    "water covered the carriageway, and the railway operator suspended services on the east "
    "coast line. Volunteers distributed rice, drinking water and blankets at the relief centres, "
    "while the state government said it would pay an early cash aid to every affected family. "
    "The deputy prime minister is scheduled to visit the worst-hit districts on Wednesday "
    "to inspect preparations and meet evacuees.";

const std::string kRepost =
    "Floodwaters rose across Kelantan on Tuesday as monsoon rains continued for a fourth "
    "straight day, forcing more than 12,000 people from their homes in Kota Bharu, Pasir Mas and "
    "Tumpat. The state disaster management committee said 87 relief centres had been opened in "
    "schools and community halls, and that the number of evacuees was expected to climb "
    "overnight as the Kelantan River passed its danger level at Guillemard Bridge. The "
    "Meteorological Department warned of further heavy rain until the weekend and urged "
    "residents of low-lying villages to move early rather than wait for rescue boats. Police "
    "closed several stretches of the federal road between Kota Bharu and Kuala Krai after "
    "water covered the carriageway, and the railway operator suspended services on the east "
    "coast line. Volunteers distributed rice, drinking water and blankets at the relief centres, "
    "while the state government said it would pay an early cash aid to every affected family. "
    "The deputy prime minister is scheduled to visit the worst-hit districts on Wednesday "
    "to inspect preparations and meet evacuees. - Bernama";

const std::string kSameTopic =
    "Thousands of flood victims in Kelantan began returning home on Sunday as waters receded in "
    "most districts, although relief centres in Kuala Krai and Tanah Merah remained open for "
    "families whose houses were damaged. The state welfare department said cleaning kits and "
    "replacement school uniforms would be distributed from Monday, and that engineers were "
    "checking the safety of two bridges weakened by the current. Farmers in Pasir Mas said "
    "they had lost most of their paddy and livestock, and asked the federal government to "
    "speed up compensation. The Meteorological Department said a second wave of monsoon rain "
    "could reach the east coast before the end of the month, and advised residents to keep "
    "emergency bags ready. Teachers and volunteers spent the weekend scrubbing mud from "
    "classrooms so that schools could reopen on time.";

TEST_CASE("a lightly edited repost is a near duplicate; another story is not",
          "[text][near_duplicate]") {
  const auto story = minhash_sketch(kStory);
  const auto repost = minhash_sketch(kRepost);
  const auto other = minhash_sketch(kSameTopic);
  REQUIRE(story);
  REQUIRE(repost);
  REQUIRE(other);
  CHECK(estimated_similarity(*story, *story) == 1.0);
  CHECK(estimated_similarity(*story, *repost) >= kNearDuplicateSimilarity);
  CHECK(estimated_similarity(*story, *other) < 0.2);
  // Case and punctuation do not matter.
  CHECK(minhash_sketch("FLOODWATERS rose, across; " + kStory.substr(24)) == story);
  CHECK(parse_sketch(serialise_sketch(*story)) == story);
  CHECK_FALSE(parse_sketch("short"));
}

// The definition the sketch must keep: stored band terms were made with it,
// so a faster implementation has to give exactly the same minima. Written
// the slow, obvious way: words of ASCII letters and digits or non-ASCII
// bytes, lower-cased; shingles of three words each followed by a space;
// FNV-1a of the shingle; hash function h is the splitmix64 finaliser of that
// xor h * 0xd6e8feb86659fd93; the low 16 bits of each minimum.
std::optional<MinHashSketch> reference_sketch(const std::string& text) {
  std::vector<std::string> words(1);
  for (unsigned char c : text) {
    const bool word_byte = std::isalnum(c) != 0 || c >= 0x80;
    if (word_byte) {
      words.back() += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  if (words.size() < kMinSketchWords) return std::nullopt;
  MinHashSketch sketch;
  for (std::size_t h = 0; h < kMinHashes; ++h) {
    std::uint64_t minimum = ~std::uint64_t{0};
    for (std::size_t i = 0; i + 3 <= words.size(); ++i) {
      const std::string shingle = words[i] + " " + words[i + 1] + " " + words[i + 2] + " ";
      std::uint64_t hash = 0xcbf29ce484222325ULL;
      for (unsigned char c : shingle) hash = (hash ^ c) * 0x100000001b3ULL;
      std::uint64_t x = (hash ^ (h * 0xd6e8feb86659fd93ULL)) + 0x9e3779b97f4a7c15ULL;
      x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
      x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
      minimum = std::min(minimum, x ^ (x >> 31));
    }
    sketch[h] = static_cast<std::uint16_t>(minimum);
  }
  return sketch;
}

TEST_CASE("the sketch is exactly the MinHash definition it was indexed with",
          "[text][near_duplicate]") {
  std::string twenty_words;
  for (int i = 0; i < 20; ++i) twenty_words += "w" + std::to_string(i) + (i % 3 ? " " : ",\t");
  const std::vector<std::string> texts = {
      kStory,
      kRepost,
      kSameTopic,
      twenty_words,
      twenty_words.substr(0, twenty_words.rfind(' ')),  // 19 words: no sketch
      "KUALA LUMPUR: Harga minyak sawit mentah naik 2.5 peratus -- \xc3\xa9t\xc3\xa9 "
      "Caf\xc3\xa9 M\xc3\xbcnchen ... " + kSameTopic,
      "  leading and trailing spaces " + kStory.substr(0, 300) + "   ",
  };
  for (const auto& text : texts) {
    INFO(text.substr(0, 60));
    CHECK(minhash_sketch(text) == reference_sketch(text));
  }
}

TEST_CASE("short texts have no sketch", "[text][near_duplicate]") {
  CHECK_FALSE(minhash_sketch("Too short to tell."));
  CHECK_FALSE(minhash_sketch(""));
}

TEST_CASE("grouping joins near duplicates transitively and names groups by first member",
          "[text][near_duplicate]") {
  const std::vector<std::optional<MinHashSketch>> sketches = {
      minhash_sketch(kSameTopic), minhash_sketch(kStory), std::nullopt,
      minhash_sketch(kRepost),    std::nullopt,           minhash_sketch(kStory + " Extra words.")};
  CHECK(group_near_duplicates(sketches) == std::vector<std::size_t>{0, 1, 2, 1, 4, 1});
  CHECK(group_near_duplicates(sketches, 1.01) == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
}

}  // namespace
}  // namespace berita
