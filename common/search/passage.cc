#include "search/passage.h"

#include <algorithm>

#include <xapian.h>

#include "search/snippets.h"

namespace berita {
namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The word rules below are text/words.cc's (which follows Xapian's
// TermGenerator), repeated here because a snippet needs each word's byte
// offsets, which split_words does not keep.

// ASCII fast path: most news text is ASCII, and Xapian's Unicode tables
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

bool is_ascii_upper(unsigned ch) { return ch >= 'A' && ch <= 'Z'; }

bool is_digit(unsigned ch) {
  if (ch < 128) return ch >= '0' && ch <= '9';
  return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

unsigned infix(unsigned ch) {
  if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
  if (ch == 0x2019 || ch == 0x201b) return '\'';
  if ((ch >= 0x200b && ch <= 0x200d) || ch == 0x2060 || ch == 0xfeff) return kIgnore;
  return 0;
}

unsigned infix_between_digits(unsigned ch) {
  if (ch == ',' || ch == '.' || ch == ';' || ch == 0x37e || ch == 0x589 || ch == 0x60d ||
      ch == 0x7f8 || ch == 0x2044 || ch == 0xfe10 || ch == 0xfe13 || ch == 0xfe14) {
    return ch;
  }
  if ((ch >= 0x200b && ch <= 0x200d) || ch == 0x2060 || ch == 0xfeff) return kIgnore;
  return 0;
}

// Reads UTF-8 like Xapian::Utf8Iterator (an invalid sequence is one byte,
// read as Latin-1), with ASCII decoded inline: a snippet reads every
// character of the article, and most are ASCII.
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

// "U.N." or "U.S.A": capitals each followed by a dot, read as one word.
bool read_initials(Cursor& it, std::string& word) {
  Cursor p = it;
  word.clear();
  do {
    append_lower(word, *p);
    ++p;
  } while (!p.at_end() && *p == '.' && !(++p).at_end() && is_ascii_upper(*p));
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

// . ! ? and the ellipsis end a sentence when white space follows; the CJK
// and full-width stops end one by themselves.
bool is_cjk_terminator(unsigned ch) {
  return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F || ch == 0xFF0E;
}

bool is_terminator(unsigned ch) {
  return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026 || is_cjk_terminator(ch);
}

// A word whose following '.' rarely ends a sentence: a single initial
// ("A. Karasmasoglu"; "U.N." is read as one word) or a title before a name.
bool is_abbreviation(const std::string& lower_word, unsigned first_char) {
  if (lower_word.size() == 1) return is_ascii_upper(first_char);
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr"};
  return is_ascii_upper(first_char) &&
         std::find(std::begin(kTitles), std::end(kTitles), lower_word) != std::end(kTitles);
}

bool is_space(unsigned ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
         (ch >= 128 && Xapian::Unicode::is_whitespace(ch));
}

void append_escaped(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

// The longest prefix of text[from, from + length) that ends on a UTF-8
// character boundary.
std::size_t utf8_cut(std::string_view text, std::size_t from, std::size_t length) {
  std::size_t cut = std::min(text.size(), from + length);
  while (cut > from && cut < text.size() &&
         (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

// Punctuation that belongs to the word after it (opening quotes and
// brackets) or before it (closing ones and sentence ends): a passage takes
// it along when there is room, so a quotation keeps its quote marks and a
// sentence its full stop.
constexpr std::string_view kOpening[] = {"\"", "'", "(", "[", "\xE2\x80\x9C", "\xE2\x80\x98",
                                         "\xC2\xAB"};
constexpr std::string_view kClosing[] = {".", "!", "?", "\"", "'", ")", "]", "\xE2\x80\x9D",
                                         "\xE2\x80\x99", "\xC2\xBB", "\xE3\x80\x82"};
constexpr int kMaxAttached = 3;

std::size_t extend_back(std::string_view text, std::size_t begin, std::size_t room) {
  for (int n = 0; n < kMaxAttached; ++n) {
    bool found = false;
    for (const auto mark : kOpening) {
      if (mark.size() <= room && mark.size() <= begin &&
          text.compare(begin - mark.size(), mark.size(), mark) == 0) {
        begin -= mark.size();
        room -= mark.size();
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return begin;
}

std::size_t extend_forward(std::string_view text, std::size_t end, std::size_t room) {
  for (int n = 0; n < kMaxAttached; ++n) {
    bool found = false;
    for (const auto mark : kClosing) {
      if (mark.size() <= room && text.compare(end, mark.size(), mark) == 0) {
        end += mark.size();
        room -= mark.size();
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  return end;
}

// Words [first, j) whose span from words[first].begin fits in length (at
// least word first itself): the index j.
std::size_t fitting_end(const std::vector<PassageWord>& words, std::size_t first,
                        std::size_t length) {
  std::size_t j = first + 1;
  while (j < words.size() && words[j].end - words[first].begin <= length) ++j;
  return j;
}

// The first word of the best window: a sliding window over the words, each
// window as long as fits in length, scored by the summed weight of the
// distinct terms in it; of equal scores, the one with more matching words
// (the terms closer together), then the earliest. Only windows starting at a
// match need scoring (any other is no better than the one starting at its
// first match). kNone when nothing matches.
std::size_t best_match_start(const std::vector<PassageWord>& words,
                             const std::vector<double>& weights, std::size_t length) {
  std::vector<unsigned> counts(weights.size(), 0);
  double score = 0, best_score = 0;
  std::size_t matches = 0, best_matches = 0;
  std::size_t best = kNone;
  std::size_t j = 0;  // the window is [i, j)
  for (std::size_t i = 0; i < words.size(); ++i) {
    while (j < words.size() && (j <= i || words[j].end - words[i].begin <= length)) {
      const int t = words[j].term;
      if (t >= 0) {
        ++matches;
        if (counts[t]++ == 0) score += weights[t];
      }
      ++j;
    }
    if (words[i].term >= 0) {
      // The tolerance makes scores equal up to rounding compare equal.
      const double tolerance = best_score * 1e-9 + 1e-12;
      if (score > best_score + tolerance ||
          (score > best_score - tolerance && matches > best_matches)) {
        best_score = score;
        best_matches = matches;
        best = i;
      }
      const int t = words[i].term;
      --matches;
      if (--counts[t] == 0) score -= weights[t];
    }
  }
  return best;
}

// Where the window found at match `first` should start: at a sentence start
// shortly before it when the window's distinct terms still fit (repeats may
// drop out: a sentence start reads better than one more repeat), else a few
// words before it, for context.
std::size_t window_start(const std::vector<PassageWord>& words, std::size_t terms,
                         std::size_t first, std::size_t length) {
  // The last word the window needs: the last first occurrence of a term.
  std::vector<char> seen(terms, 0);
  std::size_t needed = first;
  const std::size_t end = fitting_end(words, first, length);
  for (std::size_t k = first; k < end; ++k) {
    const int t = words[k].term;
    if (t >= 0 && !seen[t]) {
      seen[t] = 1;
      needed = k;
    }
  }
  const std::size_t span = words[needed].end - words[first].begin;
  const std::size_t slack = length > span ? length - span : 0;
  const std::size_t to_sentence = std::min(slack, length / 2);
  for (std::size_t k = first;; --k) {
    if (words[first].begin - words[k].begin > to_sentence) break;
    if (words[k].sentence_start) return k;
    if (k == 0) break;
  }
  const std::size_t lead = std::min(slack, length / 5);
  std::size_t start = first;
  while (start > 0 && !words[start].sentence_start &&
         words[first].begin - words[start - 1].begin <= lead) {
    --start;
  }
  return start;
}

// Text with no words at all (only punctuation or symbols): its opening.
std::string render_opening(std::string_view text, std::size_t length) {
  const std::size_t cut = utf8_cut(text, 0, length);
  std::string out;
  append_escaped(out, text.substr(0, cut));
  if (cut < text.size()) out += kEllipsis;
  return out;
}

// A window that reaches the end of the text with room to spare starts
// earlier, at a sentence start if one fits, so a match in the last sentence
// still comes with context.
std::size_t fill_backwards(const std::vector<PassageWord>& words, std::size_t first,
                           std::size_t length) {
  const std::size_t last = words.size() - 1;
  if (fitting_end(words, first, length) != words.size()) return first;
  std::size_t start = first;
  while (start > 0 && words[last].end - words[start - 1].begin <= length) --start;
  for (std::size_t k = start; k < first; ++k) {
    if (words[k].sentence_start) return k;
  }
  return start == first || words[first].sentence_start ? first : start;
}

std::string render(std::string_view text, const std::vector<PassageWord>& words,
                   std::size_t first, std::size_t length) {
  first = fill_backwards(words, first, length);
  const std::size_t last = fitting_end(words, first, length) - 1;
  std::size_t begin = words[first].begin;
  std::size_t end = words[last].end;
  bool word_cut = false;
  if (end - begin > length) {  // one word longer than the whole passage
    end = utf8_cut(text, begin, length);
    word_cut = true;
  } else {
    begin = extend_back(text, begin, length - (end - begin));
    end = extend_forward(text, end, length - (end - begin));
  }

  std::string out;
  out.reserve(end - begin + 64);
  if (!words[first].sentence_start) out += kEllipsis;
  std::size_t at = begin;
  for (std::size_t k = first; k <= last && words[k].begin < end; ++k) {
    const PassageWord& w = words[k];
    append_escaped(out, text.substr(at, w.begin - at));
    const std::size_t word_end = std::min(w.end, end);
    if (w.term >= 0) out += kHighlightOpen;
    append_escaped(out, text.substr(w.begin, word_end - w.begin));
    if (w.term >= 0) out += kHighlightClose;
    at = word_end;
  }
  append_escaped(out, text.substr(at, end - at));
  if (word_cut || (last + 1 < words.size() && !words[last + 1].sentence_start)) out += kEllipsis;
  return out;
}

}  // namespace

void find_words(std::string_view text, std::size_t from, std::size_t to, WordMatcher& matcher,
                std::vector<PassageWord>& words) {
  const char* base = text.data();
  Cursor it(base + from, base + to);
  std::string word;
  bool sentence_start = true;
  bool after_terminator = false;
  bool after_abbreviation = false;  // the character just read follows one
  while (!it.at_end()) {
    const unsigned ch = *it;
    if (!is_wordchar(ch)) {
      if (is_cjk_terminator(ch) || (after_terminator && is_space(ch))) sentence_start = true;
      if (is_terminator(ch) && !(ch == '.' && after_abbreviation)) after_terminator = true;
      after_abbreviation = false;
      ++it;
      continue;
    }
    PassageWord w;
    w.begin = static_cast<std::size_t>(it.raw() - base);
    if (!(is_ascii_upper(ch) && read_initials(it, word))) read_word(it, word);
    w.end = static_cast<std::size_t>(it.raw() - base);
    w.sentence_start = sentence_start;
    words.push_back(w);
    after_abbreviation = is_abbreviation(word, ch);
    matcher.match(word, words);
    sentence_start = false;
    after_terminator = false;
  }
}

std::string render_best_passage(std::string_view text, const std::vector<PassageWord>& words,
                                const std::vector<double>& weights, std::size_t length) {
  if (text.empty() || length == 0) return {};
  if (words.empty()) return render_opening(text, length);
  const std::size_t match = best_match_start(words, weights, length);
  const std::size_t first =
      match == kNone ? 0 : window_start(words, weights.size(), match, length);
  return render(text, words, first, length);
}

}  // namespace berita
