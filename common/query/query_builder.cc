#include "query/query_builder.h"

#include "query/date_expression.h"
#include "query/invalid_request.h"
#include "query/synonym_query.h"
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
  // Synonyms come from the database's synonym table (the indexer's
  // --synonyms file): each word, and each run of words ("kuala lumpur"), is
  // looked up and ORed with its synonyms as one OP_SYNONYM term, so a
  // synonym counts like the word itself. Phrases are left as typed.
  return Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
         Xapian::QueryParser::FLAG_PURE_NOT | Xapian::QueryParser::FLAG_AUTO_SYNONYMS |
         Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS;
}

Xapian::Query build_query(const SearchRequest& request, Xapian::QueryParser& parser) {
  // date:, after:, before: and last: are taken out of the text first:
  // QueryParser would read them as field names it does not know.
  const ExtractedDates dates = extract_date_expressions(
      request.query, request.today.empty() ? today_utc() : request.today);
  const DateRange range = intersect(DateRange{request.from, request.to}, dates.range);

  // Not Xapian::Query::MatchAll: that static object's reference count is not
  // atomic, so copying it from several threads (berita-searchd) corrupts it.
  // An empty term is the same match-all query, built fresh per call.
  Xapian::Query query{std::string()};
  if (!collapse_whitespace(dates.text).empty()) {
    try {
      // The typed words keep their own weight and the synonyms add to it
      // (synonym_query.h): Xapian alone would score "kuala lumpur" as one
      // merged term, ranking articles that only say "KL" level with it.
      query = rebalance_synonyms(parser.parse_query(dates.text, query_parser_flags()));
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
  if (!range.empty()) filters.push_back(date_range(range.from, range.to));
  if (filters.empty()) return query;
  Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace berita
