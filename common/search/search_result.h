// What a search returns, before rendering. Plain data, no Xapian types.
#ifndef BERITA_SEARCH_SEARCH_RESULT_H
#define BERITA_SEARCH_SEARCH_RESULT_H

#include <cstdint>
#include <string>
#include <vector>

namespace berita {

// One matching term's share of a hit's score.
struct ScoreTerm {
  std::string term;            // the index term, e.g. "Zflood" or "Sflood"
  std::string word;            // the word as a reader knows it ("flood")
  std::string field;           // "text" (all fields), "title", "standfirst", ... or "feedback"
  unsigned wdf = 0;            // occurrences in the article (title words count title_weight times)
  std::uint64_t termfreq = 0;  // articles containing the term (0 for a group, see below)
  double weight = 0;           // its BM25 contribution
  // For a word the user searched across all fields ("text"): where it
  // occurs, from "title", "standfirst" and "body" (all other text). A title
  // occurrence counts title_weight times in wdf, a standfirst one
  // standfirst_weight times, which is why a headline match weighs more.
  std::vector<std::string> found_in;
  // A group Xapian weighs as one term (synonyms, a wildcard, an elite set):
  // term lists its members present in the article, space-separated; word
  // names the group (a wildcard's pattern "elect*", or its members' words
  // joined by " / "); wdf and weight are the group's; termfreq is 0 as
  // Xapian estimates it internally.
  bool group = false;
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
  std::string date;  // YYYY-MM-DD or empty
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
  bool collapsed = false;     // hits are one per near-duplicate cluster
  std::string suggestion;     // "did you mean" query text, or empty
};

}  // namespace berita

#endif
