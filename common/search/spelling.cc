#include "search/spelling.h"

#include <algorithm>
#include <vector>

#include "schema/schema.h"
#include "search/word_neighbours.h"
#include "text/utf8.h"

namespace berita {
namespace {

using Xapian::Unicode::is_wordchar;

// A word written once is as likely a misspelling itself ("carroon" for
// "cartoon" on Reuters) as the spelling someone meant.
constexpr Xapian::termcount kMinAbsentFixOccurrences = 2;

bool is_apostrophe_or_ampersand(unsigned ch) {
  return ch == '\'' || ch == '&' || ch == 0x2019 || ch == 0x201b;
}

bool is_double_quote(unsigned ch) {
  return ch == '"' || ch == 0x201c || ch == 0x201d;
}

bool has_digit(const std::string& word) {
  for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it) {
    if (Xapian::Unicode::get_category(*it) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER) return true;
  }
  return false;
}

bool is_capital(unsigned ch) {
  const auto category = Xapian::Unicode::get_category(ch);
  return category == Xapian::Unicode::UPPERCASE_LETTER ||
         category == Xapian::Unicode::TITLECASE_LETTER;
}

bool is_operator(const std::string& word) {
  return word == "AND" || word == "OR" || word == "NOT" || word == "XOR" || word == "NEAR" ||
         word == "ADJ";
}

bool is_free_text_field(const std::string& name) {
  for (const auto& field : schema::kQueryFields) {
    if (name == field.name) return field.kind == schema::FieldKind::kFreeText;
  }
  return false;
}

// The user's capitalisation carried over: "MAHATIR" -> "MAHATHIR",
// "Mahatir" -> "Mahathir".
std::string with_case_of(const std::string& typed, const std::string& fix) {
  if (Xapian::Unicode::toupper(typed) == typed && Xapian::Unicode::tolower(typed) != typed) {
    return Xapian::Unicode::toupper(fix);
  }
  if (!is_capital(*Xapian::Utf8Iterator(typed))) return fix;
  Xapian::Utf8Iterator rest(fix);
  std::string out;
  Xapian::Unicode::append_utf8(out, Xapian::Unicode::toupper(*rest));
  ++rest;
  out.append(rest.raw(), rest.left());
  return out;
}

class Corrector {
 public:
  Corrector(const Xapian::Database& db, const Analyzer& analyzer, const SpellingOptions& options)
      : db_(db), analyzer_(analyzer), options_(options) {}

  // The correction of one query word (lower-cased result), or "". A word's
  // frequency is its stem's, the articles a search for it finds: the index
  // holds stems only.
  std::string correct(const std::string& typed) const {
    const std::string word = Xapian::Unicode::tolower(typed);
    const std::size_t length = code_points(word).size();
    if (length < kMinAbsentWordLength || has_digit(word) || is_english_stopword(word)) return {};
    // An expression from the synonyms file ("sprm") is meant as typed.
    if (db_.synonyms_begin(word) != db_.synonyms_end(word)) return {};
    const Xapian::doccount frequency = frequency_of(word);
    if (frequency == 0) {
      const WordNeighbour fix = most_frequent(neighbours(word));
      if (fix.word.empty() || !is_typing_slip(code_points(word), code_points(fix.word), true)) {
        return {};
      }
      return db_.get_collection_freq(stemmed(fix.word)) >= kMinAbsentFixOccurrences
                 ? fix.word
                 : std::string();
    }
    if (frequency > max_present_frequency() || length < options_.min_present_word_length) {
      return {};
    }
    const WordNeighbour fix = most_frequent(neighbours(word));
    if (fix.word.empty() || !is_typing_slip(code_points(word), code_points(fix.word), false)) {
      return {};
    }
    // A neighbour with the word's own stem ("anchor" for "anchors") has the
    // same frequency, so it never passes: stemming already finds it.
    return fix.frequency >= options_.min_ratio * frequency ? fix.word : std::string();
  }

 private:
  std::string stemmed(const std::string& word) const {
    return schema::stemmed_term("", analyzer_.stemmer(), word);
  }

  Xapian::doccount frequency_of(const std::string& word) const {
    return db_.get_termfreq(stemmed(word));
  }

  std::vector<WordNeighbour> neighbours(const std::string& word) const {
    return find_neighbours(db_, analyzer_.stemmer(), word);
  }

  // The most common word one edit away; only when that is a typing slip is
  // it suggested: a more common neighbour that is no slip ("towel" for
  // "bowel") says the word is a real word. Ties go to the alphabetically
  // first, so the answer does not depend on the order of the search.
  static WordNeighbour most_frequent(const std::vector<WordNeighbour>& neighbours) {
    WordNeighbour best;
    for (const auto& n : neighbours) {
      if (n.frequency > best.frequency || (n.frequency == best.frequency && n.word < best.word)) {
        best = n;
      }
    }
    return best;
  }

  Xapian::doccount max_present_frequency() const {
    return std::max(options_.max_present_frequency,
                    static_cast<Xapian::doccount>(db_.get_doccount() * options_.max_present_share));
  }

  const Xapian::Database& db_;
  const Analyzer& analyzer_;
  const SpellingOptions& options_;
};

// Walks the query text, copying everything and replacing the words that
// Corrector corrects.
class QueryRewriter {
 public:
  QueryRewriter(const std::string& text, const Corrector& corrector)
      : text_(text), corrector_(corrector) {}

  std::string run() {
    Xapian::Utf8Iterator it(text_);
    const Xapian::Utf8Iterator end;
    bool in_quotes = false;
    while (it != end) {
      if (!is_wordchar(*it)) {
        if (is_double_quote(*it)) in_quotes = !in_quotes;
        ++it;
        continue;
      }
      const std::size_t start = offset(it);
      const std::string word = read_word(it);
      const unsigned next = it == end ? 0 : *it;
      if (next == ':' && !in_quotes && !is_free_text_field(word)) {
        skip_filter_value(it);
        continue;
      }
      if (next == ':' || next == '*' || is_operator(word)) continue;
      const std::string fix = corrector_.correct(word);
      if (!fix.empty()) replacements_.push_back({start, word.size(), with_case_of(word, fix)});
    }
    if (replacements_.empty()) return {};
    std::string out;
    std::size_t copied = 0;
    for (const auto& r : replacements_) {
      out.append(text_, copied, r.start - copied);
      out += r.text;
      copied = r.start + r.length;
    }
    out.append(text_, copied, std::string::npos);
    return out == text_ ? std::string() : out;
  }

 private:
  struct Replacement {
    std::size_t start;
    std::size_t length;
    std::string text;
  };

  std::size_t offset(const Xapian::Utf8Iterator& it) const {
    return static_cast<std::size_t>(it.raw() - text_.data());
  }

  // A filter's value ("source:bernama", "source:\"The Star\"",
  // "date:2018-07..2018-08") is an identifier, not words; it is skipped
  // from the colon on.
  static void skip_filter_value(Xapian::Utf8Iterator& it) {
    const Xapian::Utf8Iterator end;
    ++it;
    if (it != end && is_double_quote(*it)) {
      do {
        ++it;
      } while (it != end && !is_double_quote(*it));
      if (it != end) ++it;
      return;
    }
    while (it != end && !Xapian::Unicode::is_whitespace(*it)) ++it;
  }

  // Word characters, joined across a single apostrophe or '&' ("Ku's").
  std::string read_word(Xapian::Utf8Iterator& it) const {
    const Xapian::Utf8Iterator end;
    const std::size_t start = offset(it);
    while (it != end) {
      if (is_wordchar(*it)) {
        ++it;
        continue;
      }
      Xapian::Utf8Iterator after = it;
      ++after;
      if (!is_apostrophe_or_ampersand(*it) || after == end || !is_wordchar(*after)) break;
      it = after;
    }
    return text_.substr(start, offset(it) - start);
  }

  const std::string& text_;
  const Corrector& corrector_;
  std::vector<Replacement> replacements_;
};

}  // namespace

std::string suggest_correction(const Xapian::Database& db, const std::string& query_text,
                               const Analyzer& analyzer, const SpellingOptions& options) {
  const Corrector corrector(db, analyzer, options);
  return QueryRewriter(query_text, corrector).run();
}

}  // namespace berita
