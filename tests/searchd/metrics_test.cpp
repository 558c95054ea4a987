#include "searchd/metrics.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

bool has_line(const std::string& text, const std::string& line) {
  return text.find("\n" + line + "\n") != std::string::npos;
}

TEST_CASE("Metrics renders counters and a cumulative histogram", "[searchd][metrics]") {
  Metrics m;
  m.record_request("search", 200, 0.0004);
  m.record_request("search", 200, 0.02);
  m.record_request("search", 400, 0.003);
  m.record_request("other", 414, -1);  // untimed
  m.record_error("bad_parameter");
  CHECK(m.requests_served() == 4);

  MetricsGauges gauges;
  gauges.documents = 33;
  gauges.database_up = true;
  gauges.reloads = 2;
  const std::string text = m.render_prometheus(gauges);
  CHECK(has_line(text, "berita_http_requests_total{endpoint=\"search\",status=\"200\"} 2"));
  CHECK(has_line(text, "berita_http_requests_total{endpoint=\"search\",status=\"400\"} 1"));
  CHECK(has_line(text, "berita_http_requests_total{endpoint=\"other\",status=\"414\"} 1"));
  CHECK(has_line(
      text, "berita_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"0.001\"} 1"));
  CHECK(has_line(
      text, "berita_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"0.005\"} 2"));
  CHECK(has_line(text,
                 "berita_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"+Inf\"} 3"));
  CHECK(has_line(text, "berita_http_request_duration_seconds_count{endpoint=\"search\"} 3"));
  CHECK(text.find("endpoint=\"other\",le=") == std::string::npos);
  CHECK(has_line(text, "berita_http_errors_total{code=\"bad_parameter\"} 1"));
  CHECK(has_line(text, "berita_documents 33"));
  CHECK(has_line(text, "berita_database_up 1"));
  CHECK(has_line(text, "berita_reloads_total 2"));
}

}  // namespace
}  // namespace berita
