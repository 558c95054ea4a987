#include "searchd/metrics.h"

#include <sstream>

namespace berita {

void Metrics::record_request(const std::string& endpoint, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++total_;
  ++requests_[{endpoint, status}];
  if (seconds < 0) return;
  Histogram& h = latency_[endpoint];
  std::size_t bucket = 0;
  while (bucket < kBuckets.size() && seconds > kBuckets[bucket]) ++bucket;
  if (bucket < kBuckets.size()) ++h.counts[bucket];
  ++h.count;
  h.sum += seconds;
}

void Metrics::record_error(const std::string& code) {
  std::lock_guard lock(mutex_);
  ++errors_[code];
}

std::uint64_t Metrics::requests_served() const {
  std::lock_guard lock(mutex_);
  return total_;
}

std::string Metrics::render_prometheus(const MetricsGauges& gauges) const {
  std::ostringstream out;
  out.precision(9);
  std::lock_guard lock(mutex_);
  out << "# HELP berita_http_requests_total HTTP requests answered, by endpoint and status.\n"
         "# TYPE berita_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "berita_http_requests_total{endpoint=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << count << "\n";
  }
  out << "# HELP berita_http_request_duration_seconds Time to answer a request, by endpoint.\n"
         "# TYPE berita_http_request_duration_seconds histogram\n";
  for (const auto& [endpoint, h] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out << "berita_http_request_duration_seconds_bucket{endpoint=\"" << endpoint << "\",le=\""
          << kBuckets[i] << "\"} " << cumulative << "\n";
    }
    out << "berita_http_request_duration_seconds_bucket{endpoint=\"" << endpoint
        << "\",le=\"+Inf\"} " << h.count << "\n"
        << "berita_http_request_duration_seconds_sum{endpoint=\"" << endpoint << "\"} " << h.sum
        << "\n"
        << "berita_http_request_duration_seconds_count{endpoint=\"" << endpoint << "\"} " << h.count
        << "\n";
  }
  out << "# HELP berita_http_errors_total Error answers, by error code.\n"
         "# TYPE berita_http_errors_total counter\n";
  for (const auto& [code, count] : errors_) {
    out << "berita_http_errors_total{code=\"" << code << "\"} " << count << "\n";
  }
  out << "# HELP berita_documents Documents in the database being served.\n"
         "# TYPE berita_documents gauge\n"
      << "berita_documents " << gauges.documents << "\n"
      << "# HELP berita_database_up 1 while the database can be read.\n"
         "# TYPE berita_database_up gauge\n"
      << "berita_database_up " << (gauges.database_up ? 1 : 0) << "\n"
      << "# HELP berita_reloads_total New database revisions picked up since start.\n"
         "# TYPE berita_reloads_total counter\n"
      << "berita_reloads_total " << gauges.reloads << "\n"
      << "# HELP berita_uptime_seconds Seconds since the daemon started.\n"
         "# TYPE berita_uptime_seconds gauge\n"
      << "berita_uptime_seconds " << gauges.uptime_seconds << "\n";
  return out.str();
}

}  // namespace berita
