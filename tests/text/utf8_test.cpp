#include "text/utf8.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

TEST_CASE("find_invalid_utf8 accepts valid text and finds the first bad byte", "[text][utf8]") {
  CHECK(find_invalid_utf8("plain ascii") == std::string::npos);
  CHECK(find_invalid_utf8("Zo\xC3\xAB M\xC3\xBCller \xE5\xBC\xA0\xE4\xBC\x9F \xF0\x9F\x93\xB0") ==
        std::string::npos);
  CHECK(find_invalid_utf8("caf\xE9 au lait") == 3);        // Latin-1 e-acute
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);             // overlong '/'
  CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);           // UTF-16 surrogate
  CHECK(find_invalid_utf8("ok\xE2\x82") == 2);             // truncated sequence
}

TEST_CASE("repair_utf8 reads invalid bytes as Windows-1252", "[text][utf8]") {
  CHECK(repair_utf8("caf\xE9") == "caf\xC3\xA9");
  CHECK(repair_utf8("\x93quoted\x94") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");
  CHECK(repair_utf8("already \xC3\xA9") == "already \xC3\xA9");
  CHECK(find_invalid_utf8(repair_utf8("\xFF\xFE\x80 mixed \xC3")) == std::string::npos);
}

TEST_CASE("strip_control_chars keeps tabs and newlines and normalises line ends",
          "[text][utf8]") {
  CHECK(strip_control_chars("a\r\nb\rc\n") == "a\nb\nc\n");
  CHECK(strip_control_chars(std::string("x\x01y\x1Bz\x7F\t", 7)) == "xyz\t");
  CHECK(strip_control_chars("c1\xC2\x85here") == "c1here");
  CHECK(strip_control_chars("\xC2\xA9 kept") == "\xC2\xA9 kept");
}

TEST_CASE("collapse_whitespace, ascii_lower and slugify", "[text][utf8]") {
  CHECK(collapse_whitespace("  many \t spaces\n\nhere ") == "many spaces here");
  CHECK(ascii_lower("KUALA Lumpur \xC3\x89") == "kuala lumpur \xC3\x89");
  CHECK(slugify("Free Malaysia Today") == "free-malaysia-today");
  CHECK(slugify("  The Star!! ") == "the-star");
  CHECK(slugify("isu air;isu sultan") == "isu-air-isu-sultan");
  CHECK(slugify("---") == "");
}

TEST_CASE("collapse_whitespace with a limit is a prefix of the whole result",
          "[text][utf8]") {
  for (const std::string text : {"  many \t spaces\n\nhere ", "a b", "   ", "", "word",
                                 "Copyright  2026 \t The Star  Media  Group   "}) {
    const std::string whole = collapse_whitespace(text);
    for (std::size_t limit = 0; limit <= text.size() + 1; ++limit) {
      INFO("'" << text << "' limit " << limit);
      CHECK(collapse_whitespace(text, limit) == whole.substr(0, limit));
    }
  }
}

TEST_CASE("a code point prefix keeps whole letters", "[text][utf8]") {
  CHECK(code_point_prefix("gninnur", 3) == "gni");
  CHECK(code_point_prefix("ia", 3) == "ia");
  CHECK(code_point_prefix("", 3).empty());
  CHECK(code_point_prefix("\xC3\xA9t\xC3\xA9s", 3) == "\xC3\xA9t\xC3\xA9");
  CHECK(code_point_prefix("\xF0\x9F\x93\xB0x", 1) == "\xF0\x9F\x93\xB0");
  // An invalid byte counts as one, as reverse_code_points counts it.
  CHECK(code_point_prefix("\xFF" "ab", 2) == "\xFF" "a");
}

}  // namespace
}  // namespace berita
