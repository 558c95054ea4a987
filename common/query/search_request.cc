#include "query/search_request.h"

#include <algorithm>
#include <iterator>

#include "article/fields.h"
#include "query/invalid_request.h"
#include "schema/schema.h"
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
  for (const auto& facet : r.facets) parse_facet_list(facet);
  if (r.facet_limit < 1 || r.facet_limit > kMaxFacetLimit) {
    throw InvalidRequest("bad_parameter", "facet_limit",
                         "facet_limit must be between 1 and " + std::to_string(kMaxFacetLimit));
  }
  if (!(r.half_life_days > 0 && r.half_life_days <= kMaxHalfLifeDays)) {
    throw InvalidRequest("bad_parameter", "half_life",
                         "half_life must be a number of days above 0 and at most " +
                             std::to_string(static_cast<int>(kMaxHalfLifeDays)));
  }
  check_date(r.today, "today");
}

SortOrder parse_sort_order(const std::string& text) {
  if (text == "relevance") return SortOrder::kRelevance;
  if (text == "date") return SortOrder::kDate;
  if (text == "recency") return SortOrder::kRecency;
  throw InvalidRequest("bad_parameter", "sort",
                       "sort must be 'relevance', 'date' or 'recency', got '" + text + "'");
}

std::vector<std::string> parse_facet_list(const std::string& text) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string name = text.substr(start, comma - start);
    start = comma + 1;
    if (name.empty()) continue;
    const bool known = std::any_of(std::begin(schema::kFacetFields), std::end(schema::kFacetFields),
                                   [&](const schema::FacetField& f) { return name == f.name; });
    if (!known) {
      std::string choices;
      for (const auto& f : schema::kFacetFields) choices += (choices.empty() ? "" : ", ") + std::string(f.name);
      throw InvalidRequest("bad_parameter", "facets",
                           "unknown facet '" + name + "'; facets are " + choices);
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

}  // namespace berita
