// The whole indexing job as one library call: collect inputs, parse, build
// documents, write in batches, and report. berita-indexer is a thin shell
// over run_indexer; tests call it directly.
#ifndef BERITA_INDEX_INDEXER_H
#define BERITA_INDEX_INDEXER_H

#include <cstdint>
#include <string>
#include <vector>

#include "article/input_reader.h"
#include "article/parse_error.h"
#include "index/index_writer.h"
#include "text/analyzer.h"

namespace berita {

struct IndexerConfig {
  std::string db_path;
  std::vector<std::string> inputs;   // files and directories
  std::string furniture_file;        // page furniture rules; empty = none
  AnalyzerConfig analyzer;
  IndexWriterOptions writer;
  ReadLimits limits;
};

struct IndexProgress {
  std::uint64_t articles = 0;   // indexed so far (added + replaced)
  std::uint64_t bytes_read = 0;
  std::uint64_t total_bytes = 0;  // of all inputs, known up front
  double elapsed_seconds = 0;
};

struct IndexReport {
  std::uint64_t files = 0;
  std::uint64_t added = 0;
  std::uint64_t replaced = 0;
  std::uint64_t rejected = 0;   // records skipped, and inputs that could not be read
  std::uint64_t warnings = 0;
  std::uint64_t bytes_read = 0;
  std::uint64_t doc_count = 0;  // documents in the database afterwards
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
};

// Indexes every input. Bad records are reported and skipped; everything else
// is committed. Throws on errors that stop the whole job: the database
// cannot be opened or is locked (Xapian::Error), a schema mismatch
// (schema::SchemaMismatch), an unreadable furniture file
// (std::runtime_error).
IndexReport run_indexer(const IndexerConfig& config, IndexObserver& observer);

}  // namespace berita

#endif
