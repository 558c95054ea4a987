// What a search returns, before rendering. Plain data, no Xapian types.
#ifndef BERITA_SEARCH_SEARCH_RESULT_H
#define BERITA_SEARCH_SEARCH_RESULT_H

#include <cstdint>
#include <string>
#include <vector>

namespace berita {

// One matching term's share of a hit's score.
struct ScoreTerm {
  std::string term;     // the index term, e.g. "Zflood" or "Sflood"
  std::string word;     // the word as a reader knows it ("flood")
  std::string field;    // "body", "title", "standfirst", ... or "feedback"
  unsigned wdf = 0;     // occurrences in the article (title words count title_weight times)
  std::uint64_t termfreq = 0;  // articles containing the term
  double weight = 0;    // its BM25 contribution
};

// Why a hit scored what it did; the parts add up to Hit::score.
struct Explanation {
  std::vector<ScoreTerm> terms;
  double freshness = 0;  // the recency bonus (sort=recency), else 0
  double other = 0;      // anything not attributed to a term above
  std::string summary;   // one readable line
};

struct Hit {
  std::string id;
  std::string title;
  std::string date;     // YYYY-MM-DD or empty
  std::string source;
  std::string url;
  double score = 0;     // BM25 weight; comparable only within one result
  std::string snippet;  // HTML-escaped text with <mark>...</mark>; empty if not asked for
  // collapse=1: how many other articles of this one's near-duplicate cluster
  // there are, and (some of) their ids.
  std::uint64_t duplicates = 0;
  std::vector<std::string> duplicate_ids;
  bool has_explanation = false;
  Explanation explanation;
};

struct FacetValue {
  std::string value;
  std::uint64_t count = 0;
};

struct Facet {
  std::string name;
  std::vector<FacetValue> values;  // most frequent first, at most facet_limit
  // false: counted over every match; true: the matcher stopped early and the
  // counts are scaled-up samples.
  bool estimated = false;
};

struct SearchResult {
  std::string query;
  std::uint64_t total = 0;  // estimated number of matches
  unsigned offset = 0;
  unsigned limit = 0;
  double took_ms = 0;
  std::vector<Hit> hits;
  std::vector<Facet> facets;  // in the order asked for
  std::string suggestion;     // "did you mean" query text, or empty
};

}  // namespace berita

#endif
