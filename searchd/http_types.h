// Requests and responses as the daemon's handlers see them: plain structs, so
// the handlers are testable without a socket and know nothing of the HTTP
// library (only http_server.cc does).
#ifndef BERITA_SEARCHD_HTTP_TYPES_H
#define BERITA_SEARCHD_HTTP_TYPES_H

#include <string>
#include <utility>
#include <vector>

#include "searchd/request_params.h"

namespace berita {

struct HttpRequest {
  std::string method;  // "GET", "HEAD", ...
  std::string path;    // percent-decoded, without the query string
  QueryParams params;  // percent-decoded, in the order sent
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
};

}  // namespace berita

#endif
