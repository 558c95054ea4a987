// Query-string parameters -> SearchRequest. Everything a client can get wrong
// in /search and the search page is caught here and raised as InvalidRequest
// (HTTP 400) naming the parameter, before the request reaches the engine.
#ifndef BERITA_SEARCHD_REQUEST_PARAMS_H
#define BERITA_SEARCHD_REQUEST_PARAMS_H

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "query/search_request.h"

namespace berita {

// Decoded name/value pairs in the order the client sent them.
using QueryParams = std::vector<std::pair<std::string, std::string>>;

// Accepted: q, limit, offset, sort, from, to, facets, facet_limit, collapse,
// explain, suggest, half_life (each at most once) and source, category, lang
// (repeatable). Flags take 1/0, true/false or on/off. An empty value means "not given", so a plain
// HTML form with blank fields works. Rejected with InvalidRequest:
//   - unknown names, repeated single-valued names, non-numeric limit/offset
//     ("bad_parameter", naming the parameter);
//   - control characters (U+0000-U+001F, U+007F-U+009F, tab included) in any
//     value: "bad_query" for q, "bad_parameter" otherwise;
//   - everything validate() rejects (invalid UTF-8, ranges, dates, from > to).
SearchRequest parse_search_params(const QueryParams& params);

// The parameters of a smaller endpoint (/suggest, /doc/{id}/similar): only
// the accepted names, each at most once, no control characters.
struct EndpointParams {
  std::map<std::string, std::string> values;
  // A whole number, or fallback when absent or empty. Throws InvalidRequest.
  unsigned count(const std::string& name, unsigned fallback) const;
  std::string text(const std::string& name) const;  // "" when absent
};
EndpointParams parse_endpoint_params(const QueryParams& params,
                                     std::initializer_list<const char*> accepted);

}  // namespace berita

#endif
