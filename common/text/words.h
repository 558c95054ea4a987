// Splitting text into lower-case words the way Xapian's TermGenerator and
// QueryParser do: runs of Unicode word characters, an apostrophe or '&'
// inside a word kept ("minister's", "at&t"), '-' and '.' splitting words
// ("di-Pertuan" -> "di", "pertuan"), and initials read as one word
// ("U.N." -> "un"). Synonym entries and the text scanned for them go through
// the same splitter, so an entry matches wherever the indexer saw its words,
// and snippets (search/passage.h) highlight the words the index holds.
#ifndef BERITA_TEXT_WORDS_H
#define BERITA_TEXT_WORDS_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

// The one tokenizer: reads the words of a text in order, each with its byte
// range in the text and its lower-cased form.
//
//   WordReader reader(text);
//   while (reader.next()) use(reader.begin(), reader.end(), reader.word());
//
// The reader keeps a view of text, which must outlive it. Invalid UTF-8 is
// read byte by byte as Latin-1, as Xapian reads it.
class WordReader {
 public:
  explicit WordReader(std::string_view text) : text_(text) {}

  // Moves to the next word; false when the text has no more.
  bool next();

  // The current word is text.substr(begin(), end() - begin()). The range
  // covers everything the word was read from: the dots of initials ("U.N."
  // is 4 bytes) and characters skipped inside it (zero-width joiners).
  std::size_t begin() const { return begin_; }
  std::size_t end() const { return end_; }

  // The current word lower-cased, as indexed: initials without their dots,
  // curly apostrophes as "'", skipped characters left out.
  const std::string& word() const { return word_; }

 private:
  std::string_view text_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;  // also where the next word is looked for
  std::string word_;
};

// Replaces the contents of words with the words of text, lower-cased
// (WordReader's words, without their offsets).
void split_words(std::string_view text, std::vector<std::string>& words);

inline std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  split_words(text, words);
  return words;
}

}  // namespace berita

#endif
