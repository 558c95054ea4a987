#include "searchd/status_render.h"

#include <cmath>
#include <ctime>
#include <nlohmann/json.hpp>

#include "render/json_render.h"

namespace berita {

std::string iso_utc(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::string render_health_json(std::uint64_t documents) {
  return dump_json({{"status", "ok"}, {"docs", documents}});
}

std::string render_stats_json(const DaemonStats& s) {
  nlohmann::ordered_json last_reload = nullptr;
  if (s.last_reload) last_reload = iso_utc(*s.last_reload);
  return dump_json({{"docs", s.documents},
                    {"revision", s.revision},
                    {"reloads", s.reloads},
                    {"last_reload", std::move(last_reload)},
                    {"started", iso_utc(s.started)},
                    {"uptime_s", std::round(s.uptime_seconds * 1000) / 1000},
                    {"requests_served", s.requests_served},
                    {"threads", s.threads}});
}

}  // namespace berita
