// berita-searchd: the HTTP search daemon. Serves the search page and the JSON
// API over one database, following new commits and swapped-in rebuilds.
// Exit status: 0 after SIGTERM/SIGINT (requests in flight are finished),
// 2 usage error, unusable database or address in use.
#include <iostream>

#include "cli/searchd_options.h"
#include "searchd/handlers.h"
#include "searchd/http_server.h"
#include "searchd/searcher_pool.h"
#include "searchd/shutdown_signals.h"

int main(int argc, char* argv[]) {
  std::optional<berita::SearchdConfig> config;
  try {
    config = berita::parse_searchd_options(argc, argv, std::cout);
    if (!config) return 0;
  } catch (const berita::UsageError& e) {
    std::cerr << "berita-searchd: " << e.what() << "\nTry 'berita-searchd --help'.\n";
    return 2;
  }

  try {
    berita::SearcherPool pool(config->db_path, config->threads,
                              std::chrono::milliseconds(config->refresh_ms));
    pool.acquire();  // fail now, not on the first request, if the database is unusable
    berita::Metrics metrics;
    berita::SearchService service(pool, metrics, config->threads, std::cerr);
    service.set_today(config->today);

    berita::HttpServerConfig http;
    http.host = config->host;
    http.port = config->port;
    http.threads = config->threads;
    http.read_timeout = std::chrono::seconds(config->read_timeout_s);
    http.max_body_bytes = config->max_body_bytes;
    http.access_log = config->quiet ? nullptr : &std::cerr;
    berita::HttpServer server(http,
                              {[&](const berita::HttpRequest& r) { return service.handle(r); },
                               [&](int status) { return service.protocol_error(status); },
                               [&](const std::string& path, int status, double seconds) {
                                 service.completed(path, status, seconds);
                               }});

    berita::ShutdownSignals signals;  // before run() starts the worker threads
    const int port = server.bind();
    const std::string host =
        config->host.find(':') == std::string::npos ? config->host : "[" + config->host + "]";
    std::cout << "berita-searchd: serving " << config->db_path << " at http://" << host << ":"
              << port << "/" << std::endl;
    signals.start([&](int) { server.stop(); });
    server.run();
    std::cerr << "berita-searchd: stopped\n";
    return 0;
  } catch (const berita::DatabaseUnavailable& e) {
    std::cerr << "berita-searchd: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "berita-searchd: " << e.what() << "\n";
  }
  return 2;
}
