#include "index/rebuild.h"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "index/generations.h"
#include "index/index_inputs.h"
#include "index/near_duplicate_linker.h"
#include "index/parallel_indexer.h"
#include "index/synonym_table.h"
#include "index/table_check.h"
#include "index/word_keys.h"
#include "schema/schema.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

// Xapian 1.4.22's Database::check frees one of its objects with the wrong
// sized delete, which AddressSanitizer reports as new-delete-type-mismatch
// (a library bug, harmless in practice); sanitizer builds skip the check.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kXapianCheckUsable = false;
#else
constexpr bool kXapianCheckUsable = true;
#endif

// Xapian calls set_status once per table as the merge proceeds; the crash
// hook uses it to die in the middle of a merge rather than before or after.
class MergeCompactor : public Xapian::Compactor {
 public:
  explicit MergeCompactor(const CrashPoint& crash) : crash_(crash) {}
  void set_status(const std::string& /*table*/, const std::string& status) override {
    if (status.empty() && ++tables_started_ == 2) crash_.at("merge");
  }
  // Each shard wrote the word buckets of its own words; the merged bucket
  // holds them all. Other keys (schema, dictionary) are the same in every
  // shard, and the first copy is kept.
  std::string resolve_duplicate_metadata(const std::string& key, std::size_t num_tags,
                                         const std::string tags[]) override {
    // Xapian 1.4 passes the key as its table stores it, behind the two
    // bytes that mark a metadata entry.
    std::string_view user_key = key;
    if (user_key.size() >= 2 && user_key[0] == '\0' && user_key[1] == '\xC0') {
      user_key.remove_prefix(2);
    }
    if (!is_word_bucket_key(user_key)) return tags[0];
    return merge_word_buckets(std::vector<std::string_view>(tags, tags + num_tags));
  }

 private:
  const CrashPoint& crash_;
  int tables_started_ = 0;
};

// Removes the build directory on every way out, including exceptions.
class BuildDirGuard {
 public:
  explicit BuildDirGuard(std::string path) : path_(std::move(path)) {}
  ~BuildDirGuard() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  BuildDirGuard(const BuildDirGuard&) = delete;
  BuildDirGuard& operator=(const BuildDirGuard&) = delete;

 private:
  std::string path_;
};

// Xapian's default block size, which every query benchmark ran on; the
// segments' own block size (ParallelOptions) does not carry over.
constexpr unsigned kLiveBlockSize = 8192;

void merge_shards(const std::vector<std::string>& shards, const std::string& out,
                  const CrashPoint& crash) {
  Xapian::Database all;
  for (const auto& shard : shards) all.add_database(Xapian::Database(shard));
  MergeCompactor compactor(crash);
  // One pass over all segments, not Xapian's multipass merge: with the
  // segments in the page cache, merging them in pairs through temporary
  // tables took 1.3 to 1.4 times as long at 16 segments and 1.5 to 1.7
  // times at 151 (docs/PERFORMANCE.md, "Single-pass merge").
  all.compact(out, 0, kLiveBlockSize, compactor);
}

// Compaction merges the shards' synonym tables, so one shard carrying the
// whole table is enough.
void write_synonyms(const std::string& shard, const AnalyzerConfig& analyzer) {
  Xapian::WritableDatabase db(shard, Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
  replace_synonym_table(db, Analyzer(analyzer).synonym_table());
  db.commit();
}

void check_built(const std::string& path, std::uint64_t expected, const IndexerConfig& config) {
  Xapian::Database db(path);
  if (db.get_doccount() != expected) {
    throw std::runtime_error("rebuilt database holds " + std::to_string(db.get_doccount()) +
                             " articles but " + std::to_string(expected) +
                             " were indexed; not switching");
  }
  schema::check(db);
  if (read_synonym_table(db) != Analyzer(config.analyzer).synonym_table()) {
    throw std::runtime_error("rebuilt database lost synonyms in the merge; not switching");
  }
  if (db.get_metadata(schema::kStemLanguageKey) != config.analyzer.stem_language) {
    throw std::runtime_error("rebuilt database lost its stemming language; not switching");
  }
  if (config.full_check && kXapianCheckUsable) {
    try {
      check_database_tables(path, std::max(1u, config.parallel.threads));
    } catch (const std::runtime_error& error) {
      throw std::runtime_error(std::string("rebuilt database failed: ") + error.what() +
                               "; not switching");
    }
  }
}

}  // namespace

void run_rebuild(const IndexerConfig& config, const IndexInputs& prepared, IndexObserver& observer,
                 IndexReport& report) {
  report.mode = "rebuild";
  if (!prepared.inputs.errors.empty()) {
    // A missing input would silently drop a whole source from the archive.
    throw std::runtime_error("rebuild aborted: " + prepared.inputs.errors.front().describe() +
                             "; the live database was not changed");
  }
  if (!is_valid_block_size(config.parallel.segment_block_size)) {
    throw std::invalid_argument("segment block size must be a power of two from 2048 to 65536, not " +
                                std::to_string(config.parallel.segment_block_size));
  }
  check_replaceable(config.db_path);
  WriterLock lock(config.db_path);
  for (const auto& stale : remove_stale_builds(config.db_path)) {
    report.notes.push_back("removed " + stale + ", left by an interrupted run");
  }
  for (const auto& orphan : remove_old_generations(config.db_path)) {
    report.notes.push_back("removed old generation " + orphan);
  }
  const std::string build_dir = make_build_dir(config.db_path);
  BuildDirGuard guard(build_dir);

  ShardJob job;
  job.inputs = &prepared.inputs;
  job.furniture = &prepared.furniture;
  job.limits = config.limits;
  job.analyzer = config.analyzer;
  job.parallel = config.parallel;
  job.build_dir = build_dir;
  job.excluded_ids = &prepared.delete_ids;
  job.crash = config.crash;
  report.threads = job.parallel.threads;
  observer.on_phase("index");
  const ShardResult shards = build_shards(job, observer, report);
  report.segments = shards.shard_paths.size();
  report.added = shards.added;
  report.replaced = shards.replaced;
  report.deleted = shards.excluded;
  report.phases.parse = shards.parse_seconds;
  report.phases.index = shards.index_seconds;
  if (shards.added == 0) {
    throw std::runtime_error(
        "rebuild produced no articles; refusing to replace the live database "
        "with an empty one");
  }

  // Duplicates span shards, so the links are found over all of them; they
  // are written into the shards so that the merge leaves the result
  // compact (near_duplicate_linker.h).
  observer.on_phase("link");
  const NearDuplicateStats links = link_near_duplicates(shards.shard_paths, std::max(1u, job.parallel.threads));
  report.near_duplicates_linked = links.linked;
  report.near_duplicate_clusters = links.clusters;
  report.phases.link = links.seconds;

  observer.on_phase("merge");
  auto phase_start = Clock::now();
  const std::string merged = build_dir + "/db";
  write_synonyms(shards.shard_paths.front(), config.analyzer);
  merge_shards(shards.shard_paths, merged, config.crash);
  for (const auto& shard : shards.shard_paths) fs::remove_all(shard);
  report.phases.merge = seconds_since(phase_start);

  observer.on_phase("check");
  config.crash.at("check");
  phase_start = Clock::now();
  check_built(merged, shards.added, config);
  report.phases.check = seconds_since(phase_start);

  observer.on_phase("swap");
  phase_start = Clock::now();
  report.generation = publish_generation(config.db_path, merged, config.crash);
  for (const auto& old : remove_old_generations(config.db_path)) {
    report.notes.push_back("removed old generation " + old);
  }
  report.phases.swap = seconds_since(phase_start);
  report.doc_count = shards.added;
}

}  // namespace berita
