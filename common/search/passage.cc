#include "search/passage.h"

#include <algorithm>

#include <xapian.h>

#include "search/snippets.h"
#include "text/html_escape.h"
#include "text/words.h"

namespace berita {
namespace {

constexpr const char* kEllipsis = "\xE2\x80\xA6";
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_ascii_upper(unsigned ch) { return ch >= 'A' && ch <= 'Z'; }

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
// first_byte: the word's first byte in the text (only its case matters).
bool is_abbreviation(const std::string& lower_word, unsigned char first_byte) {
  if (lower_word.size() == 1) return is_ascii_upper(first_byte);
  static constexpr std::string_view kTitles[] = {"mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr"};
  return is_ascii_upper(first_byte) &&
         std::find(std::begin(kTitles), std::end(kTitles), lower_word) != std::end(kTitles);
}

bool is_space(unsigned ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
         (ch >= 128 && Xapian::Unicode::is_whitespace(ch));
}

// Where sentences start, read from the words of a paragraph and the text
// between them: a word starts a sentence when it is the paragraph's first,
// or follows a terminator and white space ("Oil rose. Gas fell", but not
// "Mr. Tan" or "A. Karasmasoglu"), or follows a CJK stop.
class SentenceTracker {
 public:
  // Call with the text between two words (or before the first word).
  void read_between_words(std::string_view between) {
    // Mostly a space or two and some punctuation: ASCII is read inline.
    for (std::size_t i = 0; i < between.size();) {
      unsigned ch = static_cast<unsigned char>(between[i]);
      if (ch < 0x80) {
        ++i;
      } else {
        Xapian::Utf8Iterator it(between.data() + i, between.size() - i);
        ch = *it;
        ++it;
        i = static_cast<std::size_t>(it.raw() - between.data());
      }
      if (is_cjk_terminator(ch) || (after_terminator_ && is_space(ch))) sentence_start_ = true;
      if (is_terminator(ch) && !(ch == '.' && after_abbreviation_)) after_terminator_ = true;
      after_abbreviation_ = false;
    }
  }
  // Whether the word about to be read starts a sentence.
  bool at_sentence_start() const { return sentence_start_; }
  // Then call with the word, lower-cased, and its first byte.
  void read_word(const std::string& lower_word, unsigned char first_byte) {
    after_abbreviation_ = is_abbreviation(lower_word, first_byte);
    sentence_start_ = false;
    after_terminator_ = false;
  }

 private:
  bool sentence_start_ = true;
  bool after_terminator_ = false;
  bool after_abbreviation_ = false;  // the character just read follows one
};

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
  append_html_escaped(out, text.substr(0, cut));
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
    append_html_escaped(out, text.substr(at, w.begin - at));
    const std::size_t word_end = std::min(w.end, end);
    if (w.term >= 0) out += kHighlightOpen;
    append_html_escaped(out, text.substr(w.begin, word_end - w.begin));
    if (w.term >= 0) out += kHighlightClose;
    at = word_end;
  }
  append_html_escaped(out, text.substr(at, end - at));
  if (word_cut || (last + 1 < words.size() && !words[last + 1].sentence_start)) out += kEllipsis;
  return out;
}

}  // namespace

void find_words(std::string_view text, std::size_t from, std::size_t to, WordMatcher& matcher,
                std::vector<PassageWord>& words) {
  const std::string_view paragraph = text.substr(from, to - from);
  WordReader reader(paragraph);
  SentenceTracker sentences;
  std::size_t gap = 0;  // where the text between the last word and the next starts
  while (reader.next()) {
    sentences.read_between_words(paragraph.substr(gap, reader.begin() - gap));
    gap = reader.end();
    PassageWord w;
    w.begin = from + reader.begin();
    w.end = from + reader.end();
    w.sentence_start = sentences.at_sentence_start();
    words.push_back(w);
    sentences.read_word(reader.word(), static_cast<unsigned char>(paragraph[reader.begin()]));
    matcher.match(reader.word(), words);
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
