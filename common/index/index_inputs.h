// What both indexing modes start from: furniture rules, the input files, and
// the ids to delete. Internal to common/index.
#ifndef BERITA_INDEX_INDEX_INPUTS_H
#define BERITA_INDEX_INDEX_INPUTS_H

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_set>

#include "article/furniture.h"
#include "article/input_reader.h"
#include "index/indexer.h"

namespace berita {

using Clock = std::chrono::steady_clock;

// Progress is published every this many articles: often enough for a live
// display, rarely enough to cost nothing.
inline constexpr std::uint64_t kProgressEveryArticles = 256;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct IndexInputs {
  PageFurniture furniture;
  InputSet inputs;
  std::unordered_set<std::string> delete_ids;
};

// The part of reading articles both indexing modes share: problems are
// counted in the report and passed to the observer, bytes read feed the
// progress display. Subclasses decide what happens to each article.
class ReportingHandler : public ArticleHandler {
 public:
  ReportingHandler(IndexObserver& observer, IndexReport& report, IndexProgress& progress)
      : observer_(observer), report_(report), progress_(progress) {}

  void on_rejected(const ParseError& error) override {
    count_rejection(report_, error);
    observer_.on_rejected(error);
  }
  void on_warning(const ParseError& warning) override {
    ++report_.warnings;
    observer_.on_warning(warning);
  }
  void on_bytes(std::uint64_t bytes) override { progress_.bytes_read += bytes; }

 protected:
  IndexObserver& observer_;
  IndexReport& report_;
  IndexProgress& progress_;
};

// Loads the furniture and delete files and collects the inputs; problems go
// to report and observer. Throws std::runtime_error if a file named by the
// config cannot be read.
IndexInputs prepare_inputs(const IndexerConfig& config, IndexObserver& observer,
                           IndexReport& report);

}  // namespace berita

#endif
