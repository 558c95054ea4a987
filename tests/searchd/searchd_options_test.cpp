#include "cli/searchd_options.h"

#include <catch2/catch.hpp>
#include <sstream>

#include "support/test_support.h"

namespace berita {
namespace {

std::optional<SearchdConfig> parse(std::vector<std::string> args) {
  return test::parse_command_line(parse_searchd_options, "berita-searchd", std::move(args));
}

TEST_CASE("searchd options have documented defaults", "[searchd][options]") {
  const auto c = parse({"--db", "/data/db"});
  REQUIRE(c);
  CHECK(c->db_path == "/data/db");
  CHECK(c->host == "127.0.0.1");
  CHECK(c->port == 8080);
  CHECK(c->threads == 8);
  CHECK_FALSE(c->quiet);
}

TEST_CASE("searchd options come from a config file, the command line wins", "[searchd][options]") {
  test::TempDir dir;
  const std::string file = dir.write("searchd.conf",
                                     "# berita-searchd\n"
                                     "db = /srv/berita/db\n"
                                     "listen = 0.0.0.0:9000\n"
                                     "threads = 4\n"
                                     "quiet = true\n");
  const auto from_file = parse({"--config", file});
  REQUIRE(from_file);
  CHECK(from_file->db_path == "/srv/berita/db");
  CHECK(from_file->host == "0.0.0.0");
  CHECK(from_file->port == 9000);
  CHECK(from_file->threads == 4);
  CHECK(from_file->quiet);

  const auto overridden = parse({"--config", file, "--threads", "2", "--listen", "[::1]:0"});
  REQUIRE(overridden);
  CHECK(overridden->threads == 2);
  CHECK(overridden->host == "::1");
  CHECK(overridden->port == 0);
  CHECK(overridden->db_path == "/srv/berita/db");
}

TEST_CASE("searchd options reject bad values", "[searchd][options]") {
  CHECK_THROWS_AS(parse({}), UsageError);  // --db is required
  CHECK_THROWS_AS(parse({"--db", "d", "--listen", "8080"}), UsageError);
  CHECK_THROWS_AS(parse({"--db", "d", "--listen", "host:99999"}), UsageError);
  CHECK_THROWS_AS(parse({"--db", "d", "--listen", "host:http"}), UsageError);
  CHECK_THROWS_AS(parse({"--db", "d", "--threads", "0"}), UsageError);
  CHECK_THROWS_AS(parse({"--db", "d", "--config", "/nonexistent/berita.conf"}), UsageError);
  CHECK_THROWS_AS(parse({"--db", "d", "--bogus"}), UsageError);
  CHECK_FALSE(parse({"--help"}));
}

}  // namespace
}  // namespace berita
