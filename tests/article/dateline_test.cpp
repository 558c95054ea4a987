#include "article/dateline.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

struct DatelineCase {
  const char* line;
  const char* location;  // nullptr: not a dateline
  const char* rest;
};

TEST_CASE("match_dateline recognises local, newswire and Malay forms", "[article][dateline]") {
  const DatelineCase cases[] = {
      {"KUALA LUMPUR:", "KUALA LUMPUR", ""},
      {"PETALING JAYA: Anwar Ibrahim has called a meeting.", "PETALING JAYA",
       "Anwar Ibrahim has called a meeting."},
      {"SALVADOR, Feb 26 - Showers continued throughout the week", "SALVADOR",
       "Showers continued throughout the week"},
      {"LONDON, March 3 (Reuters) - Rail unions said", "LONDON", "Rail unions said"},
      {"KUALA LUMPUR 11 Okt. - Kerajaan hari ini", "KUALA LUMPUR", "Kerajaan hari ini"},
      {"KUALA LUMPUR, 11 Okt (Bernama) -- Kerajaan", "KUALA LUMPUR", "Kerajaan"},
      {"SHAH ALAM - Seorang lelaki", "SHAH ALAM", "Seorang lelaki"},
      {"NEW YORK, March 3 \xE2\x80\x93 Stocks rose", "NEW YORK", "Stocks rose"},
      {"The founder of Alibaba opened an office.", nullptr, nullptr},
      {"A Malaysian woman - said to be 30 - was", nullptr, nullptr},
      {"US-China talks resume: officials", nullptr, nullptr},
      {"PKR president Anwar - the man himself - spoke", nullptr, nullptr},
      {"", nullptr, nullptr},
      {"I:", nullptr, nullptr},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    const auto dateline = match_dateline(c.line);
    if (c.location == nullptr) {
      CHECK_FALSE(dateline.has_value());
    } else {
      REQUIRE(dateline.has_value());
      CHECK(dateline->location == c.location);
      CHECK(dateline->rest == c.rest);
    }
  }
}

}  // namespace
}  // namespace berita
