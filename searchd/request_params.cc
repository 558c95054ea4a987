#include "searchd/request_params.h"

#include <algorithm>

#include "query/invalid_request.h"

namespace berita {
namespace {

constexpr const char* kSingleValued[] = {"q", "limit", "offset", "sort", "from", "to"};
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

}  // namespace berita
