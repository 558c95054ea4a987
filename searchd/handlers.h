// The daemon's endpoints, and the one place where errors become HTTP statuses:
//   InvalidRequest      -> 400 (its code: bad_query / bad_parameter)
//   unknown path / id   -> 404 not_found
//   method other than GET/HEAD on a known path -> 405 method_not_allowed
//   DatabaseUnavailable -> 503 unavailable
//   anything else       -> 500 internal (a bug: the message is logged, not sent)
// JSON endpoints answer {"error":{"code","message"[,"parameter"]}}; the search
// page shows the message in the page with the same status.
//
// Thread safety: handle() and the other members may run on many threads at
// once; per-request state lives in the SearcherPool lease.
#ifndef BERITA_SEARCHD_HANDLERS_H
#define BERITA_SEARCHD_HANDLERS_H

#include <chrono>
#include <exception>
#include <mutex>
#include <ostream>
#include <string>

#include "searchd/http_types.h"
#include "searchd/metrics.h"
#include "searchd/request_params.h"
#include "searchd/searcher_pool.h"

namespace berita {

class SearchService {
 public:
  // log receives one line per internal error (500). pool, metrics and log
  // must outlive the service.
  SearchService(SearcherPool& pool, Metrics& metrics, unsigned threads, std::ostream& log);

  HttpResponse handle(const HttpRequest& request);

  // The body of an error the HTTP layer found before any handler ran
  // (malformed request 400, body too large 413, request line too long 414).
  HttpResponse protocol_error(int status);

  // The day "last:" counts back from (YYYY-MM-DD); empty = today. For
  // reproducible tests and demos.
  void set_today(std::string today) { today_ = std::move(today); }

  // Called once per response written; seconds < 0 when not timed.
  void completed(const std::string& path, int status, double seconds);

 private:
  SearchRequest search_request(const QueryParams& params) const;
  HttpResponse search(const HttpRequest& request);
  HttpResponse similar(const HttpRequest& request);
  HttpResponse suggest(const HttpRequest& request);
  HttpResponse document(const std::string& id);
  HttpResponse health();
  HttpResponse stats();
  HttpResponse metrics();
  HttpResponse page(const HttpRequest& request);
  HttpResponse error_response(std::exception_ptr error);
  struct ErrorInfo;
  ErrorInfo classify(std::exception_ptr error);

  SearcherPool& pool_;
  Metrics& metrics_;
  const unsigned threads_;
  std::ostream& log_;
  std::mutex log_mutex_;
  std::string today_;
  const std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  const std::chrono::system_clock::time_point started_wall_ = std::chrono::system_clock::now();
};

// Articles GET /doc/{id}/similar returns without a limit parameter.
inline constexpr unsigned kDefaultSimilar = 10;

// The metrics label of a path: "search", "doc", "similar", "suggest",
// "health", "stats", "metrics", "page" (the search page) or "other".
std::string endpoint_name(const std::string& path);

}  // namespace berita

#endif
