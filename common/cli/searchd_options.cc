#include "cli/searchd_options.h"

#include <boost/program_options.hpp>
#include <fstream>

#include "query/invalid_request.h"
#include "query/search_request.h"

namespace po = boost::program_options;

namespace berita {

void parse_listen_address(const std::string& text, SearchdConfig& config) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
    throw UsageError("--listen must be HOST:PORT, got '" + text + "'");
  }
  std::string host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (host.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    throw UsageError("--listen must be HOST:PORT with a port from 0 to 65535, got '" + text + "'");
  }
  config.host = host;
  config.port = std::stoi(port);
}

std::optional<SearchdConfig> parse_searchd_options(int argc, const char* const argv[],
                                                   std::ostream& help_out) {
  SearchdConfig c;
  std::string listen = c.host + ":" + std::to_string(c.port);
  std::string config_file;
  std::size_t max_body_kib = c.max_body_bytes / 1024;

  po::options_description visible(
      "Usage: berita-searchd --db DIR [options]\n"
      "Serves the search page at / and JSON at /search, /suggest, /doc/ID, /doc/ID/similar,\n"
      "/health, /stats, /metrics.\n"
      "Every option can also be set in the --config file as NAME = VALUE.\n\nOptions");
  // clang-format off
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&c.db_path)->required(), "database directory (or a symlink to one)")
      ("listen", po::value(&listen)->default_value(listen), "HOST:PORT to listen on (port 0: any)")
      ("threads", po::value(&c.threads)->default_value(c.threads),
       "worker threads = clients served at once (1-256)")
      ("config", po::value(&config_file), "read options from this file too")
      ("read-timeout", po::value(&c.read_timeout_s)->default_value(c.read_timeout_s),
       "seconds a silent client is waited for")
      ("max-body-kib", po::value(&max_body_kib)->default_value(max_body_kib),
       "largest request body accepted (413 above)")
      ("today", po::value(&c.today), "count last:7d etc. back from this YYYY-MM-DD")
      ("refresh-ms", po::value(&c.refresh_ms)->default_value(c.refresh_ms),
       "how often workers look for new commits or a swapped database")
      ("quiet,q", po::bool_switch(&c.quiet), "no access log on stderr");
  // clang-format on

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(visible).run(), vm);
    if (vm.count("help")) {
      help_out << visible << "\n";
      return std::nullopt;
    }
    if (vm.count("config")) {
      const std::string path = vm["config"].as<std::string>();
      std::ifstream in(path);
      if (!in) throw UsageError("cannot read config file '" + path + "'");
      // Values already stored from the command line are kept: it wins.
      po::store(po::parse_config_file(in, visible), vm);
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  if (!c.today.empty()) {
    SearchRequest probe;
    probe.today = c.today;
    try {
      validate(probe);
    } catch (const InvalidRequest& e) {
      throw UsageError(std::string("--today: ") + e.what());
    }
  }
  parse_listen_address(listen, c);
  if (c.threads < 1 || c.threads > 256) throw UsageError("--threads must be from 1 to 256");
  if (c.read_timeout_s < 1) throw UsageError("--read-timeout must be at least 1");
  if (max_body_kib < 1) throw UsageError("--max-body-kib must be at least 1");
  c.max_body_bytes = max_body_kib * 1024;
  return c;
}

}  // namespace berita
