// One Searcher per worker thread. Xapian::Database is not thread-safe, so a
// worker leases a Searcher for the length of one request and no other thread
// touches it meanwhile.
//
// Freshness: when a lease is taken and the Searcher was last checked at least
// refresh_interval ago, it is refreshed first (Searcher::refresh: a new
// commit, or a rebuilt database swapped in behind a symlink). New data is so
// served within refresh_interval of appearing, without a restart.
//
// Thread safety: all members may be called from any thread.
#ifndef BERITA_SEARCHD_SEARCHER_POOL_H
#define BERITA_SEARCHD_SEARCHER_POOL_H

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "search/searcher.h"

namespace berita {

class SearcherPool {
  struct Slot {
    std::unique_ptr<Searcher> searcher;  // opened on first use
    std::chrono::steady_clock::time_point checked;
  };

 public:
  // size: the most leases out at once (the number of worker threads).
  SearcherPool(std::string db_path, unsigned size, std::chrono::milliseconds refresh_interval);

  // Returns its Searcher to the pool when destroyed.
  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), slot_(other.slot_) {
      other.slot_ = nullptr;
    }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Searcher& operator*() const { return *slot_->searcher; }
    Searcher* operator->() const { return slot_->searcher.get(); }

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, Slot* slot) : pool_(pool), slot_(slot) {}
    SearcherPool* pool_;
    Slot* slot_;
  };

  // Waits while every Searcher is leased, then opens or refreshes the one it
  // hands out. Throws DatabaseUnavailable (the Searcher goes back unharmed:
  // a failed refresh leaves it on the data it had).
  Lease acquire();

  // Distinct database revisions picked up since start (a swapped-in
  // database counts once, however many workers switch to it).
  std::uint64_t reloads() const;
  // Wall-clock time of the last reload, if any.
  std::optional<std::chrono::system_clock::time_point> last_reload() const;

 private:
  void release(Slot* slot);
  void note_refresh(const Searcher& searcher);

  const std::string db_path_;
  const std::chrono::milliseconds refresh_interval_;
  std::vector<Slot> slots_;
  mutable std::mutex mutex_;
  std::condition_variable slot_freed_;
  std::vector<Slot*> free_;
  std::optional<Xapian::rev> latest_revision_;
  std::uint64_t reloads_ = 0;
  std::optional<std::chrono::system_clock::time_point> last_reload_;
};

}  // namespace berita

#endif
