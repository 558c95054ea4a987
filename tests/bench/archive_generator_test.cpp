#include "synth/archive_generator.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <variant>

#include "article/furniture.h"
#include "article/json_article.h"
#include "bench/small_profile.h"

namespace berita::synth {
namespace {

std::string archive_text(std::uint64_t count, std::uint64_t seed) {
  ArchiveOptions options;
  options.count = count;
  options.seed = seed;
  std::ostringstream out;
  write_archive(small_profile(), options, out);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("the same seed gives the same archive byte for byte", "[bench][synth]") {
  const std::string first = archive_text(300, 42);
  CHECK(first == archive_text(300, 42));
  CHECK(first != archive_text(300, 43));
  // A longer run with the same seed starts with the shorter one.
  CHECK(archive_text(400, 42).compare(0, first.size(), first) == 0);
}

TEST_CASE("every generated line parses as a Berita JSON Lines article", "[bench][synth]") {
  const auto lines = lines_of(archive_text(500, 7));
  REQUIRE(lines.size() == 500);
  const PageFurniture no_furniture;
  std::set<std::string> ids, langs;
  std::size_t with_category = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::vector<ParseError> warnings;
    auto parsed = parse_json_article(lines[i], "synth.jsonl", static_cast<long>(i + 1),
                                     no_furniture, warnings);
    REQUIRE(std::holds_alternative<Article>(parsed));
    const Article& article = std::get<Article>(parsed);
    CHECK(warnings.empty());
    CHECK(ids.insert(article.id).second);
    CHECK_FALSE(article.title.empty());
    CHECK_FALSE(article.paragraphs.empty());
    REQUIRE(article.date.size() == 10);
    CHECK(article.date >= "2006-01-01");
    CHECK(article.date <= "2025-12-31");
    CHECK_FALSE(article.source.empty());
    CHECK(article.url.rfind("https://", 0) == 0);
    langs.insert(article.lang);
    if (!article.categories.empty()) ++with_category;
  }
  CHECK(langs == std::set<std::string>{"en", "ms"});
  CHECK(with_category > 50);
}

TEST_CASE("some stories are near-duplicates of a recent one", "[bench][synth]") {
  const auto lines = lines_of(archive_text(500, 3));
  std::map<std::string, int> paragraph_seen;
  const PageFurniture no_furniture;
  std::size_t repeated = 0;
  for (const auto& line : lines) {
    std::vector<ParseError> warnings;
    const auto article = std::get<Article>(parse_json_article(line, "s", 1, no_furniture, warnings));
    bool shares = false;
    for (const auto& p : article.paragraphs) shares |= paragraph_seen[p]++ > 0;
    if (shares) ++repeated;
  }
  // duplicate_rate is 0.1 in the small profile.
  CHECK(repeated > 20);
  CHECK(repeated < 100);
}

TEST_CASE("bad archive options are refused with a message naming them", "[bench][synth]") {
  ArchiveOptions options;
  options.count = 0;
  CHECK_THROWS_WITH(validate(options), Catch::Contains("--count must be at least 1"));
  std::ostringstream out;
  CHECK_THROWS_AS(write_archive(small_profile(), options, out), SynthError);
  CHECK(out.str().empty());
  options.count = 5;
  options.years = 0;
  CHECK_THROWS_WITH(validate(options), Catch::Contains("--years"));
}

TEST_CASE("an unwritable output path is reported with the path", "[bench][synth]") {
  ArchiveOptions options;
  options.count = 5;
  const std::string path = "/nonexistent-berita-dir/sub/archive.jsonl";
  CHECK_THROWS_WITH(write_archive_file(small_profile(), options, path),
                    Catch::Contains("cannot write " + path));
}

TEST_CASE("write_archive_file writes count lines to a new file", "[bench][synth]") {
  const auto path = std::filesystem::temp_directory_path() / "berita-synth-test.jsonl";
  ArchiveOptions options;
  options.count = 25;
  options.seed = 9;
  CHECK(write_archive_file(small_profile(), options, path.string()) == 25);
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  CHECK(text.str() == archive_text(25, 9));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace berita::synth
