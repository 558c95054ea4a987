// The indexed words one edit away from a word, for "did you mean"
// (search/spelling.h).
//
// An edit is one letter added, dropped or changed, or two neighbouring
// letters swapped, anywhere in the word. A typing slip is the kind of edit
// "did you mean" trusts: never at the first letter, added or dropped letters
// never the last one either, and a changed letter only when asked for. On
// Reuters, for words that exist, the other edits nearly always joined two
// real words: a letter changed ("hosts"/"costs", "dusk"/"disk"), or added or
// dropped at either end ("parish"/"paris", "worthy"/"worth",
// "ejection"/"rejection").
//
// Lookup, in the words the indexer kept (index/word_keys.h; the index itself
// holds stems): an edit in the second half of the word leaves its first
// half intact, so those neighbours are among the words starting with it
// (one metadata entry, schema::word_prefix_bucket_key); an edit in the first
// half leaves the second half intact, so those are among the reversed words
// starting with it backwards (one entry, schema::word_bucket_key). Halves
// too short to narrow the scan are replaced by trying each candidate
// spelling against the entries. A neighbour's frequency is its stem's: the
// articles a search for it finds.
#ifndef BERITA_SEARCH_WORD_NEIGHBOURS_H
#define BERITA_SEARCH_WORD_NEIGHBOURS_H

#include <xapian.h>

#include <string>
#include <vector>

namespace berita {

struct WordNeighbour {
  std::string word;
  Xapian::doccount frequency = 0;  // articles containing its stem, > 0
};

// True if b is one edit away from a (code points).
bool is_one_edit(const std::vector<unsigned>& a, const std::vector<unsigned>& b);

// True if fix is one typing slip away from word (code points).
bool is_typing_slip(const std::vector<unsigned>& word, const std::vector<unsigned>& fix,
                    bool allow_substitution);

// Every indexed word (schema::is_word_term) one edit away from word
// (lower-case) whose stem (by stemmer, the index's) is in at least one
// article, in no particular order.
std::vector<WordNeighbour> find_neighbours(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                           const std::string& word);

}  // namespace berita

#endif
