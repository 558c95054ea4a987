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

void append_lower_unicode(std::string& word, unsigned ch) {
  Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(ch));
}

// Small enough to be inlined in the loops below (measured: when it was not,
// reading words took a third longer).
inline void append_lower(std::string& word, unsigned ch) {
  if (ch < 128) {
    word += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + ('a' - 'A') : ch);
  } else {
    append_lower_unicode(word, ch);
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

// Reads UTF-8 exactly like Xapian::Utf8Iterator (an invalid, overlong or
// truncated sequence is one byte, read as Latin-1), with ASCII decoded
// inline: Utf8Iterator measures every character out of line, and a reader
// sees every character of every article.
class Cursor {
 public:
  Cursor(const char* p, const char* end) : p_(p), end_(end) { decode(); }
  bool at_end() const { return p_ == end_; }
  unsigned operator*() const { return ch_; }
  Cursor& operator++() {
    p_ += length_;
    decode();
    return *this;
  }
  const char* raw() const { return p_; }

 private:
  static bool continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

  void decode() {
    if (p_ == end_) {
      ch_ = 0;
      length_ = 0;
      return;
    }
    const auto lead = static_cast<unsigned char>(*p_);
    ch_ = lead;
    length_ = 1;
    if (lead < 0x80) return;
    const std::size_t left = static_cast<std::size_t>(end_ - p_);
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(p_[i]); };
    if (lead >= 0xC2 && lead <= 0xDF && left >= 2 && continuation(at(1))) {
      ch_ = ((lead & 0x1Fu) << 6) | (at(1) & 0x3Fu);
      length_ = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF && left >= 3 && continuation(at(1)) &&
               continuation(at(2)) && (lead != 0xE0 || at(1) >= 0xA0)) {
      ch_ = ((lead & 0x0Fu) << 12) | ((at(1) & 0x3Fu) << 6) | (at(2) & 0x3Fu);
      length_ = 3;
    } else if (lead >= 0xF0 && lead <= 0xF4 && left >= 4 && continuation(at(1)) &&
               continuation(at(2)) && continuation(at(3)) && (lead != 0xF0 || at(1) >= 0x90) &&
               (lead != 0xF4 || at(1) < 0x90)) {
      ch_ = ((lead & 0x07u) << 18) | ((at(1) & 0x3Fu) << 12) | ((at(2) & 0x3Fu) << 6) |
            (at(3) & 0x3Fu);
      length_ = 4;
    }
  }

  const char* p_;
  const char* end_;
  unsigned ch_ = 0;
  std::size_t length_ = 0;
};

// "U.N." or "U.S.A": capitals each followed by a dot. On success moves it
// past them and stores the lower-cased letters in word.
bool read_initials(Cursor& it, std::string& word) {
  Cursor p = it;
  word.clear();
  do {
    append_lower(word, *p);
    ++p;
  } while (!p.at_end() && *p == '.' && !(++p).at_end() && is_ascii_upper(*p));
  // One letter is not a set of initials, and "U.Sb" is not either.
  if (word.size() < 2 || (!p.at_end() && is_wordchar(*p))) return false;
  it = p;
  return true;
}

void read_word(Cursor& it, std::string& word) {
  word.clear();
  unsigned previous = *it;
  append_lower(word, previous);
  while (!(++it).at_end()) {
    unsigned ch = *it;
    if (!is_wordchar(ch)) {
      Cursor next = it;
      ++next;
      if (next.at_end() || !is_wordchar(*next)) break;
      ch = (is_digit(previous) && is_digit(*next)) ? infix_between_digits(ch) : infix(ch);
      if (ch == 0) break;
      if (ch == kIgnore) continue;
    }
    append_lower(word, ch);
    previous = ch;
  }
}

}  // namespace

bool WordReader::next() {
  const char* const base = text_.data();
  Cursor it(base + end_, base + text_.size());
  while (!it.at_end() && !is_wordchar(*it)) ++it;
  if (it.at_end()) {
    begin_ = end_ = text_.size();
    word_.clear();
    return false;
  }
  begin_ = static_cast<std::size_t>(it.raw() - base);
  if (!(is_ascii_upper(*it) && read_initials(it, word_))) read_word(it, word_);
  end_ = static_cast<std::size_t>(it.raw() - base);
  return true;
}

void split_words(std::string_view text, std::vector<std::string>& words) {
  words.clear();
  WordReader reader(text);
  while (reader.next()) words.push_back(reader.word());
}

}  // namespace berita
