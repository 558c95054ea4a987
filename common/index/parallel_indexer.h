// Builds a fresh index in parallel: the calling thread reads and parses the
// inputs, and each of N worker threads builds documents into its own series
// of sub-databases (segments, called shards below), starting a new one every
// segment_articles articles. Articles are routed to a worker by a hash of
// their id, so every copy of an id lands with the same worker, which keeps
// only the last one (replace-by-id inside a segment; for an id in one of its
// earlier segments, the old copy is deleted there before the worker ends):
// the shards never share an id and can be merged by compaction without
// duplicates. Per worker, 8 bytes an article are kept to find ids again.
//
// Memory is bounded independently of corpus size: each worker's queue holds
// at most queue_bytes of parsed text, and each shard commits every
// flush_articles articles or flush_bytes of text, whichever comes first.
#ifndef BERITA_INDEX_PARALLEL_INDEXER_H
#define BERITA_INDEX_PARALLEL_INDEXER_H

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "article/furniture.h"
#include "article/input_reader.h"
#include "index/crash_point.h"
#include "index/indexer.h"

namespace berita {

struct ShardJob {
  const InputSet* inputs = nullptr;
  const PageFurniture* furniture = nullptr;
  ReadLimits limits;
  AnalyzerConfig analyzer;
  ParallelOptions parallel;
  std::string build_dir;  // shards go in build_dir/shard-<i>
  const std::unordered_set<std::string>* excluded_ids = nullptr;  // takedowns; may be null
  CrashPoint crash;
};

struct ShardResult {
  std::vector<std::string> shard_paths;
  std::uint64_t added = 0;     // distinct ids written
  std::uint64_t replaced = 0;  // later copies of an id already seen
  std::uint64_t excluded = 0;  // articles skipped because their id is in excluded_ids
  double parse_seconds = 0;    // reading thread busy reading and parsing
  double index_seconds = 0;    // wall time until every shard was committed
};

// Rejections and warnings go to report and observer as they happen. Throws
// whatever a worker hit (Xapian::Error, std::bad_alloc, ...) after stopping
// the others; the shards are then incomplete and must be discarded.
ShardResult build_shards(const ShardJob& job, IndexObserver& observer, IndexReport& report);

}  // namespace berita

#endif
