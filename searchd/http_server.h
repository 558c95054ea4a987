// The HTTP front: accepts connections, parses requests, hands them to the
// handlers as plain HttpRequest structs, writes responses and the access log.
// The only code that knows the HTTP library (cpp-httplib); swapping it means
// rewriting http_server.cc alone.
//
// Limits, each answered before a handler runs: request line over 8 KiB -> 414
// (the library's compiled-in limit), body over max_body_bytes -> 413,
// malformed request -> 400, a client silent for read_timeout -> connection
// closed. Responses carry "Server-Timing: app;dur=MS" (time in the handler).
#ifndef BERITA_SEARCHD_HTTP_SERVER_H
#define BERITA_SEARCHD_HTTP_SERVER_H

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "searchd/http_types.h"

namespace berita {

struct HttpServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port; bind() says which
  unsigned threads = 8;
  std::chrono::seconds read_timeout{5};
  std::size_t max_body_bytes = 64 * 1024;
  std::ostream* access_log = nullptr;  // one line per request; null: none
};

struct HttpCallbacks {
  std::function<HttpResponse(const HttpRequest&)> handle;
  // The response for an error found before any handler ran.
  std::function<HttpResponse(int status)> protocol_error;
  // After each response: path, status, seconds in the handler (< 0: none ran).
  std::function<void(const std::string&, int, double)> completed;
};

class HttpServer {
 public:
  HttpServer(HttpServerConfig config, HttpCallbacks callbacks);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket and returns the port. Throws std::runtime_error.
  int bind();
  // Serves until stop(); requests in flight are finished before it returns.
  void run();
  // Stops accepting; safe to call from any thread, more than once.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace berita

#endif
