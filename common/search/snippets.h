// Snippets: the passage of an article that best matches the query, with the
// query's words highlighted. Uses Xapian's MSet::snippet with the analyzer's
// stemmer, so "prices" highlights "price" exactly when it matched.
#ifndef BERITA_SEARCH_SNIPPETS_H
#define BERITA_SEARCH_SNIPPETS_H

#include <string>

#include <xapian.h>

#include "article/article.h"

namespace berita {

inline constexpr const char* kHighlightOpen = "<mark>";
inline constexpr const char* kHighlightClose = "</mark>";
inline constexpr std::size_t kSnippetBytes = 240;

// HTML-escaped snippet of the article's standfirst and body (its title when
// it has no other text).
std::string make_snippet(const Xapian::MSet& mset, const Article& article,
                         const Xapian::Stem& stemmer, std::size_t length = kSnippetBytes);

}  // namespace berita

#endif
