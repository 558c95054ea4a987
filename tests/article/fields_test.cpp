#include "article/fields.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

TEST_CASE("normalise_date accepts real calendar dates only", "[article][fields]") {
  CHECK(normalise_date("2018-07-05") == "2018-07-05");
  CHECK(normalise_date("2018/07/05") == "2018-07-05");
  CHECK(normalise_date("2018-07-05T10:00:00Z") == "2018-07-05");
  CHECK(normalise_date("2020-02-29") == "2020-02-29");
  CHECK_FALSE(normalise_date("2019-02-29"));
  CHECK_FALSE(normalise_date("2018-13-01"));
  CHECK_FALSE(normalise_date("2018-00-10"));
  CHECK_FALSE(normalise_date("05-07-2018"));
  CHECK_FALSE(normalise_date("2018-07-05junk"));
  CHECK_FALSE(normalise_date("yesterday"));
  CHECK_FALSE(normalise_date(""));
}

TEST_CASE("split_categories splits on semicolons and commas", "[article][fields]") {
  CHECK(split_categories("isu 1mdb;isu najib razak") ==
        std::vector<std::string>{"isu 1mdb", "isu najib razak"});
  CHECK(split_categories(" business , technology ;") ==
        std::vector<std::string>{"business", "technology"});
  CHECK(split_categories("").empty());
}

TEST_CASE("normalise_lang maps names to codes and defaults to English", "[article][fields]") {
  CHECK(normalise_lang("") == "en");
  CHECK(normalise_lang("EN") == "en");
  CHECK(normalise_lang("Malay") == "ms");
  CHECK(normalise_lang("ms") == "ms");
  CHECK(normalise_lang("Indonesian") == "id");
}

TEST_CASE("check_id rejects empty, overlong and control-character ids", "[article][fields]") {
  CHECK_FALSE(check_id("reuters-1"));
  CHECK(check_id("").has_value());
  CHECK(check_id(std::string(kMaxIdBytes + 1, 'x')).has_value());
  CHECK(check_id("bad\x01id").has_value());
}

}  // namespace
}  // namespace berita
