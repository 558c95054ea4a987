// What a user asks for, independent of where the request came from (command
// line or HTTP) and of Xapian. Validated by validate() before it reaches the
// query builder.
#ifndef BERITA_QUERY_SEARCH_REQUEST_H
#define BERITA_QUERY_SEARCH_REQUEST_H

#include <string>
#include <vector>

namespace berita {

enum class SortOrder { kRelevance, kDate };

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
};

inline constexpr unsigned kMaxLimit = 100;
inline constexpr unsigned kMaxOffset = 100000;
inline constexpr std::size_t kMaxQueryBytes = 2048;

// Throws InvalidRequest naming the offending parameter.
void validate(const SearchRequest& request);

// "relevance" / "date" -> SortOrder; throws InvalidRequest otherwise.
SortOrder parse_sort_order(const std::string& text);

}  // namespace berita

#endif
