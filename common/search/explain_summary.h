// The one readable line of an Explanation: "title match on 'flood' (x3),
// 2 of 3 words, strongest 'flood' 2.31 of 3.56, feedback 0.80, freshness
// 1.20". Internal to common/search.
#ifndef BERITA_SEARCH_EXPLAIN_SUMMARY_H
#define BERITA_SEARCH_EXPLAIN_SUMMARY_H

#include <set>
#include <string>

#include "search/search_result.h"

namespace berita {

// query_words: the scored words the user typed (ScoreTerm::word values, so a
// group counts once). unexplained_scheme: empty for BM25; otherwise the
// scheme's name, whose total is shown instead of per-term weights.
std::string summarise(const Explanation& explanation, double score,
                      const std::set<std::string>& query_words,
                      const std::string& unexplained_scheme);

}  // namespace berita

#endif
