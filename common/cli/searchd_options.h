// berita-searchd's command line and config file -> SearchdConfig.
#ifndef BERITA_CLI_SEARCHD_OPTIONS_H
#define BERITA_CLI_SEARCHD_OPTIONS_H

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

#include "cli/indexer_options.h"  // UsageError

namespace berita {

struct SearchdConfig {
  std::string db_path;             // required; may be a symlink swapped to a rebuilt database
  std::string host = "127.0.0.1";  // loopback by default: expose deliberately
  int port = 8080;                 // 0 asks the kernel for a free port (printed at start)
  // Worker threads, each with its own Searcher. A keep-alive connection holds
  // a worker while open, so this is also the number of clients served at once.
  unsigned threads = 8;
  // Seconds a client may stay silent while sending a request (or idle between
  // keep-alive requests) before the connection is closed.
  unsigned read_timeout_s = 5;
  // Largest request body accepted (every endpoint is GET); larger gets 413.
  std::size_t max_body_bytes = 64 * 1024;
  // How often a worker checks for a new commit or a swapped database; new
  // data is served at most this long (plus one request) after it appears.
  unsigned refresh_ms = 200;
  bool quiet = false;  // no access log
  // The day "last:7d" counts back from, YYYY-MM-DD; empty = the real today.
  // For reproducible demos and tests of a frozen archive.
  std::string today;
};

// Options come from the command line and, with --config FILE, from a
// Boost.Program_options config file ("listen = 127.0.0.1:9000"); the command
// line wins. Returns nullopt after printing help. Throws UsageError.
std::optional<SearchdConfig> parse_searchd_options(int argc, const char* const argv[],
                                                   std::ostream& help_out);

// "HOST:PORT" or "[V6ADDR]:PORT" -> host and port. Throws UsageError.
void parse_listen_address(const std::string& text, SearchdConfig& config);

}  // namespace berita

#endif
