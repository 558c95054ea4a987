#include "text/words.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace berita {
namespace {

// Each word WordReader finds: the bytes of text its offsets cover, and its
// lower-cased form.
using Words = std::vector<std::pair<std::string, std::string>>;

Words read_words(std::string_view text) {
  Words words;
  WordReader reader(text);
  while (reader.next()) {
    REQUIRE(reader.begin() < reader.end());
    REQUIRE(reader.end() <= text.size());
    words.emplace_back(std::string(text.substr(reader.begin(), reader.end() - reader.begin())),
                       reader.word());
  }
  return words;
}

TEST_CASE("WordReader's offsets slice each word out of the text, table of text and words",
          "[text][words]") {
  const struct {
    const char* name;
    std::string text;
    Words expected;  // {text.substr(begin, end - begin), word()}
  } cases[] = {
      {"ASCII", "Oil prices ROSE, analysts said.",
       {{"Oil", "oil"}, {"prices", "prices"}, {"ROSE", "rose"}, {"analysts", "analysts"},
        {"said", "said"}}},
      {"leading and trailing space", "  two words \n", {{"two", "two"}, {"words", "words"}}},
      {"no words", " -- ... !", {}},
      {"empty", "", {}},
      {"accented", "Caf\xC3\xA9 ZO\xC3\x8B, na\xC3\xAFve",
       {{"Caf\xC3\xA9", "caf\xC3\xA9"}, {"ZO\xC3\x8B", "zo\xC3\xAB"}, {"na\xC3\xAFve", "na\xC3\xAFve"}}},
      {"CJK", "\xE6\x96\xB0\xE9\x97\xBB \xE6\x8A\xA5\xE9\x81\x93\xE3\x80\x82",
       {{"\xE6\x96\xB0\xE9\x97\xBB", "\xE6\x96\xB0\xE9\x97\xBB"},
        {"\xE6\x8A\xA5\xE9\x81\x93", "\xE6\x8A\xA5\xE9\x81\x93"}}},
      {"initials", "The U.N. said U.S.A",
       {{"The", "the"}, {"U.N.", "un"}, {"said", "said"}, {"U.S.A", "usa"}}},
      {"a single initial is a word", "A. Smith", {{"A", "a"}, {"Smith", "smith"}}},
      {"not initials", "U.Sb", {{"U", "u"}, {"Sb", "sb"}}},
      {"apostrophe inside a word", "The minister's car",
       {{"The", "the"}, {"minister's", "minister's"}, {"car", "car"}}},
      {"curly apostrophe becomes ASCII", "minister\xE2\x80\x99s",
       {{"minister\xE2\x80\x99s", "minister's"}}},
      {"apostrophe at the edge", "'quoted' words'",
       {{"quoted", "quoted"}, {"words", "words"}}},
      {"ampersand inside a word", "AT&T and R & D",
       {{"AT&T", "at&t"}, {"and", "and"}, {"R", "r"}, {"D", "d"}}},
      {"numbers", "1,000 bags at 3.5 pct, 12,",
       {{"1,000", "1,000"}, {"bags", "bags"}, {"at", "at"}, {"3.5", "3.5"}, {"pct", "pct"},
        {"12", "12"}}},
      {"hyphen and dot split words", "Yang di-Pertuan end.of",
       {{"Yang", "yang"}, {"di", "di"}, {"Pertuan", "pertuan"}, {"end", "end"}, {"of", "of"}}},
      {"zero-width space inside a word is skipped", "ab\xE2\x80\x8B" "cd",
       {{"ab\xE2\x80\x8B" "cd", "abcd"}}},
      // Invalid bytes are read as Latin-1: the slice keeps the original
      // byte, the word holds its UTF-8 form.
      {"invalid UTF-8 read as Latin-1", "caf\xE9 au \xFFZ",
       {{"caf\xE9", "caf\xC3\xA9"}, {"au", "au"}, {"\xFFZ", "\xC3\xBFz"}}},
      {"invalid control byte splits words", "ab\x80" "cd", {{"ab", "ab"}, {"cd", "cd"}}},
      {"truncated sequence at the end", "ok \xC3", {{"ok", "ok"}, {"\xC3", "\xC3\xA3"}}},
  };
  for (const auto& c : cases) {
    INFO(c.name);
    CHECK(read_words(c.text) == c.expected);
  }
}

TEST_CASE("WordReader offsets count from the start of the text", "[text][words]") {
  WordReader reader("  Caf\xC3\xA9 U.N.");
  REQUIRE(reader.next());
  CHECK(reader.begin() == 2);
  CHECK(reader.end() == 7);
  REQUIRE(reader.next());
  CHECK(reader.begin() == 8);
  CHECK(reader.end() == 12);
  CHECK_FALSE(reader.next());
  CHECK_FALSE(reader.next());  // stays at the end
}

TEST_CASE("split_words gives WordReader's words", "[text][words]") {
  const std::string text =
      "The U.N. envoy's 1,000-word report on Caf\xC3\xA9 ZO\xC3\x8B \xE6\x96\xB0\xE9\x97\xBB "
      "and caf\xE9 at&t.";
  std::vector<std::string> expected;
  for (const auto& [slice, word] : read_words(text)) expected.push_back(word);
  CHECK(split_words(text) == expected);
  CHECK(expected == std::vector<std::string>{"the", "un", "envoy's", "1,000", "word", "report",
                                             "on", "caf\xC3\xA9", "zo\xC3\xAB",
                                             "\xE6\x96\xB0\xE9\x97\xBB", "and", "caf\xC3\xA9",
                                             "at&t"});
  // The output vector is replaced, not appended to.
  std::vector<std::string> words{"stale"};
  split_words("fresh", words);
  CHECK(words == std::vector<std::string>{"fresh"});
}

}  // namespace
}  // namespace berita
