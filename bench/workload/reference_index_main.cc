// berita-reference-index: builds baseline (b), a plain Xapian database of a
// JSON Lines archive (TermGenerator defaults, then compacted), and prints
//   articles index_seconds compact_seconds
//
//   berita-reference-index ARCHIVE.jsonl DB_DIR
//       the plain single-threaded loop, then compaction
//   berita-reference-index ARCHIVE.jsonl DB_DIR --parts N [--threads T]
//       the same database built from N parts in T threads (default 2)
//   berita-reference-index ARCHIVE.jsonl DB_DIR --time-limit SECONDS
//       the plain loop for at most SECONDS; prints how many articles it
//       indexed in how long (compact_seconds 0) and keeps no database
#include <cstdio>
#include <iostream>
#include <string>

#include "workload/plain_engine.h"

namespace {

int usage() {
  std::cerr << "usage: berita-reference-index ARCHIVE.jsonl DB_DIR "
               "[--parts N [--threads T] | --time-limit SECONDS]\n";
  return 2;
}

bool parse_positive(const std::string& text, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(text, &used);
    return used == text.size() && out > 0;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc < 3) return usage();
  double parts = 0;
  double threads = 2;
  double time_limit = 0;
  for (int i = 3; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) return usage();
    double* target = flag == "--parts"        ? &parts
                     : flag == "--threads"    ? &threads
                     : flag == "--time-limit" ? &time_limit
                                              : nullptr;
    if (target == nullptr || !parse_positive(argv[++i], *target)) {
      std::cerr << "berita-reference-index: " << flag << " needs a positive number\n";
      return usage();
    }
  }
  if (parts > 0 && time_limit > 0) return usage();
  try {
    const std::string db = argv[2];
    const auto report =
        parts > 0 ? berita::bench::build_reference_index_in_parts(
                        argv[1], db, db + ".parts", static_cast<unsigned>(parts),
                        static_cast<unsigned>(threads))
                  : berita::bench::build_reference_index(argv[1], db, db + ".uncompacted",
                                                         time_limit);
    std::printf("%llu\t%.2f\t%.2f\n", static_cast<unsigned long long>(report.articles),
                report.index_seconds, report.compact_seconds);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "berita-reference-index: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "berita-reference-index: " << e.get_description() << "\n";
  }
  return 2;
}
