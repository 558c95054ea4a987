// The baselines Berita is measured against, written the way a plain Xapian
// program would be:
//  (a) PlainSearcher: QueryParser (English stemmer, STEM_SOME, wildcards,
//      "title:" prefix) + Enquire over the same database, top 10, each hit's
//      document data read (a result list shows something), no snippets.
//  (b) build_reference_index: TermGenerator defaults (English stemmer,
//      STEM_SOME, positions) over title and body, the JSON line as document
//      data, the date in value slot 0, then compacted into one database.
// Thread safety: none; one PlainSearcher per thread.
#ifndef BERITA_BENCH_WORKLOAD_PLAIN_ENGINE_H
#define BERITA_BENCH_WORKLOAD_PLAIN_ENGINE_H

#include <cstdint>
#include <string>

#include <xapian.h>

namespace berita::bench {

struct PlainRequest {
  std::string text;
  unsigned offset = 0;
  unsigned limit = 10;
  std::string filter_term;  // boolean term that must match; empty = none
  std::string date_low;     // YYYYMMDD bounds on value slot 0; empty = open
  std::string date_high;
  bool sort_by_date = false;  // newest first, then relevance
};

class PlainSearcher {
 public:
  explicit PlainSearcher(const std::string& db_path);
  // Hits on the page; throws Xapian::Error.
  std::size_t search(const PlainRequest& request);

 private:
  Xapian::Database db_;
  Xapian::QueryParser parser_;
};

struct ReferenceIndexReport {
  std::uint64_t articles = 0;
  double index_seconds = 0;
  double compact_seconds = 0;
};

// Builds baseline (b) at db_path from a JSON Lines file (work_dir holds the
// uncompacted database meanwhile). Throws std::runtime_error or Xapian::Error.
ReferenceIndexReport build_reference_index(const std::string& jsonl_path,
                                           const std::string& db_path,
                                           const std::string& work_dir);

}  // namespace berita::bench

#endif
