#include "cli/indexer_options.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "support/test_support.h"

namespace berita {
namespace {

std::optional<IndexerCommand> parse(std::vector<std::string> args) {
  return test::parse_command_line(parse_indexer_options, "berita-indexer", std::move(args));
}

TEST_CASE("indexer options fill the rebuild's settings", "[cli][options]") {
  const auto defaults = parse({"--db", "d", "--rebuild", "in"});
  REQUIRE(defaults);
  CHECK(defaults->config.rebuild);
  CHECK(defaults->config.parallel.segment_block_size == ParallelOptions{}.segment_block_size);
  CHECK(defaults->config.full_check);

  const auto tuned = parse({"--db", "d", "--rebuild", "in", "--segment-size", "10000",
                            "--segment-block-size", "65536", "--batch-size", "100",
                            "--no-check"});
  REQUIRE(tuned);
  CHECK(tuned->config.parallel.segment_articles == 10000);
  CHECK(tuned->config.parallel.segment_block_size == 65536);
  CHECK(tuned->config.parallel.flush_articles == 100);
  CHECK_FALSE(tuned->config.full_check);
}

TEST_CASE("indexer options refuse values the indexer cannot honour", "[cli][options]") {
  CHECK_THROWS_AS(parse({"--db", "d"}), UsageError);  // no input
  CHECK_THROWS_AS(parse({"--db", "d", "--rebuild", "in", "--segment-size", "0"}), UsageError);
  for (const char* bad : {"0", "1024", "3000", "131072", "-8192", "big"}) {
    INFO(bad);
    CHECK_THROWS_AS(parse({"--db", "d", "--rebuild", "in", "--segment-block-size", bad}),
                    UsageError);
  }
  CHECK_THROWS_AS(parse({"--db", "d", "--rebuild", "--prune", "in"}), UsageError);
}

TEST_CASE("indexer help lists the options and parses nothing", "[cli][options]") {
  const char* argv[] = {"berita-indexer", "--help"};
  std::ostringstream help;
  CHECK_FALSE(parse_indexer_options(2, argv, help));
  CHECK_THAT(help.str(), Catch::Contains("--segment-block-size"));
}

}  // namespace
}  // namespace berita
