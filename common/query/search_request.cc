#include "query/search_request.h"

#include "article/fields.h"
#include "query/invalid_request.h"
#include "text/utf8.h"

namespace berita {
namespace {

void check_date(const std::string& value, const char* parameter) {
  if (value.empty()) return;
  if (value.size() != 10 || !normalise_date(value)) {
    throw InvalidRequest("bad_parameter", parameter,
                         std::string(parameter) + " must be a date as YYYY-MM-DD, got '" + value +
                             "'");
  }
}

void check_values(const std::vector<std::string>& values, const char* parameter) {
  for (const auto& value : values) {
    if (slugify(value).empty()) {
      throw InvalidRequest("bad_parameter", parameter,
                           std::string(parameter) + " must not be empty");
    }
  }
}

}  // namespace

void validate(const SearchRequest& r) {
  if (r.query.size() > kMaxQueryBytes) {
    throw InvalidRequest("bad_query", "q",
                         "query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  if (find_invalid_utf8(r.query) != std::string::npos) {
    throw InvalidRequest("bad_query", "q", "query is not valid UTF-8");
  }
  if (r.limit < 1 || r.limit > kMaxLimit) {
    throw InvalidRequest("bad_parameter", "limit",
                         "limit must be between 1 and " + std::to_string(kMaxLimit));
  }
  if (r.offset > kMaxOffset) {
    throw InvalidRequest("bad_parameter", "offset",
                         "offset must be at most " + std::to_string(kMaxOffset));
  }
  check_date(r.from, "from");
  check_date(r.to, "to");
  if (!r.from.empty() && !r.to.empty() && r.from > r.to) {
    throw InvalidRequest("bad_parameter", "from", "from (" + r.from + ") is after to (" + r.to + ")");
  }
  check_values(r.sources, "source");
  check_values(r.categories, "category");
  check_values(r.langs, "lang");
}

SortOrder parse_sort_order(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDate;
  throw InvalidRequest("bad_parameter", "sort",
                       "sort must be 'relevance' or 'date', got '" + text + "'");
}

}  // namespace berita
