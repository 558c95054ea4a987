#include "searchd/searcher_pool.h"

namespace berita {

SearcherPool::SearcherPool(std::string db_path, unsigned size,
                           std::chrono::milliseconds refresh_interval)
    : db_path_(std::move(db_path)), refresh_interval_(refresh_interval), slots_(size) {
  for (auto& slot : slots_) free_.push_back(&slot);
}

SearcherPool::Lease::~Lease() {
  if (slot_) pool_->release(slot_);
}

SearcherPool::Lease SearcherPool::acquire() {
  Slot* slot;
  {
    std::unique_lock lock(mutex_);
    slot_freed_.wait(lock, [&] { return !free_.empty(); });
    slot = free_.back();
    free_.pop_back();
  }
  Lease lease(this, slot);  // from here on the slot goes back even if we throw
  const auto now = std::chrono::steady_clock::now();
  if (!slot->searcher) {
    slot->searcher = std::make_unique<Searcher>(db_path_);
    slot->checked = now;
    note_refresh(*slot->searcher);
  } else if (now - slot->checked >= refresh_interval_) {
    slot->searcher->refresh();
    slot->checked = now;
    // Noted even when refresh() found nothing new: a search may already have
    // reopened the database after a DatabaseModifiedError.
    note_refresh(*slot->searcher);
  }
  return lease;
}

void SearcherPool::release(Slot* slot) {
  // A search that met DatabaseModifiedError reopened the database itself;
  // noting it here, not only at the next refresh, keeps a revision that is
  // superseded before that refresh from going uncounted.
  if (slot->searcher) note_refresh(*slot->searcher);
  {
    std::lock_guard lock(mutex_);
    free_.push_back(slot);
  }
  slot_freed_.notify_one();
}

void SearcherPool::note_refresh(const Searcher& searcher) {
  const Xapian::rev revision = searcher.revision();
  std::lock_guard lock(mutex_);
  if (!latest_revision_) {
    latest_revision_ = revision;               // the data we started with is not a reload
  } else if (revision != *latest_revision_) {  // a swapped database may count lower
    latest_revision_ = revision;
    ++reloads_;
    last_reload_ = std::chrono::system_clock::now();
  }
}

std::uint64_t SearcherPool::reloads() const {
  std::lock_guard lock(mutex_);
  return reloads_;
}

std::optional<std::chrono::system_clock::time_point> SearcherPool::last_reload() const {
  std::lock_guard lock(mutex_);
  return last_reload_;
}

}  // namespace berita
