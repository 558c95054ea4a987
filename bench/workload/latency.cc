#include "workload/latency.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace berita::bench {
namespace {

double percentile(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

LatencySummary summarize(std::vector<double> latencies_us) {
  LatencySummary s;
  if (latencies_us.empty()) return s;
  std::sort(latencies_us.begin(), latencies_us.end());
  const double total = std::accumulate(latencies_us.begin(), latencies_us.end(), 0.0);
  s.count = latencies_us.size();
  s.mean_us = total / static_cast<double>(s.count);
  s.p50_us = percentile(latencies_us, 0.50);
  s.p95_us = percentile(latencies_us, 0.95);
  s.p99_us = percentile(latencies_us, 0.99);
  s.qps = total > 0 ? static_cast<double>(s.count) * 1e6 / total : 0;
  return s;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace berita::bench
