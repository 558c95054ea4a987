// Splitting text into lower-case words the way Xapian's TermGenerator and
// QueryParser do: runs of Unicode word characters, an apostrophe or '&'
// inside a word kept ("minister's", "at&t"), '-' and '.' splitting words
// ("di-Pertuan" -> "di", "pertuan"), and initials read as one word
// ("U.N." -> "un"). Synonym entries and the text scanned for them go through
// the same splitter, so an entry matches wherever the indexer saw its words.
#ifndef BERITA_TEXT_WORDS_H
#define BERITA_TEXT_WORDS_H

#include <string>
#include <string_view>
#include <vector>

namespace berita {

// Replaces the contents of words with the words of text, lower-cased.
// Invalid UTF-8 is read byte by byte as Latin-1, as Xapian reads it.
void split_words(std::string_view text, std::vector<std::string>& words);

inline std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  split_words(text, words);
  return words;
}

}  // namespace berita

#endif
