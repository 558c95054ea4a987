// The whole indexing job as one library call: collect inputs, parse, build
// documents, write, and report. Two modes:
//  - update (default): articles are added or replaced by id in the live
//    database in committed batches; deletions and pruning are applied too.
//  - rebuild: a complete new database is built in parallel beside the live
//    one, checked, compacted, and switched in atomically (see generations.h).
// berita-indexer is a thin shell over run_indexer; tests call it directly.
#ifndef BERITA_INDEX_INDEXER_H
#define BERITA_INDEX_INDEXER_H

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "article/input_reader.h"
#include "article/parse_error.h"
#include "index/crash_point.h"
#include "index/index_writer.h"
#include "text/analyzer.h"

namespace berita {

// How a rebuild spreads work over threads. Defaults were measured on
// Reuters-21578 (docs/PERFORMANCE.md, "Indexing"). Memory is mostly per
// thread (an 8 MB queue and a 16 MB batch's postings each); what grows with
// the corpus is 8 bytes an article to find ids again across segments and,
// while linking, 80 bytes an article of band keys. Measured peaks with two
// threads: 58 MiB on Reuters, 149 MiB on a million synthetic articles.
struct ParallelOptions {
  // Worker threads building shards; 0 means one per core.
  unsigned threads = 0;
  // A shard commits after this many articles or this much article text,
  // whichever comes first. Xapian holds a batch's postings in ordered maps,
  // so big batches make every insertion slower: on Reuters, 250 articles per
  // flush took the least CPU, 20000 (about Xapian's default) 85% more
  // (docs/PERFORMANCE.md, "Indexing").
  std::size_t flush_articles = 250;
  std::size_t flush_bytes = 16u << 20;
  // A worker starts a new segment (a database of its own, merged with the
  // others at the end) after this many articles, so no worker ever commits
  // into a database larger than this: a commit's cost grows with the
  // database it goes into, the plain loop's most of all. Each extra segment
  // makes the merge dearer, so this is a balance. On 300,000 synthetic
  // articles with 64 KiB blocks, 10,000 a segment (31 segments) took 138 s,
  // 20,000 (16) 143 s and 50,000 (7) 144 s, the merge 26, 24 and 18 s of
  // it; 20,000 with 32 KiB blocks 139 s (docs/PERFORMANCE.md, "Indexing").
  std::size_t segment_articles = 20000;
  // Block size of the segments' tables, a power of two from 2048 to 65536.
  // Segments are written once and read once by the merge, so big blocks
  // only save work: on 100,000 synthetic articles, 32 KiB blocks cut the
  // indexing phase by 13-17% and system time by 44% against Xapian's 8 KiB
  // (fewer, larger reads while a commit updates the B-trees); 64 KiB was no
  // better. The merged database keeps Xapian's default, which the query
  // benchmarks ran on.
  unsigned segment_block_size = 32768;
  // Parsed text waiting for each worker.
  std::size_t queue_bytes = 8u << 20;
  // Reversed-word keys (index/word_keys.h) a shard writes per commit;
  // Xapian holds them in memory until the commit.
  std::size_t word_keys_per_commit = 100000;
  // The first articles of a rebuild, held back to train the dictionary the
  // stored articles are compressed with (index/article_codec): this many
  // articles or this much text, whichever comes first. Training on 2,000
  // Reuters articles (1.6 MB) takes about 65 ms, while the workers wait.
  std::size_t dictionary_sample_articles = 2000;
  std::size_t dictionary_sample_bytes = 2u << 20;
};

// What Xapian's glass backend accepts; it silently falls back to 8 KiB
// blocks for anything else, so callers reject other values up front.
constexpr bool is_valid_block_size(unsigned bytes) {
  return bytes >= 2048 && bytes <= 65536 && (bytes & (bytes - 1)) == 0;
}

struct IndexerConfig {
  std::string db_path;
  std::vector<std::string> inputs;  // files and directories
  std::string furniture_file;       // page furniture rules; empty = none
  // Groups of equivalent expressions (text/synonyms.h). When set, its groups
  // replace analyzer.synonyms, bad lines become warnings, and after the run
  // the database's synonym table holds exactly the file's synonyms. Empty:
  // analyzer.synonyms (normally none) are used the same way.
  std::string synonyms_file;
  AnalyzerConfig analyzer;
  IndexWriterOptions writer;  // update mode
  ReadLimits limits;

  bool rebuild = false;
  ParallelOptions parallel;  // rebuild mode
  // After a rebuild, run Xapian's full consistency check (Database::check)
  // on the new database before switching to it. Cheap next to the rebuild.
  bool full_check = true;

  // Ids to remove (update mode) or leave out (rebuild), e.g. takedowns.
  std::vector<std::string> delete_ids;
  std::string delete_from;  // file with one id per line; "" = none
  // Update mode: remove articles whose id is not in the inputs (a full sync).
  bool prune = false;

  CrashPoint crash;  // test hook; see crash_point.h
};

struct IndexProgress {
  std::uint64_t articles = 0;  // indexed so far (added + replaced)
  std::uint64_t bytes_read = 0;
  std::uint64_t total_bytes = 0;  // of all inputs, known up front
  double elapsed_seconds = 0;
};

// Wall-clock seconds per phase; a phase that did not run stays 0. In a
// rebuild, parse (the reading thread) overlaps index (the workers), and merge
// is Xapian's compaction of the shards, which merges and compacts in one pass.
struct PhaseTimes {
  double parse = 0;
  double index = 0;
  double merge = 0;
  double check = 0;
  double swap = 0;
  double remove = 0;  // deletions and pruning
  // Near-duplicate linking. A rebuild links its segments before the merge;
  // an update links each batch before its commit, so there this time
  // is part of index and remove.
  double link = 0;
};

struct IndexReport {
  std::string mode = "update";  // "update" or "rebuild"
  unsigned threads = 1;
  std::uint64_t segments = 0;  // rebuild: databases the workers wrote and the merge joined
  std::uint64_t files = 0;
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t deleted = 0;    // by --delete/--delete-from (update) or left out (rebuild)
  std::uint64_t not_found = 0;  // ids asked to be deleted that were not there
  std::uint64_t pruned = 0;
  std::uint64_t rejected = 0;  // records skipped, and inputs that could not be read
  std::map<std::string, std::uint64_t> rejected_reasons;  // reason (sans detail) -> count
  std::uint64_t warnings = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t doc_count = 0;     // documents in the database afterwards
  std::string generation;          // rebuild: the directory now live
  // Near-duplicate linking (near_duplicate_linker.h): articles given a
  // cluster key by this run, and the clusters they are in.
  std::uint64_t near_duplicates_linked = 0;
  std::uint64_t near_duplicate_clusters = 0;
  std::vector<std::string> notes;  // things the operator should know
  PhaseTimes phases;
  double elapsed_seconds = 0;
};

// Receives problems and progress as they happen.
class IndexObserver {
 public:
  virtual ~IndexObserver() = default;
  virtual void on_rejected(const ParseError& /*error*/) {}
  virtual void on_warning(const ParseError& /*warning*/) {}
  // Called every few hundred articles and at the end.
  virtual void on_progress(const IndexProgress& /*progress*/) {}
  // A new phase starts ("merge", "check", "swap", ...).
  virtual void on_phase(const std::string& /*phase*/) {}
};

// Indexes every input. Bad records are reported and skipped; everything else
// is committed. Throws on errors that stop the whole job: the database
// cannot be opened (Xapian::Error), another indexer holds it (IndexerBusy,
// or Xapian::DatabaseLockError), a schema mismatch (schema::SchemaMismatch),
// an unreadable furniture or delete file, a failed rebuild
// (std::runtime_error). A failed rebuild leaves the live database untouched.
IndexReport run_indexer(const IndexerConfig& config, IndexObserver& observer);

// The reason of a rejection without its detail ("malformed JSON: ..." ->
// "malformed JSON"), for counting rejections by kind.
std::string reason_kind(const std::string& reason);
// Counts a rejection in report.rejected and report.rejected_reasons.
void count_rejection(IndexReport& report, const ParseError& error);

}  // namespace berita

#endif
