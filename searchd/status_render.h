// The daemon's own JSON documents: /health and /stats.
#ifndef BERITA_SEARCHD_STATUS_RENDER_H
#define BERITA_SEARCHD_STATUS_RENDER_H

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace berita {

struct DaemonStats {
  std::uint64_t documents = 0;
  std::uint64_t revision = 0;
  std::uint64_t reloads = 0;
  std::optional<std::chrono::system_clock::time_point> last_reload;
  std::chrono::system_clock::time_point started;
  double uptime_seconds = 0;
  std::uint64_t requests_served = 0;
  unsigned threads = 0;
};

// {"status":"ok","docs":N}
std::string render_health_json(std::uint64_t documents);

// {"docs","revision","reloads","last_reload","started","uptime_s","requests_served","threads"};
// times are UTC ISO 8601, last_reload null before the first reload.
std::string render_stats_json(const DaemonStats& stats);

// UTC "2026-11-28T10:32:02Z".
std::string iso_utc(std::chrono::system_clock::time_point time);

}  // namespace berita

#endif
