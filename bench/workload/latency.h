// Per-query latencies and their summary. Benchmarks report percentiles and
// throughput, and compare them only with a baseline measured in the same run.
#ifndef BERITA_BENCH_WORKLOAD_LATENCY_H
#define BERITA_BENCH_WORKLOAD_LATENCY_H

#include <vector>

namespace berita::bench {

struct LatencySummary {
  std::size_t count = 0;
  double mean_us = 0;
  double p50_us = 0;
  double p95_us = 0;
  double p99_us = 0;
  double qps = 0;  // count / sum of latencies: one client, back to back
};

// Nearest-rank percentiles; an empty input gives all zeros.
LatencySummary summarize(std::vector<double> latencies_us);

// The median of values (mean of the middle two for an even count).
double median(std::vector<double> values);

}  // namespace berita::bench

#endif
