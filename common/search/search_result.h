// What a search returns, before rendering. Plain data, no Xapian types.
#ifndef BERITA_SEARCH_SEARCH_RESULT_H
#define BERITA_SEARCH_SEARCH_RESULT_H

#include <cstdint>
#include <string>
#include <vector>

namespace berita {

struct Hit {
  std::string id;
  std::string title;
  std::string date;     // YYYY-MM-DD or empty
  std::string source;
  std::string url;
  double score = 0;     // BM25 weight; comparable only within one result
  std::string snippet;  // HTML-escaped text with <mark>...</mark>; empty if not asked for
};

struct SearchResult {
  std::string query;
  std::uint64_t total = 0;  // estimated number of matches
  unsigned offset = 0;
  unsigned limit = 0;
  double took_ms = 0;
  std::vector<Hit> hits;
};

}  // namespace berita

#endif
