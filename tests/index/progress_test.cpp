#include "index/progress.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace berita {
namespace {

IndexProgress halfway(double seconds) {
  IndexProgress p;
  p.articles = 500;
  p.bytes_read = 5'000'000;
  p.total_bytes = 10'000'000;
  p.elapsed_seconds = seconds;
  return p;
}

TEST_CASE("a terminal gets a redrawn bar with rate and ETA", "[index][progress]") {
  std::ostringstream out;
  ProgressPrinter printer(out, ProgressMode::kTerminal);
  printer.on_progress(halfway(10));
  const std::string shown = out.str();
  CHECK(shown.rfind("\r\033[K[############............]  50%", 0) == 0);
  CHECK(shown.find("500 articles  50 articles/s  0.5 MB/s  ETA 10 s") != std::string::npos);
  printer.on_rejected(ParseError{"a.jsonl", 7, "malformed JSON"});
  CHECK(out.str().find("\r\033[Ka.jsonl:7: malformed JSON (skipped)\n") != std::string::npos);
}

TEST_CASE("a log gets a plain line every ten seconds and one per phase", "[index][progress]") {
  std::ostringstream out;
  ProgressPrinter printer(out, ProgressMode::kPlain);
  printer.on_progress(halfway(4));
  CHECK(out.str().empty());
  printer.on_progress(halfway(10));
  printer.on_progress(halfway(12));
  printer.on_phase("merge");
  CHECK(out.str() == "progress: 500 articles  50 articles/s  0.5 MB/s  ETA 10 s\nphase: merge\n");
}

TEST_CASE("quiet shows problems only", "[index][progress]") {
  std::ostringstream out;
  ProgressPrinter printer(out, ProgressMode::kQuiet);
  printer.on_progress(halfway(30));
  printer.on_phase("merge");
  printer.on_warning(ParseError{"b.txt", 0, "invalid UTF-8 repaired"});
  CHECK(out.str() == "b.txt: invalid UTF-8 repaired (warning)\n");
}

TEST_CASE("the summary of a rebuild lists reasons, notes and phases", "[index][progress]") {
  IndexReport r;
  r.mode = "rebuild";
  r.threads = 2;
  r.files = 2;
  r.added = 90;
  r.replaced = 10;
  r.rejected = 1;
  r.rejected_reasons = {{"malformed JSON", 1}};
  r.deleted = 3;
  r.notes = {"removed /srv/db.build-12, left by an interrupted run"};
  r.generation = "/srv/db.gen-2";
  r.doc_count = 90;
  r.elapsed_seconds = 2;
  std::ostringstream out;
  print_summary(r, out);
  const std::string text = out.str();
  CHECK(text.rfind(
            "indexed 100 articles (90 added, 10 replaced), 1 rejected, 0 warnings, from 2 files\n",
            0) == 0);
  CHECK(text.find("left out 3 articles") != std::string::npos);
  CHECK(text.find("  rejected 1: malformed JSON\n") != std::string::npos);
  CHECK(text.find("note: removed /srv/db.build-12") != std::string::npos);
  CHECK(text.find("now live: /srv/db.gen-2") != std::string::npos);
  CHECK(text.find("phases: parse") != std::string::npos);
  CHECK(text.find("database now holds 90 articles; 2.00 s elapsed, 50 articles/s") !=
        std::string::npos);
}

}  // namespace
}  // namespace berita
