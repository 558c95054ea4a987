// A test hook for crash-safety tests: the indexer kills itself with SIGKILL
// (exactly what kill -9 does, so no destructor or commit runs) at a named
// point, so tests can check that the live database survives a crash at that
// very moment. berita-indexer reads it from BERITA_TEST_CRASH_AT; when unset
// every check is a no-op.
//
// Points: "articles:N" (after N articles were written, committed or not;
// in an update with --batch-size B, N < B dies before the first commit),
// "merge" (inside the
// merge, after its first table), "check", "swap" (new generation in place,
// temporary symlink made, live name not yet switched), "exchange" (a plain
// database directory was exchanged for the symlink, before it is renamed to
// its generation name), "swapped" (after the switch, before clean-up).
#ifndef BERITA_INDEX_CRASH_POINT_H
#define BERITA_INDEX_CRASH_POINT_H

#include <cstdint>
#include <string>

namespace berita {

class CrashPoint {
 public:
  CrashPoint() = default;
  // spec as in BERITA_TEST_CRASH_AT; empty disables. Throws
  // std::invalid_argument on a malformed "articles:N".
  explicit CrashPoint(const std::string& spec);

  bool enabled() const { return !name_.empty(); }
  // Dies here if this is the configured point.
  void at(const char* point) const;
  // Dies if the point is "articles:N" and count has reached N.
  void after_articles(std::uint64_t count) const;

 private:
  std::string name_;
  std::uint64_t articles_ = 0;
};

}  // namespace berita

#endif
