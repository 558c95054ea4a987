// berita-reference-index: builds baseline (b), a plain Xapian database of a
// JSON Lines archive (TermGenerator defaults, then compacted), and prints
//   articles index_seconds compact_seconds
//   berita-reference-index ARCHIVE.jsonl DB_DIR
#include <cstdio>
#include <iostream>

#include "workload/plain_engine.h"

int main(int argc, char* argv[]) {
  if (argc != 3) {
    std::cerr << "usage: berita-reference-index ARCHIVE.jsonl DB_DIR\n";
    return 2;
  }
  try {
    const std::string db = argv[2];
    const auto report = berita::bench::build_reference_index(argv[1], db, db + ".uncompacted");
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
