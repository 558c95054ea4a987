// berita-search's command line -> SearchRequest and output choices.
#ifndef BERITA_CLI_SEARCH_OPTIONS_H
#define BERITA_CLI_SEARCH_OPTIONS_H

#include <optional>
#include <ostream>
#include <string>

#include "cli/indexer_options.h"
#include "query/search_request.h"

namespace berita {

struct SearchCommand {
  std::string db_path;
  SearchRequest request;
  bool json = false;
  std::string show_id;  // print this stored article instead of searching
  std::string similar_id;  // list articles like this one instead of searching
  std::string complete_prefix;  // list completions of this instead of searching
};

// Returns nullopt after printing help. Throws UsageError; request values are
// checked later by validate() (InvalidRequest).
std::optional<SearchCommand> parse_search_options(int argc, const char* const argv[],
                                                  std::ostream& help_out);

}  // namespace berita

#endif
