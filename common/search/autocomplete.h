// Completions for a search box (GET /suggest): the words of the archive that
// start with what the user is typing, most common first, and headlines whose
// words match it. Built from what the indexer writes (no separate dictionary
// to keep in step): the written words (index/word_keys.h), one per stem
// (the shortest), counted by their stem's articles; headline stems for
// headlines.
#ifndef BERITA_SEARCH_AUTOCOMPLETE_H
#define BERITA_SEARCH_AUTOCOMPLETE_H

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

#include "index/article_codec.h"

namespace berita {

struct Completion {
  enum class Kind { kWord, kTitle };
  Kind kind = Kind::kWord;
  std::string text;         // the whole completed input, or a headline
  std::uint64_t count = 0;  // kWord: articles containing the word's stem
  std::string id;           // kTitle: the article's id
};

inline constexpr unsigned kDefaultCompletions = 8;
inline constexpr unsigned kMaxCompletions = 20;
inline constexpr std::size_t kMaxPrefixBytes = 100;

// Words are completed from the last (partial) word of prefix, keeping the
// words before it; headlines must contain every earlier word and a word
// starting with the partial one. Up to limit of each kind, words first.
// Throws InvalidRequest("bad_parameter", "prefix") for a prefix with no
// letters or digits, over kMaxPrefixBytes, or not UTF-8.
// Headlines are read with codec, which must be db's (ArticleCodec::for_database),
// and words stemmed with stemmer, db's (schema::stemmer_for); the form
// without them reads both from db first.
std::vector<Completion> complete(const Xapian::Database& db, const ArticleCodec& codec,
                                 const Xapian::Stem& stemmer, const std::string& prefix,
                                 unsigned limit = kDefaultCompletions);
std::vector<Completion> complete(const Xapian::Database& db, const std::string& prefix,
                                 unsigned limit = kDefaultCompletions);

}  // namespace berita

#endif
