#include "searchd/handlers.h"

#include <algorithm>
#include <stdexcept>

#include "query/invalid_request.h"
#include "render/html_page.h"
#include "render/json_render.h"
#include "searchd/status_render.h"
#include "text/utf8.h"

namespace berita {
namespace {

constexpr const char* kDocPrefix = "/doc/";
constexpr const char* kSimilarSuffix = "/similar";

// A request for something that is not there, or not in that way.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

 private:
  int status_;
  std::string code_;
};

bool starts_with(const std::string& text, const char* prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool ends_with(const std::string& text, const char* suffix) {
  const std::size_t n = std::char_traits<char>::length(suffix);
  return text.size() >= n && text.compare(text.size() - n, n, suffix) == 0;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

HttpResponse json_response(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

}  // namespace

struct SearchService::ErrorInfo {
  int status;
  std::string code;
  std::string message;
  std::string parameter;
};

std::string endpoint_name(const std::string& path) {
  if (path == "/search") return "search";
  if (starts_with(path, kDocPrefix)) return ends_with(path, kSimilarSuffix) ? "similar" : "doc";
  if (path == "/suggest") return "suggest";
  if (path == "/health") return "health";
  if (path == "/stats") return "stats";
  if (path == "/metrics") return "metrics";
  if (path == "/") return "page";
  return "other";
}

SearchService::SearchService(SearcherPool& pool, Metrics& metrics, unsigned threads,
                             std::ostream& log)
    : pool_(pool), metrics_(metrics), threads_(threads), log_(log) {}

SearchService::ErrorInfo SearchService::classify(std::exception_ptr error) {
  ErrorInfo info;
  try {
    std::rethrow_exception(error);
  } catch (const InvalidRequest& e) {
    info = {400, e.code(), e.what(), e.parameter()};
  } catch (const HttpError& e) {
    info = {e.status(), e.code(), e.what(), {}};
  } catch (const DatabaseUnavailable& e) {
    info = {503, "unavailable", e.what(), {}};
  } catch (const std::exception& e) {
    std::lock_guard lock(log_mutex_);
    log_ << "berita-searchd: internal error: " << e.what() << std::endl;
    info = {500, "internal", "internal error", {}};
  } catch (...) {
    info = {500, "internal", "internal error", {}};
  }
  metrics_.record_error(info.code);
  return info;
}

HttpResponse SearchService::error_response(std::exception_ptr error) {
  const ErrorInfo info = classify(error);
  HttpResponse response =
      json_response(info.status, render_error_json(info.code, info.message, info.parameter));
  if (info.status == 405) response.headers.emplace_back("Allow", "GET, HEAD");
  return response;
}

HttpResponse SearchService::handle(const HttpRequest& request) {
  const std::string endpoint = endpoint_name(request.path);
  try {
    if (endpoint == "other") throw HttpError(404, "not_found", "no such endpoint");
    if (request.method != "GET" && request.method != "HEAD") {
      throw HttpError(405, "method_not_allowed", request.method + " is not allowed here");
    }
    if (endpoint == "page") return page(request);
    if (endpoint == "search") return search(request);
    if (endpoint == "similar") return similar(request);
    if (endpoint == "suggest") return suggest(request);
    if (!request.params.empty()) {
      throw InvalidRequest("bad_parameter", request.params.front().first,
                           "this endpoint takes no parameters");
    }
    if (endpoint == "doc") return document(request.path.substr(std::string(kDocPrefix).size()));
    if (endpoint == "health") return health();
    if (endpoint == "stats") return stats();
    return metrics();
  } catch (...) {
    return error_response(std::current_exception());
  }
}

SearchRequest SearchService::search_request(const QueryParams& params) const {
  SearchRequest r = parse_search_params(params);
  r.today = today_;
  return r;
}

HttpResponse SearchService::search(const HttpRequest& request) {
  const SearchRequest search_request = this->search_request(request.params);
  auto searcher = pool_.acquire();
  return json_response(200, render_result_json(searcher->search(search_request)));
}

HttpResponse SearchService::document(const std::string& id) {
  if (id.empty()) throw HttpError(404, "not_found", "no article id given");
  auto searcher = pool_.acquire();
  const auto article = searcher->find_article(id);
  if (!article) throw HttpError(404, "not_found", "no article with id '" + id + "'");
  return json_response(200, render_article_json(*article));
}

HttpResponse SearchService::similar(const HttpRequest& request) {
  const std::string& path = request.path;
  const std::size_t id_start = std::char_traits<char>::length(kDocPrefix);
  const std::size_t id_end = path.size() - std::char_traits<char>::length(kSimilarSuffix);
  const std::string id = id_end > id_start ? path.substr(id_start, id_end - id_start) : "";
  if (id.empty()) throw HttpError(404, "not_found", "no article id given");
  const EndpointParams params = parse_endpoint_params(request.params, {"limit"});
  const unsigned limit = params.count("limit", kDefaultSimilar);
  auto searcher = pool_.acquire();
  const auto result = searcher->similar(id, limit);
  if (!result) throw HttpError(404, "not_found", "no article with id '" + id + "'");
  return json_response(200, render_result_json(*result));
}

HttpResponse SearchService::suggest(const HttpRequest& request) {
  const EndpointParams params = parse_endpoint_params(request.params, {"prefix", "limit"});
  const std::string prefix = params.text("prefix");
  if (prefix.empty()) throw InvalidRequest("bad_parameter", "prefix", "prefix is required");
  const unsigned limit = params.count("limit", kDefaultCompletions);
  auto searcher = pool_.acquire();
  return json_response(200, render_completions_json(prefix, searcher->complete(prefix, limit)));
}

HttpResponse SearchService::health() {
  auto searcher = pool_.acquire();
  return json_response(200, render_health_json(searcher->doc_count()));
}

HttpResponse SearchService::stats() {
  DaemonStats s;
  {
    auto searcher = pool_.acquire();
    s.documents = searcher->doc_count();
    s.revision = searcher->revision();
  }
  s.reloads = pool_.reloads();
  s.last_reload = pool_.last_reload();
  s.started = started_wall_;
  s.uptime_seconds = seconds_since(started_);
  s.requests_served = metrics_.requests_served();
  s.threads = threads_;
  return json_response(200, render_stats_json(s));
}

HttpResponse SearchService::metrics() {
  MetricsGauges gauges;
  try {
    auto searcher = pool_.acquire();
    gauges.documents = searcher->doc_count();
    gauges.database_up = true;
  } catch (const DatabaseUnavailable&) {
    gauges.database_up = false;  // /metrics stays scrapable while the database is down
  }
  gauges.reloads = pool_.reloads();
  gauges.uptime_seconds = seconds_since(started_);
  HttpResponse response;
  response.content_type = "text/plain; version=0.0.4; charset=utf-8";
  response.body = metrics_.render_prometheus(gauges);
  return response;
}

HttpResponse SearchService::page(const HttpRequest& request) {
  SearchPage view;
  HttpResponse response;
  response.content_type = "text/html; charset=utf-8";
  try {
    view.request = search_request(request.params);
    // A reader's page: facets to narrow by, wire copies grouped, unless the
    // link asked otherwise.
    const auto given = [&](const char* name) {
      return std::any_of(request.params.begin(), request.params.end(),
                         [&](const auto& param) { return param.first == name; });
    };
    if (!given("facets")) view.request.facets = {"source", "category", "year"};
    if (!given("collapse")) view.request.collapse = true;
    auto searcher = pool_.acquire();
    if (request.params.empty()) {
      view.documents = searcher->doc_count();
    } else {
      view.result = searcher->search(view.request);
    }
  } catch (...) {
    const ErrorInfo info = classify(std::current_exception());
    response.status = info.status;
    view.error = info.message;
    // Refill the box with what was typed, so it can be corrected.
    for (const auto& [name, value] : request.params) {
      if (name == "q") view.request.query = strip_control_chars(repair_utf8(value));
    }
  }
  response.body = render_search_page(view);
  return response;
}

HttpResponse SearchService::protocol_error(int status) {
  std::string code = "bad_request";
  std::string message = "malformed request";
  if (status == 413) {
    code = "payload_too_large";
    message = "request body is too large";
  } else if (status == 414) {
    code = "uri_too_long";
    message = "request line is too long";
  } else if (status == 404) {
    code = "not_found";
    message = "no such endpoint";
  } else if (status >= 500) {
    code = "internal";
    message = "internal error";
  }
  metrics_.record_error(code);
  return json_response(status, render_error_json(code, message));
}

void SearchService::completed(const std::string& path, int status, double seconds) {
  metrics_.record_request(endpoint_name(path), status, seconds);
}

}  // namespace berita
