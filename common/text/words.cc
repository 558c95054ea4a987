#include "text/words.h"

#include <xapian.h>

namespace berita {
namespace {

// ASCII fast paths: most news text is ASCII, and Xapian's Unicode tables
// cost several times more per character. Same answers as Xapian's.
bool is_wordchar(unsigned ch) {
  if (ch < 128) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '_';
  }
  return Xapian::Unicode::is_wordchar(ch);
}

void append_lower(std::string& word, unsigned ch) {
  if (ch < 128) {
    word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
  } else {
    Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
  }
}

// Returned by the infix checks for a character to skip without ending the
// word (zero-width joiners and the like).
constexpr unsigned kIgnore = ~0u;

bool is_ascii_upper(unsigned ch) {
  return ch >= 'A' && ch <= 'Z';
}

bool is_digit(unsigned ch) {
  if (ch < 128) return ch >= '0' && ch <= '9';
  return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Characters that join two word characters into one word, as Unicode's word
// boundary rules (and Xapian) have them; curly apostrophes become ASCII.
unsigned infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  if ((ch >= 0x200b && ch <= 0x200d) || ch == 0x2060 || ch == 0xfeff) return kIgnore;
  return 0;
}

// Between two digits: "1,000", "3.5".
unsigned infix_between_digits(unsigned ch) {
  if (ch == ',' || ch == '.' || ch == ';' || ch == 0x37e || ch == 0x589 || ch == 0x60d ||
      ch == 0x7f8 || ch == 0x2044 || ch == 0xfe10 || ch == 0xfe13 || ch == 0xfe14) {
    return ch;
  }
  if ((ch >= 0x200b && ch <= 0x200d) || ch == 0x2060 || ch == 0xfeff) return kIgnore;
  return 0;
}

// "U.N." or "U.S.A": capitals each followed by a dot. On success moves it
// past them and stores the lower-cased letters in word.
bool read_initials(Xapian::Utf8Iterator& it, std::string& word) {
  const Xapian::Utf8Iterator end;
  Xapian::Utf8Iterator p = it;
  word.clear();
  do {
    append_lower(word, *p);
    ++p;
  } while (p != end && *p == '.' && ++p != end && is_ascii_upper(*p));
  // One letter is not a set of initials, and "U.Sb" is not either.
  if (word.size() < 2 || (p != end && is_wordchar(*p))) return false;
  it = p;
  return true;
}

void read_word(Xapian::Utf8Iterator& it, std::string& word) {
  const Xapian::Utf8Iterator end;
  word.clear();
  unsigned previous = *it;
  append_lower(word, previous);
  while (++it != end) {
    unsigned ch = *it;
    if (!is_wordchar(ch)) {
      Xapian::Utf8Iterator next = it;
      ++next;
      if (next == end || !is_wordchar(*next)) break;
      ch = (is_digit(previous) && is_digit(*next)) ? infix_between_digits(ch) : infix(ch);
      if (ch == 0) break;
      if (ch == kIgnore) continue;
    }
    append_lower(word, ch);
    previous = ch;
  }
}

}  // namespace

void split_words(std::string_view text, std::vector<std::string>& words) {
  words.clear();
  Xapian::Utf8Iterator it(text.data(), text.size());
  const Xapian::Utf8Iterator end;
  std::string word;
  while (it != end) {
    if (!is_wordchar(*it)) {
      ++it;
      continue;
    }
    if (!(is_ascii_upper(*it) && read_initials(it, word))) read_word(it, word);
    words.push_back(word);
  }
}

}  // namespace berita
