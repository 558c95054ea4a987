// How synonym groups become terms. Xapian's QueryParser looks a query word
// up in the synonym table (lower-cased, then as its "Z" stem; with the
// field's prefix for "title:kl") and adds each value it finds as ONE term;
// with FLAG_AUTO_MULTIWORD_SYNONYMS it also looks up runs of words joined by
// spaces ("kuala lumpur"). A value is never split or stemmed, so a
// multi-word expression has to exist in the index as a single term: the
// indexer adds one term per occurrence, its words joined by spaces (with
// each field's prefix too), and the table names that term. Single words
// point at their stemmed term, so "PDRM" finds "police" and "policing" as
// the query "police" would.
//
// Terms with a space cannot come from ordinary text, so these never clash
// with a word; they must be kept out of spelling data (has_space).
#ifndef BERITA_TEXT_SYNONYM_TERMS_H
#define BERITA_TEXT_SYNONYM_TERMS_H

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/synonyms.h"

namespace berita {

// Key -> values, as stored in Xapian's synonym table.
using SynonymTable = std::map<std::string, std::set<std::string>>;

class SynonymTerms {
 public:
  SynonymTerms() = default;
  // stemmer may be a "none" stemmer; single words are then looked up and
  // matched unstemmed.
  SynonymTerms(const std::vector<SynonymGroup>& groups, const Xapian::Stem& stemmer);

  // True when some expression has more than one word, i.e. find_phrases
  // can find anything.
  bool has_phrases() const { return !phrases_by_first_word_.empty(); }

  // The multi-word expressions occurring in words (text/words.h output),
  // each with its number of occurrences; overlapping occurrences all count.
  // A possessive "'s" does not stop a match ("prime minister's office").
  // found is cleared first; its pointers stay valid while this object lives.
  using Occurrences = std::vector<std::pair<const std::string*, Xapian::termcount>>;
  void find_phrases(const std::vector<std::string>& words, Occurrences& found) const;

  // The synonym table for unprefixed text and for each of field_prefixes.
  SynonymTable table(const std::vector<std::string>& field_prefixes) const;

 private:
  struct Phrase {
    std::vector<std::string> words;  // as matched: possessives removed
    std::string term;                // the entry: words joined by spaces
  };

  std::string value_term(const std::string& entry, const std::string& prefix) const;
  std::vector<std::string> key_terms(const std::string& entry, const std::string& prefix) const;

  std::vector<SynonymGroup> groups_;
  Xapian::Stem stemmer_;
  std::unordered_map<std::string, std::vector<Phrase>> phrases_by_first_word_;
};

// True for a term that holds a space: a multi-word synonym term.
inline bool has_space(const std::string& term) {
  return term.find(' ') != std::string::npos;
}

}  // namespace berita

#endif
