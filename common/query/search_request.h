// What a user asks for, independent of where the request came from (command
// line or HTTP) and of Xapian. Validated by validate() before it reaches the
// query builder.
#ifndef BERITA_QUERY_SEARCH_REQUEST_H
#define BERITA_QUERY_SEARCH_REQUEST_H

#include <string>
#include <vector>

namespace berita {

// kRecency: relevance blended with an exponential decay on article age
// (search/recency.h); kDate: newest first, relevance breaking ties.
enum class SortOrder { kRelevance, kDate, kRecency };

struct SearchRequest {
  std::string query;                  // QueryParser syntax; empty = all articles
  unsigned offset = 0;
  unsigned limit = 10;
  SortOrder sort = SortOrder::kRelevance;
  std::vector<std::string> sources;   // any of these outlets (OR); empty = all
  std::vector<std::string> categories;
  std::vector<std::string> langs;
  std::string from;                   // YYYY-MM-DD inclusive, or empty
  std::string to;                     // YYYY-MM-DD inclusive, or empty
  bool snippets = true;

  // Facet names from schema::kFacetFields, counted over all matches.
  std::vector<std::string> facets;
  unsigned facet_limit = 10;          // values returned per facet
  // One hit per near-duplicate cluster (schema::slot::kCluster).
  bool collapse = false;
  // A per-hit breakdown of the score (Hit::explanation).
  bool explain = false;
  // "Did you mean": a spelling correction of the query when one exists.
  bool suggest = true;
  // sort=recency: an article loses half its freshness bonus every this many
  // days.
  double half_life_days = kDefaultHalfLifeDays;
  // The day "last:7d" counts back from, YYYY-MM-DD; empty = today (UTC).
  // Tests fix it; requests never set it.
  std::string today;

  static constexpr double kDefaultHalfLifeDays = 7.0;
};

inline constexpr unsigned kMaxFacetLimit = 100;
inline constexpr double kMaxHalfLifeDays = 36500.0;

inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 100000;
inline constexpr std::size_t kMaxQueryBytes = 2048;

// Throws InvalidRequest naming the offending parameter.
void validate(const SearchRequest& request);

// "relevance" / "date" / "recency" -> SortOrder; throws InvalidRequest otherwise.
SortOrder parse_sort_order(const std::string& text);

// "source,year" -> {"source", "year"}; throws InvalidRequest("bad_parameter",
// "facets") naming an unknown facet.
std::vector<std::string> parse_facet_list(const std::string& text);

}  // namespace berita

#endif
