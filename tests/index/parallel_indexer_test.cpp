// The segments the rebuild's workers write, before any merge.
#include "index/parallel_indexer.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "e2e/reindex_support.h"

namespace berita {
namespace {

using reindex_test::jsonl;
using reindex_test::postlist_block_size;
using reindex_test::ScratchDir;

struct Segments {
  ShardResult result;
  IndexReport report;
};

Segments write_segments(ScratchDir& dir, unsigned block_size) {
  std::string articles;
  for (int i = 0; i < 40; ++i) {
    articles += jsonl("s" + std::to_string(i), "Segment story " + std::to_string(i),
                      "Flood waters rose in district " + std::to_string(i) + ".");
  }
  const InputSet inputs = collect_inputs({dir.write("in/a.jsonl", articles)});
  const PageFurniture no_furniture;
  ShardJob job;
  job.inputs = &inputs;
  job.furniture = &no_furniture;
  job.parallel.threads = 2;
  job.parallel.segment_articles = 8;
  job.parallel.flush_articles = 3;
  job.parallel.segment_block_size = block_size;
  job.build_dir = dir.file("build");
  std::filesystem::create_directories(job.build_dir);
  Segments out;
  IndexObserver quiet;
  out.result = build_shards(job, quiet, out.report);
  return out;
}

TEST_CASE("segments are written with the configured block size", "[index][rebuild]") {
  ScratchDir dir;
  const Segments segments = write_segments(dir, 65536);
  REQUIRE(segments.result.shard_paths.size() >= 5);  // 40 articles, 8 a segment, 2 workers
  Xapian::doccount total = 0;
  for (const auto& shard : segments.result.shard_paths) {
    INFO(shard);
    CHECK(postlist_block_size(shard) == "blocksize=64K");
    total += Xapian::Database(shard).get_doccount();
  }
  CHECK(total == 40);
  CHECK(segments.result.added == 40);
}

TEST_CASE("segments default to 32 KiB blocks", "[index][rebuild]") {
  ScratchDir dir;
  const Segments segments = write_segments(dir, ParallelOptions{}.segment_block_size);
  REQUIRE_FALSE(segments.result.shard_paths.empty());
  CHECK(postlist_block_size(segments.result.shard_paths.front()) == "blocksize=32K");
}

}  // namespace
}  // namespace berita
