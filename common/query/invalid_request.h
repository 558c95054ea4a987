// The one error type for a request a client got wrong. Every front end maps
// it the same way: HTTP 400 with {"error": {"code", "message", "parameter"}},
// exit status 2 on the command line.
#ifndef BERITA_QUERY_INVALID_REQUEST_H
#define BERITA_QUERY_INVALID_REQUEST_H

#include <stdexcept>
#include <string>

namespace berita {

class InvalidRequest : public std::runtime_error {
 public:
  // code: "bad_query" (query text) or "bad_parameter" (any other parameter).
  InvalidRequest(std::string code, std::string parameter, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)), parameter_(std::move(parameter)) {}

  const std::string& code() const { return code_; }
  const std::string& parameter() const { return parameter_; }

 private:
  std::string code_;
  std::string parameter_;
};

}  // namespace berita

#endif
