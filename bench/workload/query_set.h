// Benchmark query lists, grouped by query class. Two sources:
//  - the AOL-derived list in <shared>/corpora/aol-benchmark-queries (its
//    tags file says which queries are intersections, unions and phrases;
//    single-term, prefix and field-restricted queries are derived from the
//    words of the union queries);
//  - a synthetic list written by `berita-synth queries` (id, class, band, text).
#ifndef BERITA_BENCH_WORKLOAD_QUERY_SET_H
#define BERITA_BENCH_WORKLOAD_QUERY_SET_H

#include <map>
#include <string>
#include <vector>

namespace berita::bench {

struct BenchQuery {
  std::string id;
  std::string query_class;  // term, and, or, phrase, prefix, field
  std::string band;         // rare/medium/common for synthetic queries, else empty
  std::string text;
};

// Throws std::runtime_error naming a missing file.
std::vector<BenchQuery> load_aol_queries(const std::string& shared_dir);
std::vector<BenchQuery> load_synth_queries(const std::string& path);

// class (and band, as "class/band", when present) -> queries, in file order.
std::map<std::string, std::vector<BenchQuery>> by_class(const std::vector<BenchQuery>& queries,
                                                        bool with_band);

}  // namespace berita::bench

#endif
