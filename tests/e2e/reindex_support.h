// Helpers for the reindexing tests: scratch directories, small corpora cut
// from the shared data, and running the real indexer (optionally with a
// crash hook, or killed from outside at a random moment).
#ifndef BERITA_TESTS_E2E_REINDEX_SUPPORT_H
#define BERITA_TESTS_E2E_REINDEX_SUPPORT_H

#include <string>
#include <vector>

#include "support/test_support.h"

namespace berita::reindex_test {

// Scratch directories are the shared test::TempDir.
using ScratchDir = test::TempDir;

// The first `lines` records of a shared corpus (e.g. "bbc-news/docs.jsonl"),
// written to dir/name. Fails the test, naming the file, if it is missing.
std::string corpus_slice(const ScratchDir& dir, const std::string& corpus, std::size_t first,
                         std::size_t lines, const std::string& name);

// One JSON Lines record.
std::string jsonl(const std::string& id, const std::string& title, const std::string& body);

struct Outcome {
  int exit_code = -1;  // 128 + signal when killed
  std::string err;
};

// Runs berita-indexer with args. crash_at sets BERITA_TEST_CRASH_AT;
// shell_prefix, when given, runs it through /bin/sh with that prefix (for
// ulimit); kill_after_ms > 0 sends SIGKILL after that many milliseconds.
Outcome run_indexer(const std::vector<std::string>& args, const std::string& crash_at = "",
                    int kill_after_ms = 0, const std::string& shell_prefix = "");

// Whether Xapian's consistency check finds the database at path (the
// symlink resolved) damaged: 0 if not, 1 if it does, with its findings
// logged. The check runs in the xapian-check program, because
// Database::check trips a library bug under AddressSanitizer (see
// common/index/rebuild.cc).
std::size_t database_errors(const std::string& path);

// The block size of the postlist table of the database directory at db_dir,
// as xapian-check's statistics print it ("blocksize=32K"); xapian-check for
// the reason given above.
std::string postlist_block_size(const std::string& db_dir);

std::string indexer_binary();
std::string search_binary();
std::string read_file(const std::string& path);

}  // namespace berita::reindex_test

#endif
