// Snippets: the passage of an article that best matches the query, with the
// query's words highlighted. Berita's own generator (search/passage.h):
// Xapian's MSet::snippet looked up the collection frequency of every word of
// every article (SNIPPET_BACKGROUND_MODEL), about 2 ms per page of results;
// here each query term's frequency is read once per search (SnippetTerms)
// and an article costs one pass over its words.
//
// A word is highlighted when its lower-cased form is a query word, or when
// its stem (the analyzer's stemmer, so "prices" highlights for "price") is a
// query stem, as the index matched it.
//
// Thread safety: a SnippetTerms is read-only once built, but holds a
// Xapian::Stem; use it from the thread that built it, like its Searcher.
#ifndef BERITA_SEARCH_SNIPPETS_H
#define BERITA_SEARCH_SNIPPETS_H

#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "article/article.h"

namespace berita {

inline constexpr const char* kHighlightOpen = "<mark>";
inline constexpr const char* kHighlightClose = "</mark>";
inline constexpr std::size_t kSnippetBytes = 240;

// The words of one query to highlight, each weighted like idf,
// log(1 + N / termfreq): built once per search, used for each hit.
class SnippetTerms {
 public:
  // No terms: each snippet is the opening of its article.
  SnippetTerms() = default;
  // The free-text terms of query: field prefixes ("S" title, "XST"
  // standfirst, ...) stripped, so title:flood highlights "flood" in the
  // body; boolean filters, value ranges and the negated side of AND_NOT are
  // left out. Stems ("Z...") match words by stemmer (the one the query was
  // parsed with), a wildcard ("elect*") words starting with its pattern, a
  // multi-word synonym term ("kuala lumpur") the run of words. One
  // get_termfreq per term on db.
  SnippetTerms(const Xapian::Query& query, const Xapian::Database& db, const Xapian::Stem& stemmer);

  // Number of distinct terms (a word typed and its stem count once).
  std::size_t size() const { return weights_.size(); }

 private:
  class Matcher;  // matches an article's words, caching stems (snippets.cc)
  friend std::string make_snippet(const SnippetTerms& terms, const Article& article,
                                  std::size_t length);

  struct Phrase {
    std::vector<std::string> words;
    int term;
  };
  int add_term(double weight);

  std::unordered_map<std::string, int> words_;         // lower-case word -> term
  std::unordered_map<std::string, int> stems_;         // stem, without "Z" -> term
  std::vector<std::pair<std::string, int>> wildcards_;  // lower-case pattern -> term
  std::vector<Phrase> phrases_;
  std::vector<double> weights_;  // by term
  Xapian::Stem stemmer_;
  // First bytes a matching word can have: most words of an article are
  // rejected by this table without a hash lookup or a stemmer call.
  std::array<bool, 256> first_bytes_{};
};

// HTML-escaped snippet of about length bytes (the article's own text: at
// most length bytes of it, cut between words and never inside a UTF-8
// sequence; markup and "…" come on top) from the article's standfirst and
// body, or its title when it has no other text; "" for an empty article.
// The window holding the most weight of distinct terms is chosen; with no
// match, the opening.
std::string make_snippet(const SnippetTerms& terms, const Article& article,
                         std::size_t length = kSnippetBytes);

}  // namespace berita

#endif
