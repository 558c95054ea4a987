// The on-disk layout that lets a rebuilt database replace the live one in
// one atomic step, and the lock that keeps writers apart.
//
// Readers and the indexer name the database DIR. After the first rebuild,
// DIR is a symlink to a generation directory beside it, DIR.gen-<n>. A
// rebuild builds in DIR.build-<pid>, moves the finished database to the next
// generation, and replaces the symlink with rename(2): a reader resolving DIR
// sees the old or the new database, never a missing or half-built one. A
// plain database directory left by incremental runs is exchanged for the
// symlink with renameat2(RENAME_EXCHANGE), so there is no moment without a
// database there either. Incremental runs write through the symlink.
//
// Everything besides DIR is a sibling: DIR.lock, DIR.gen-<n>, DIR.build-<pid>,
// DIR.swap-<pid>. Anything named DIR.build-* or DIR.swap-* found while the
// lock is held belongs to a run that died, and is removed.
#ifndef BERITA_INDEX_GENERATIONS_H
#define BERITA_INDEX_GENERATIONS_H

#include <stdexcept>
#include <string>
#include <vector>

#include "index/crash_point.h"

namespace berita {

// Another indexer (rebuild or update) is working on the same database.
class IndexerBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Holds an exclusive flock(2) on DIR.lock for its lifetime. The kernel drops
// it when the process dies, even by kill -9, so a crashed run never leaves a
// lock that blocks the next one.
class WriterLock {
 public:
  // Throws IndexerBusy if another process holds it, std::runtime_error if the
  // lock file cannot be created (for example, the parent is not writable).
  explicit WriterLock(const std::string& db_path);
  ~WriterLock();
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

// DIR without trailing slashes, the form every sibling name is built from.
std::string normalise_db_path(const std::string& db_path);

// Removes what killed runs left behind. Call with the WriterLock held.
// Returns the paths removed.
std::vector<std::string> remove_stale_builds(const std::string& db_path);

// Throws std::runtime_error unless DIR is missing, a symlink, or a directory
// holding a Xapian database: a rebuild must never swap away, and later
// delete, a directory that merely happens to have the name.
void check_replaceable(const std::string& db_path);

// Creates an empty DIR.build-<pid> for a rebuild and returns its path.
std::string make_build_dir(const std::string& db_path);

// The generation DIR points at, or "" when DIR is missing or a plain directory.
std::string live_generation(const std::string& db_path);

// Moves the finished database at built_path to the next generation and
// switches DIR to it atomically (see above), then syncs the directory.
// Returns the new generation's path. On failure before the switch, DIR is
// untouched.
std::string publish_generation(const std::string& db_path, const std::string& built_path,
                               const CrashPoint& crash);

// Deletes generations other than the live one and the one before it: a
// reader that has not yet followed the switch still finds its files, and
// readers on Linux keep already-open files anyway. Returns the paths removed.
std::vector<std::string> remove_old_generations(const std::string& db_path);

}  // namespace berita

#endif
