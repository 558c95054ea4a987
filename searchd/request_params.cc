#include "searchd/request_params.h"

#include <algorithm>

#include "query/invalid_request.h"

namespace berita {
namespace {

constexpr const char* kSingleValued[] = {"q",        "limit",       "offset",  "sort",
                                         "from",     "to",          "facets",  "facet_limit",
                                         "collapse", "explain",     "suggest", "half_life"};
constexpr const char* kRepeatable[] = {"source", "category", "lang"};

bool is_one_of(const std::string& name, const char* const* begin, const char* const* end) {
  return std::any_of(begin, end, [&](const char* known) { return name == known; });
}

// C0 controls, DEL and the C1 range (encoded in UTF-8 as C2 80..C2 9F). They
// never belong in a search and would corrupt logs and terminal output.
bool has_control_char(const std::string& value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    if (byte < 0x20 || byte == 0x7F) return true;
    if (byte == 0xC2 && i + 1 < value.size()) {
      const auto next = static_cast<unsigned char>(value[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return true;
    }
  }
  return false;
}

unsigned parse_count(const std::string& value, const std::string& name) {
  // Nine digits cannot overflow unsigned; validate() enforces the real range.
  if (value.size() > 9 || value.find_first_not_of("0123456789") != std::string::npos) {
    throw InvalidRequest("bad_parameter", name,
                         name + " must be a whole number, got '" + value + "'");
  }
  return static_cast<unsigned>(std::stoul(value));
}

bool parse_flag(const std::string& value, const std::string& name) {
  if (value == "1" || value == "true" || value == "on") return true;
  if (value == "0" || value == "false" || value == "off") return false;
  throw InvalidRequest("bad_parameter", name,
                       name + " must be 1 or 0 (true or false), got '" + value + "'");
}

double parse_days(const std::string& value, const std::string& name) {
  std::size_t used = 0;
  double days = 0;
  try {
    days = std::stod(value, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != value.size()) {
    throw InvalidRequest("bad_parameter", name,
                         name + " must be a number of days, got '" + value + "'");
  }
  return days;  // validate() checks the range
}

}  // namespace

SearchRequest parse_search_params(const QueryParams& params) {
  SearchRequest request;
  std::vector<std::string> seen;
  for (const auto& [name, value] : params) {
    const bool single = is_one_of(name, std::begin(kSingleValued), std::end(kSingleValued));
    if (!single && !is_one_of(name, std::begin(kRepeatable), std::end(kRepeatable))) {
      throw InvalidRequest("bad_parameter", name, "unknown parameter '" + name + "'");
    }
    if (single) {
      if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
        throw InvalidRequest("bad_parameter", name, name + " may be given only once");
      }
      seen.push_back(name);
    }
    if (has_control_char(value)) {
      throw InvalidRequest(name == "q" ? "bad_query" : "bad_parameter", name,
                           name + " must not contain control characters");
    }
    if (value.empty()) continue;
    if (name == "q") {
      request.query = value;
    } else if (name == "limit") {
      request.limit = parse_count(value, name);
    } else if (name == "offset") {
      request.offset = parse_count(value, name);
    } else if (name == "sort") {
      request.sort = parse_sort_order(value);
    } else if (name == "from") {
      request.from = value;
    } else if (name == "to") {
      request.to = value;
    } else if (name == "facets") {
      request.facets = parse_facet_list(value);
    } else if (name == "facet_limit") {
      request.facet_limit = parse_count(value, name);
    } else if (name == "collapse") {
      request.collapse = parse_flag(value, name);
    } else if (name == "explain") {
      request.explain = parse_flag(value, name);
    } else if (name == "suggest") {
      request.suggest = parse_flag(value, name);
    } else if (name == "half_life") {
      request.half_life_days = parse_days(value, name);
    } else if (name == "source") {
      request.sources.push_back(value);
    } else if (name == "category") {
      request.categories.push_back(value);
    } else {
      request.langs.push_back(value);
    }
  }
  validate(request);
  return request;
}

EndpointParams parse_endpoint_params(const QueryParams& params,
                                     std::initializer_list<const char*> accepted) {
  EndpointParams out;
  for (const auto& [name, value] : params) {
    if (std::find_if(accepted.begin(), accepted.end(),
                     [&](const char* known) { return name == known; }) == accepted.end()) {
      throw InvalidRequest("bad_parameter", name, "unknown parameter '" + name + "'");
    }
    if (out.values.count(name)) {
      throw InvalidRequest("bad_parameter", name, name + " may be given only once");
    }
    if (has_control_char(value)) {
      throw InvalidRequest("bad_parameter", name, name + " must not contain control characters");
    }
    out.values[name] = value;
  }
  return out;
}

unsigned EndpointParams::count(const std::string& name, unsigned fallback) const {
  const auto it = values.find(name);
  if (it == values.end() || it->second.empty()) return fallback;
  return parse_count(it->second, name);
}

std::string EndpointParams::text(const std::string& name) const {
  const auto it = values.find(name);
  return it == values.end() ? std::string() : it->second;
}

}  // namespace berita
