// "Did you mean": a corrected query when a query word is absent from the
// archive or rare, and a close spelling is common.
//
// Xapian's own correction (QueryParser::FLAG_SPELLING_CORRECTION) only fixes
// words the database lacks; a misspelling that reporters made a few times
// ("Mahatir" in 3 articles, "Mahathir" in 300) exists and is never fixed.
// Here a present word is corrected too, but only on evidence, because on
// Reuters-21578 most rare words with a common neighbour are real words
// ("grate"/"rate", "parish"/"paris", "ejection"/"rejection"):
// - the correction is the most common word one edit away, and that edit is
//   a typing slip (search/word_neighbours.h: a letter added, dropped or two
//   neighbours swapped, never the first one);
// - the word has at least min_present_word_length letters and is in at
//   most max_present_frequency articles;
// - the correction is in at least min_ratio times as many articles (so a
//   rare inflection of a common word, which shares its stem and so its
//   articles, is never "corrected": stemming already finds it).
// A word's articles are its stem's: the index holds stems only, and they
// are what a search for the word finds. A word is absent when its stem is.
// For an absent word the slip may also be one letter changed inside it, and
// the correction's stem must be written at least twice. Xapian's default of two edits turned absent
// words into unrelated ones ("internet" -> "interest", "estrogen" ->
// "nitrogen"). Words from the synonyms table are never corrected.
//
// Cost: a few term look-ups per word, plus a neighbour search (two metadata
// entries and a term look-up per neighbour) for an absent or rare word. Xapian's
// spelling search, used before, took about 0.8 ms per such word on Reuters.
#ifndef BERITA_SEARCH_SPELLING_H
#define BERITA_SEARCH_SPELLING_H

#include <xapian.h>

#include <string>

#include "text/analyzer.h"

namespace berita {

struct SpellingOptions {
  // A present word is corrected only into a spelling found in at least this
  // many times as many articles. On 110 Reuters words that passed the other
  // rules, checked by hand, suggestions were right 92% of the time at a
  // ratio of 10 or 20 alike, and below 10 mostly wrong; 10 kept 81% of the
  // real misspellings, 20 kept 75%.
  double min_ratio = 10;
  // Words in more articles than the larger of these two are never
  // corrected, however common a neighbour: they are established spellings.
  Xapian::doccount max_present_frequency = 50;
  double max_present_share = 0.0005;  // of the articles in the database
  // Present words shorter than this (in characters) are never corrected:
  // short words have too many real neighbours. Absent words need
  // kMinAbsentWordLength.
  std::size_t min_present_word_length = 6;
};

inline constexpr std::size_t kMinAbsentWordLength = 4;

// The query text with misspelt words replaced, or "" when nothing should be
// suggested. Operators (AND, OR, NOT, ...), quotes, +/-, wildcards, field
// prefixes ("title:mahatir" -> "title:mahathir"), boolean and date filters
// ("source:bernama", "date:2018"), numbers and the other words are kept as
// the user typed them; a corrected word keeps the user's capitalisation.
// Never returns query_text itself. Does not throw for any query text; a
// Xapian error (database gone) propagates.
std::string suggest_correction(const Xapian::Database& db, const std::string& query_text,
                               const Analyzer& analyzer, const SpellingOptions& options = {});

}  // namespace berita

#endif
