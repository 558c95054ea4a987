// berita-indexer's command line -> IndexerConfig.
#ifndef BERITA_CLI_INDEXER_OPTIONS_H
#define BERITA_CLI_INDEXER_OPTIONS_H

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "index/indexer.h"

namespace berita {

struct IndexerCommand {
  IndexerConfig config;
  bool quiet = false;
  std::string report_file;  // --report: also write the report as JSON here
};

// Returns nullopt after printing help (exit 0). Throws UsageError.
std::optional<IndexerCommand> parse_indexer_options(int argc, const char* const argv[],
                                                    std::ostream& help_out);

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace berita

#endif
