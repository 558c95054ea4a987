// A stemmer that remembers its answers, for indexing. TermGenerator stems
// every word occurrence, news text repeats its words, and Snowball stemming
// was 4.6% of a rebuild's CPU.
//
// It also notes each word it had to stem, which is how the indexer learns
// the words as written: the index itself holds only their stems
// (schema::prefix::kStemmed), and TermGenerator hands every word it indexes
// to its stemmer. A word is noted when it is not in the cache, so one seen
// again after another word took its place is noted again; take_new_words
// hands each out once per take.
//
// Thread safety: the cache is mutable state shared by copies of stem(), so
// give each TermGenerator its own and keep it to one thread.
#ifndef BERITA_TEXT_STEM_CACHE_H
#define BERITA_TEXT_STEM_CACHE_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace berita {

class CachingStemmer {
 public:
  // Stems like Xapian::Stem(language), remembering up to max_words words
  // (rounded up to a power of two; a new word takes the place of one that
  // hashes alike, so memory stays bounded). An empty language or "none"
  // leaves words as they are, still noting them.
  explicit CachingStemmer(const std::string& language, bool note_words = false,
                          std::size_t max_words = 1u << 16);

  // For TermGenerator::set_stemmer.
  const Xapian::Stem& stem() const { return stem_; }

  // The words noted since the last take, each once, in no particular order.
  std::vector<std::string> take_new_words();

 private:
  class Cache;
  Xapian::Stem stem_;
  Cache* cache_;  // owned by stem_
};

}  // namespace berita

#endif
