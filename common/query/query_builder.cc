#include "query/query_builder.h"

#include "query/invalid_request.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// Values of one field are alternatives (OR); the query matches if any does.
Xapian::Query any_of(const std::vector<std::string>& values,
                     std::string (*term)(std::string_view)) {
  std::vector<Xapian::Query> terms;
  for (const auto& value : values) terms.emplace_back(term(value));
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query date_range(const std::string& from, const std::string& to) {
  const std::string low = from.empty() ? "" : schema::date_slot_value(from);
  const std::string high = to.empty() ? "" : schema::date_slot_value(to);
  if (high.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot::kDate, low);
  if (low.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot::kDate, high);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot::kDate, low, high);
}

}  // namespace

unsigned query_parser_flags() {
  return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT;
}

Xapian::Query build_query(const SearchRequest& request, Xapian::QueryParser& parser) {
  // Not Xapian::Query::MatchAll: that static object's reference count is not
  // atomic, so copying it from several threads (berita-searchd) corrupts it.
  // An empty term is the same match-all query, built fresh per call.
  Xapian::Query query{std::string()};
  if (!collapse_whitespace(request.query).empty()) {
    try {
      query = parser.parse_query(request.query, query_parser_flags());
    } catch (const Xapian::QueryParserError& e) {
      throw InvalidRequest("bad_query", "q", "cannot parse query: " + e.get_msg());
    }
    // Punctuation-only text parses to an empty Query, which Xapian treats as
    // "match nothing" everywhere except as a filter's left side; be explicit.
    if (query.empty()) query = Xapian::Query::MatchNothing;
  }

  std::vector<Xapian::Query> filters;
  if (!request.sources.empty()) filters.push_back(any_of(request.sources, &schema::source_term));
  if (!request.categories.empty()) {
    filters.push_back(any_of(request.categories, &schema::category_term));
  }
  if (!request.langs.empty()) filters.push_back(any_of(request.langs, &schema::lang_term));
  if (!request.from.empty() || !request.to.empty()) {
    filters.push_back(date_range(request.from, request.to));
  }
  if (filters.empty()) return query;
  Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace berita
