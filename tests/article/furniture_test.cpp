#include "article/furniture.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace berita {
namespace {

TEST_CASE("furniture rules load from text and report bad lines", "[article][furniture]") {
  std::istringstream in(
      "# comment\n\ndrop: Stay current - Follow FMT\ncredit: Bernama pic\n"
      "strip: A- A+ (Ubah saiz teks)\nbogus line\nkeep: nothing\n");
  PageFurniture furniture;
  const auto errors = furniture.load(in, "rules.txt");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].describe() ==
        "rules.txt:6: expected 'drop: TEXT', 'strip: TEXT', 'credit: TEXT' or 'end: TEXT'");
  CHECK(errors[1].line == 7);
  CHECK(furniture.rule_count() == 3);

  CHECK(furniture.is_boilerplate("Stay current - Follow FMT on WhatsApp, Google news"));
  CHECK(furniture.is_boilerplate("STAY  CURRENT - follow fmt"));
  CHECK_FALSE(furniture.is_boilerplate("We stay current - follow FMT"));
  CHECK(furniture.is_credit("Bernama pic"));
  CHECK(furniture.is_credit("bernama PIC."));
  CHECK_FALSE(furniture.is_credit("Bernama pic shows the minister"));
  CHECK(furniture.strip("A- A+ (Ubah saiz teks) KUALA LUMPUR: Teks") == "KUALA LUMPUR: Teks");
  CHECK(furniture.strip("no furniture here") == "no furniture here");
  furniture.add_end("Reuter");
  CHECK(furniture.strip_end("Prices rose, he said. Reuter") == "Prices rose, he said.");
  CHECK(furniture.strip_end("Reuter") == "");
  CHECK(furniture.strip_end("said by Reuters") == "said by Reuters");
  CHECK(furniture.strip_end("Sources told AReuter") == "Sources told AReuter");
}

TEST_CASE("a missing furniture file is an error", "[article][furniture]") {
  PageFurniture furniture;
  CHECK_THROWS_AS(furniture.load_file("/nonexistent/furniture.txt"), std::runtime_error);
}

}  // namespace
}  // namespace berita
