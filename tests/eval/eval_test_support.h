// Indexing helper shared by the evaluation tests.
#ifndef BERITA_TESTS_EVAL_SUPPORT_H
#define BERITA_TESTS_EVAL_SUPPORT_H

#include <cstdint>
#include <string>

#include "index/indexer.h"

namespace berita::test {

// Indexes input into db_path with the shipped analyzer (spelling off: it
// does not affect ranking and costs time). Returns the documents indexed.
inline std::uint64_t index_into(const std::string& db_path, const std::string& input) {
  IndexerConfig config;
  config.db_path = db_path;
  config.inputs = {input};
  config.analyzer.collect_spelling = false;
  IndexObserver quiet;
  return run_indexer(config, quiet).doc_count;
}

}  // namespace berita::test

#endif
