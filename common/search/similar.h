// "More like this": the query that finds articles on the same topic as a
// given one. Xapian's relevance feedback (ESet) picks the words that mark the
// article out against the whole archive; those words, weighted by how
// strongly they do, become an OR query that excludes the article itself.
#ifndef BERITA_SEARCH_SIMILAR_H
#define BERITA_SEARCH_SIMILAR_H

#include <xapian.h>

namespace berita {

// Words taken from the article. On bbc-news (share of the top 10 in the
// article's own category, every 15th article) 10 words gave 0.77, 20 0.83,
// 30 0.86, 40 0.88, 60 0.90 and 100 0.90: more words describe the topic
// better until the extra ones are incidental.
inline constexpr unsigned kSimilarTerms = 50;

// The query for articles like document did of db (a match-nothing query when
// the article has no usable words).
Xapian::Query more_like_this_query(const Xapian::Database& db, Xapian::docid did,
                                   unsigned terms = kSimilarTerms);

}  // namespace berita

#endif
