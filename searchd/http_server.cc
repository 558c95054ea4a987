#include "searchd/http_server.h"

#include <httplib.h>

#include <cstdio>
#include <mutex>
#include <stdexcept>

namespace berita {
namespace {

constexpr const char* kTimingHeader = "Server-Timing";
constexpr std::size_t kLoggedTargetBytes = 300;

HttpRequest to_request(const httplib::Request& in) {
  HttpRequest out;
  out.method = in.method;
  out.path = in.path;
  // httplib keeps parameters in a multimap sorted by name (values of one
  // name stay in the order sent), which is all the handlers rely on.
  out.params.assign(in.params.begin(), in.params.end());
  return out;
}

void apply(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  for (const auto& [name, value] : from.headers) to.set_header(name, value);
  to.set_content(from.body, from.content_type);
}

// Targets are logged with control characters and spaces escaped, so a client
// cannot forge log lines.
std::string printable(const std::string& text) {
  std::string out;
  for (const char c : text.substr(0, kLoggedTargetBytes)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F) {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  if (text.size() > kLoggedTargetBytes) out += "...";
  return out;
}

double handler_seconds(const httplib::Response& response) {
  const std::string timing = response.get_header_value(kTimingHeader);
  const auto at = timing.find("dur=");
  if (at == std::string::npos) return -1;
  return std::strtod(timing.c_str() + at + 4, nullptr) / 1000.0;
}

}  // namespace

struct HttpServer::Impl {
  HttpServerConfig config;
  HttpCallbacks callbacks;
  httplib::Server server;
  std::mutex log_mutex;

  void handle(const httplib::Request& in, httplib::Response& out) {
    const auto start = std::chrono::steady_clock::now();
    apply(callbacks.handle(to_request(in)), out);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    char timing[48];
    std::snprintf(timing, sizeof timing, "app;dur=%.3f", ms);
    out.set_header(kTimingHeader, timing);
  }

  void log(const httplib::Request& in, const httplib::Response& out) {
    const double seconds = handler_seconds(out);
    callbacks.completed(in.path, out.status, seconds);
    if (!config.access_log) return;
    char took[32] = "-";
    if (seconds >= 0) std::snprintf(took, sizeof took, "%.3fms", seconds * 1000);
    // A request the library could not parse has no method or target.
    const std::string line = (in.method.empty() ? "-" : printable(in.method)) + " " +
                             (in.target.empty() ? "-" : printable(in.target)) + " " +
                             std::to_string(out.status) + " " + took + "\n";
    std::lock_guard lock(log_mutex);
    *config.access_log << line << std::flush;
  }
};

HttpServer::HttpServer(HttpServerConfig config, HttpCallbacks callbacks)
    : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->callbacks = std::move(callbacks);
  Impl* impl = impl_.get();
  httplib::Server& s = impl->server;
  const unsigned threads = impl->config.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_read_timeout(impl->config.read_timeout);
  s.set_keep_alive_timeout(impl->config.read_timeout.count());
  s.set_payload_max_length(impl->config.max_body_bytes);
  s.set_tcp_nodelay(true);
  // The library's default of 5 requests per connection makes busy clients
  // reconnect constantly; the read timeout still frees idle connections.
  s.set_keep_alive_max_count(100);

  // Every method on every path goes to the handlers, which answer 404/405.
  const auto route = [impl](const httplib::Request& in, httplib::Response& out) {
    impl->handle(in, out);
  };
  const char* kAnyPath = R"(/.*)";
  s.Get(kAnyPath, route);
  s.Post(kAnyPath, route);
  s.Put(kAnyPath, route);
  s.Patch(kAnyPath, route);
  s.Delete(kAnyPath, route);
  s.Options(kAnyPath, route);

  // Called for every status >= 400; only fills in answers no handler wrote.
  const httplib::Server::HandlerWithResponse on_error = [impl](const httplib::Request&,
                                                               httplib::Response& out) {
    if (!out.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    apply(impl->callbacks.protocol_error(out.status), out);
    return httplib::Server::HandlerResponse::Handled;
  };
  s.set_error_handler(on_error);
  s.set_exception_handler(
      [impl](const httplib::Request&, httplib::Response& out, std::exception_ptr) {
        apply(impl->callbacks.protocol_error(500), out);
      });
  s.set_logger(
      [impl](const httplib::Request& in, const httplib::Response& out) { impl->log(in, out); });
}

HttpServer::~HttpServer() = default;

int HttpServer::bind() {
  const std::string& host = impl_->config.host;
  const int port = impl_->config.port;
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host)
                              : (impl_->server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(port));
  }
  return bound;
}

void HttpServer::run() {
  impl_->server.listen_after_bind();
}

void HttpServer::stop() {
  impl_->server.stop();
}

}  // namespace berita
