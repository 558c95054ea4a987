// Passages for snippets: splitting text into words with their byte offsets,
// choosing the window that best covers a query's terms, and rendering it as
// HTML with the matches highlighted. Knows nothing of Xapian queries: the
// caller says which query term (if any) each word matches and what each term
// weighs (search/snippets.cc). Internal to common/search.
#ifndef BERITA_SEARCH_PASSAGE_H
#define BERITA_SEARCH_PASSAGE_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

// One word of a text.
struct PassageWord {
  std::size_t begin = 0;  // byte offsets into the text: [begin, end)
  std::size_t end = 0;
  int term = -1;          // the query term it matches (index into weights), or -1
  bool sentence_start = false;  // first word of a paragraph or of a sentence
};

// Receives each word as it is found; words.back() is the word, lower_word
// its lower-cased form. Sets words.back().term, and may set .term of earlier
// words (a multi-word term is recognised at its last word).
class WordMatcher {
 public:
  virtual ~WordMatcher() = default;
  virtual void match(const std::string& lower_word, std::vector<PassageWord>& words) = 0;
};

// Appends the words of the paragraph text[from, to) to words, split and
// lower-cased by the rules of Xapian's TermGenerator (runs of Unicode word
// characters; an apostrophe or '&' inside a word kept; initials "U.N." read
// as one word; "1,000" one number). Its first word starts a sentence.
// Invalid UTF-8 is read byte by byte, as Xapian reads it.
void find_words(std::string_view text, std::size_t from, std::size_t to, WordMatcher& matcher,
                std::vector<PassageWord>& words);

// At most length bytes of text (never cutting a UTF-8 sequence; a cut falls
// between words unless one word alone is longer), chosen to maximise the
// summed weight of the DISTINCT terms it contains; among equal windows the
// one with more matching words, then the earliest. It starts at a sentence
// start when one is near enough; one that reaches the end of the text with
// room left starts earlier. With no match, the opening of the text.
// HTML-escaped (& < > " '), matched words wrapped in
// kHighlightOpen/kHighlightClose, "…" where a sentence is cut.
// words: find_words' output for text; weights[t] > 0 for each term t used.
std::string render_best_passage(std::string_view text, const std::vector<PassageWord>& words,
                                const std::vector<double>& weights, std::size_t length);

}  // namespace berita

#endif
