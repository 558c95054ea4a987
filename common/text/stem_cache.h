// A stemmer that remembers its answers, for indexing. TermGenerator stems
// every word occurrence, news text repeats its words, and Snowball stemming
// was 4.6% of a rebuild's CPU.
//
// Thread safety: the cache is mutable state shared by copies of the returned
// Stem, so give each TermGenerator its own and keep it to one thread.
#ifndef BERITA_TEXT_STEM_CACHE_H
#define BERITA_TEXT_STEM_CACHE_H

#include <xapian.h>

#include <cstddef>
#include <string>

namespace berita {

// Stems like Xapian::Stem(language), remembering up to max_words words (the
// cache starts again when full, so memory stays bounded). An empty language
// or "none" gives the stemmer that changes nothing.
Xapian::Stem make_caching_stemmer(const std::string& language, std::size_t max_words = 1u << 16);

}  // namespace berita

#endif
