// End-to-end: berita-indexer --synonyms with the real binaries, then
// berita-search on the database it built.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace berita {
namespace {

using test::binary;
using test::run;

// A sample archive with one article that says "Kuala Lumpur" but never "KL".
class Inputs {
 public:
  Inputs() {
    dir_.write("in/cycling.txt",
               "Date: 2021-03-02\nSource: Berita Test\nLang: en\n\n"
               "Kuala Lumpur opens zorvex cycling lanes\n\n"
               "Kuala Lumpur opened protected zorvex lanes along the river.\n");
  }
  std::string input() const { return dir_.file("in"); }
  std::string db() const { return dir_.file("db"); }
  std::string write(const std::string& name, const std::string& text) const {
    return dir_.write(name, text);
  }

 private:
  test::TempDir dir_;
};

test::CommandResult index(const Inputs& inputs, std::vector<std::string> options) {
  std::vector<std::string> argv = {binary("berita-indexer"), "--db", inputs.db()};
  argv.insert(argv.end(), options.begin(), options.end());
  argv.push_back(inputs.input());
  return run(argv);
}

std::vector<std::string> hit_ids(const Inputs& inputs, const std::string& query) {
  const auto result = run({binary("berita-search"), "--db", inputs.db(), "--json", query});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const auto json = nlohmann::json::parse(result.out);
  std::vector<std::string> ids;
  for (const auto& hit : json["hits"]) ids.push_back(hit["id"]);
  return ids;
}

const std::vector<std::string> kCycling = {"cycling"};

TEST_CASE("a synonyms file with a bad line warns with its line number and loads the rest",
          "[e2e][synonyms]") {
  Inputs inputs;
  const std::string synonyms = inputs.write("synonyms.txt",
                                            "# test synonyms\n"
                                            "pm, prime minister\n"
                                            "sprm\n"
                                            "kl, kuala lumpur\n");
  const std::string report = inputs.write("report.json", "");
  for (const std::string mode : {"update", "rebuild"}) {
    CAPTURE(mode);
    std::vector<std::string> options = {"--synonyms", synonyms, "--report", report};
    if (mode == "rebuild") options.push_back("--rebuild");
    const auto indexed = index(inputs, options);
    INFO(indexed.err);
    CHECK(indexed.exit_code == 0);
    CHECK_THAT(indexed.err, Catch::Contains(synonyms + ":3: only one expression ('sprm')"));
    CHECK_THAT(indexed.err, Catch::Contains("(warning)"));
    const auto json = nlohmann::json::parse(test::read_file(report));
    CHECK(json["warnings"] == 1);
    REQUIRE(json["notes"].size() >= 1);
    CHECK_THAT(json["notes"][0].get<std::string>(),
               Catch::Contains(synonyms + ":3: only one expression"));
    // Line 4, after the bad line, was loaded.
    CHECK(hit_ids(inputs, "KL zorvex") == kCycling);
  }
}

TEST_CASE("the shipped synonyms are used by default and --synonyms '' turns them off",
          "[e2e][synonyms]") {
  Inputs inputs;
  const auto with_default = index(inputs, {});
  INFO(with_default.err);
  REQUIRE(with_default.exit_code == 0);
  CHECK_THAT(with_default.err, Catch::Contains(" 0 warnings"));
  CHECK(hit_ids(inputs, "KL zorvex") == kCycling);
  CHECK(hit_ids(inputs, "KL") == kCycling);

  REQUIRE(index(inputs, {"--synonyms", ""}).exit_code == 0);
  CHECK(hit_ids(inputs, "KL").empty());
}

TEST_CASE("an unreadable synonyms file stops the indexer with its name", "[e2e][synonyms]") {
  Inputs inputs;
  const auto result = index(inputs, {"--synonyms", inputs.db() + "-missing.txt"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err,
             Catch::Contains("cannot open synonyms file " + inputs.db() + "-missing.txt"));
}

}  // namespace
}  // namespace berita
