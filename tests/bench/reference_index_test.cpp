// Baseline (b) built in parts must be the database the plain loop builds:
// the same documents, in the same docid order, with the same terms; and the
// time-limited plain loop must stop, report how far it got, and leave nothing.
#include "workload/plain_engine.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>

#include "support/test_support.h"

namespace berita::bench {
namespace {

std::string archive(int articles) {
  static const char* const kWords[] = {"flood", "padi", "harvest", "minister", "budget",
                                       "rail",  "ringgit", "court", "election", "haze"};
  std::string out;
  for (int i = 0; i < articles; ++i) {
    std::string body;
    for (int w = 0; w < 12; ++w) body += std::string(kWords[(i * 7 + w * 3) % 10]) + " ";
    out += "{\"id\":\"a" + std::to_string(i) + "\",\"title\":\"" + kWords[i % 10] + " news " +
           std::to_string(i) + "\",\"body\":\"" + body + "\",\"date\":\"2018-0" +
           std::to_string(1 + i % 9) + "-15\"}\n";
    if (i % 50 == 0) out += "\n";  // blank lines are skipped by both builds
  }
  return out;
}

std::map<std::string, Xapian::doccount> term_frequencies(const Xapian::Database& db) {
  std::map<std::string, Xapian::doccount> out;
  for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

TEST_CASE("baseline (b) built in parts is the plain loop's database", "[bench]") {
  test::TempDir dir;
  const std::string input = dir.write("archive.jsonl", archive(230));
  const auto loop = build_reference_index(input, dir.file("loop"), dir.file("loop.work"));
  const auto parts = GENERATE(1u, 3u, 7u);
  const auto threads = GENERATE(1u, 2u);
  CAPTURE(parts, threads);
  const auto split = build_reference_index_in_parts(input, dir.file("parts"), dir.file("parts.work"),
                                                    parts, threads);
  CHECK(loop.articles == 230);
  CHECK(split.articles == 230);
  CHECK_FALSE(std::filesystem::exists(dir.file("parts.work")));
  const Xapian::Database a(dir.file("loop"));
  const Xapian::Database b(dir.file("parts"));
  REQUIRE(a.get_doccount() == b.get_doccount());
  for (Xapian::docid id = 1; id <= a.get_doccount(); ++id) {
    CAPTURE(id);
    CHECK(a.get_document(id).get_data() == b.get_document(id).get_data());
    CHECK(a.get_doclength(id) == b.get_doclength(id));
  }
  CHECK(term_frequencies(a) == term_frequencies(b));
  CHECK(a.get_avlength() == Approx(b.get_avlength()));
}

TEST_CASE("the time-limited plain loop stops and keeps no database", "[bench]") {
  test::TempDir dir;
  const std::string input = dir.write("archive.jsonl", archive(2500));
  const auto report =
      build_reference_index(input, dir.file("db"), dir.file("db.work"), /*time_limit=*/1e-9);
  CHECK(report.stopped_early);
  CHECK(report.articles == 1000);  // the limit is checked every 1000 articles
  CHECK(report.compact_seconds == 0);
  CHECK_FALSE(std::filesystem::exists(dir.file("db")));
  CHECK_FALSE(std::filesystem::exists(dir.file("db.work")));
}

TEST_CASE("building in parts rejects zero parts and a missing archive", "[bench]") {
  test::TempDir dir;
  const std::string input = dir.write("archive.jsonl", archive(5));
  CHECK_THROWS(build_reference_index_in_parts(input, dir.file("db"), dir.file("w"), 0, 2));
  CHECK_THROWS(build_reference_index_in_parts(input, dir.file("db"), dir.file("w"), 2, 0));
  CHECK_THROWS(build_reference_index_in_parts(dir.file("missing.jsonl"), dir.file("db"),
                                              dir.file("w"), 2, 2));
}

}  // namespace
}  // namespace berita::bench
