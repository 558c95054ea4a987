// Request counters and latency histograms, exposed in Prometheus' text format
// (version 0.0.4) at /metrics.
//
// Thread safety: all members may be called from any thread.
#ifndef BERITA_SEARCHD_METRICS_H
#define BERITA_SEARCHD_METRICS_H

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace berita {

// Values read at scrape time from elsewhere (the database, the pool).
struct MetricsGauges {
  std::uint64_t documents = 0;
  bool database_up = false;
  std::uint64_t reloads = 0;
  double uptime_seconds = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  // endpoint: a fixed route name ("search", "doc", ...), never a raw path,
  // so the number of series stays bounded. seconds < 0: not timed (the HTTP
  // library answered before any handler ran).
  void record_request(const std::string& endpoint, int status, double seconds);
  // code: the error code of a 4xx/5xx answer ("bad_query", "unavailable"...).
  void record_error(const std::string& code);

  std::uint64_t requests_served() const;

  std::string render_prometheus(const MetricsGauges& gauges) const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};  // not cumulative
    std::uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, std::uint64_t> errors_;
  std::uint64_t total_ = 0;
};

}  // namespace berita

#endif
