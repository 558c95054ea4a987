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
  bool record_in_slot_;
  Xapian::QueryParser parser_;
};

struct ReferenceIndexReport {
  std::uint64_t articles = 0;
  double index_seconds = 0;
  double compact_seconds = 0;
  bool stopped_early = false;  // the time limit ran out: nothing compacted
};

// Builds baseline (b) at db_path from a JSON Lines file with the plain loop
// (one database, Xapian's default flush), then compacts it; work_dir holds
// the uncompacted database meanwhile. With a time limit (seconds, 0 = none)
// the loop stops once it has run that long, reports how far it got and
// leaves no database: the plain loop's speed on an archive too big to
// finish. Throws std::runtime_error or Xapian::Error.
ReferenceIndexReport build_reference_index(const std::string& jsonl_path,
                                           const std::string& db_path,
                                           const std::string& work_dir,
                                           double time_limit_seconds = 0);

// The same documents in the same docid order, built faster: the file is cut
// into parts of consecutive lines, threads index parts into databases of
// their own with small commits, and the parts are compacted in order into
// db_path. The result is baseline (b)'s database; the time is not the plain
// loop's (build_reference_index measures that).
ReferenceIndexReport build_reference_index_in_parts(const std::string& jsonl_path,
                                                    const std::string& db_path,
                                                    const std::string& work_dir, unsigned parts,
                                                    unsigned threads);

}  // namespace berita::bench

#endif
