#include "index/crash_point.h"

#include <signal.h>
#include <unistd.h>

#include <stdexcept>

namespace berita {
namespace {

constexpr const char* kArticlesPrefix = "articles:";

[[noreturn]] void die() {
  // SIGKILL cannot be caught, so nothing is flushed or cleaned up: the same
  // state a power cut or the OOM killer would leave.
  ::kill(::getpid(), SIGKILL);
  ::_exit(137);
}

}  // namespace

CrashPoint::CrashPoint(const std::string& spec) : name_(spec) {
  const std::string prefix = kArticlesPrefix;
  if (spec.compare(0, prefix.size(), prefix) != 0) return;
  try {
    std::size_t used = 0;
    articles_ = std::stoull(spec.substr(prefix.size()), &used);
    if (used != spec.size() - prefix.size() || articles_ == 0) throw std::invalid_argument(spec);
  } catch (const std::logic_error&) {
    throw std::invalid_argument("bad crash point '" + spec + "'; expected articles:N with N > 0");
  }
  name_ = "articles";
}

void CrashPoint::at(const char* point) const {
  if (enabled() && name_ == point) die();
}

void CrashPoint::after_articles(std::uint64_t count) const {
  if (articles_ > 0 && count >= articles_) die();
}

}  // namespace berita
