#include "search/snippets.h"

#include <algorithm>
#include <cmath>

#include "schema/schema.h"
#include "search/passage.h"
#include "search/query_parts.h"

namespace berita {
namespace {

// A wildcard's expansions are not known here; it weighs as a word found in
// 1% of the articles would.
const double kWildcardWeight = std::log(1.0 + 100.0);

// Free-text field prefixes mark the same stems as terms without one; the
// other prefixes are ids and filters, which are not text.
bool is_text_prefix(const std::string& prefix) {
  if (prefix.empty()) return true;
  for (const auto& field : schema::kQueryFields) {
    if (field.kind == schema::FieldKind::kFreeText && prefix == field.prefix) return true;
  }
  return false;
}

struct CollectedTerms {
  std::vector<std::string> terms;
  std::vector<std::string> wildcards;
};

// The terms that can make a document match or score: not the filter side of
// OP_FILTER nor the excluded side of OP_AND_NOT.
void collect(const Xapian::Query& query, CollectedTerms& out) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const auto it = query.get_terms_begin();
      if (it != query.get_terms_end() && !(*it).empty()) out.terms.push_back(*it);
      return;
    }
    case Xapian::Query::OP_WILDCARD:
      out.wildcards.push_back(wildcard_pattern_of(query));
      return;
    case Xapian::Query::OP_AND_NOT:
    case Xapian::Query::OP_FILTER:
      if (query.get_num_subqueries() > 0) collect(query.get_subquery(0), out);
      return;
    default:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        collect(query.get_subquery(i), out);
      }
  }
}

std::vector<std::string> split_spaces(const std::string& text) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t space = std::min(text.find(' ', at), text.size());
    if (space > at) words.push_back(text.substr(at, space - at));
    at = space + 1;
  }
  return words;
}

// A text word matches a phrase word itself or as its possessive, as the
// indexer matched multi-word synonyms ("prime minister's office").
// The English (Porter2) and Porter stemmers only change a word's ending,
// so a word can stem to a query stem only if it starts with the stem's first
// byte (checked on 150,000 distinct words of the Reuters, BBC and Malaysian
// corpora). Other stemmers may change the start (Indonesian removes
// prefixes), so every word is a candidate there.
bool keeps_first_byte(const Xapian::Stem& stemmer) {
  const std::string name = stemmer.get_description();
  return name == "Xapian::Stem(english)" || name == "Xapian::Stem(porter)";
}

unsigned char first_byte(const std::string& word) { return static_cast<unsigned char>(word[0]); }

bool same_word(const std::string& text_word, const std::string& phrase_word) {
  if (text_word == phrase_word) return true;
  return text_word.size() == phrase_word.size() + 2 &&
         text_word.compare(0, phrase_word.size(), phrase_word) == 0 &&
         text_word.compare(phrase_word.size(), 2, "'s") == 0;
}

}  // namespace

int SnippetTerms::add_term(double weight) {
  weights_.push_back(weight);
  return static_cast<int>(weights_.size() - 1);
}

SnippetTerms::SnippetTerms(const Xapian::Query& query, const Xapian::Database& db,
                           const Xapian::Stem& stemmer)
    : stemmer_(stemmer) {
  CollectedTerms collected;
  collect(query, collected);
  std::sort(collected.terms.begin(), collected.terms.end());
  collected.terms.erase(std::unique(collected.terms.begin(), collected.terms.end()),
                        collected.terms.end());
  const double docs = std::max(1.0, static_cast<double>(db.get_doccount()));
  // Frequencies of the unprefixed terms: the snippet shows body text.
  const auto weight_of = [&](const std::string& term) {
    const double frequency = std::max(1.0, static_cast<double>(db.get_termfreq(term)));
    return std::log(1.0 + docs / frequency);
  };
  std::vector<TermParts> words;
  // Stems first, so that an unstemmed word of the same stem joins its term.
  for (const auto& term : collected.terms) {
    TermParts parts = split_term(term);
    if (parts.word.empty() || !is_text_prefix(parts.prefix)) continue;
    if (!parts.stemmed) {
      words.push_back(std::move(parts));
      continue;
    }
    if (stems_.count(parts.word) != 0) continue;
    stems_.emplace(parts.word, add_term(weight_of(schema::stemmed_prefix("") + parts.word)));
  }
  for (const auto& parts : words) {
    if (parts.word.find(' ') != std::string::npos) {
      std::vector<std::string> phrase = split_spaces(parts.word);
      if (phrase.size() > 1) phrases_.push_back({std::move(phrase), add_term(weight_of(parts.word))});
      continue;
    }
    if (words_.count(parts.word) != 0) continue;
    const auto stem = stems_.find(stemmer_(parts.word));
    if (stem != stems_.end()) {
      words_.emplace(parts.word, stem->second);
      weights_[stem->second] = std::max(weights_[stem->second], weight_of(parts.word));
    } else {
      words_.emplace(parts.word, add_term(weight_of(parts.word)));
    }
  }
  for (const auto& pattern : collected.wildcards) {
    const TermParts parts = split_term(pattern);
    if (parts.word.empty() || !is_text_prefix(parts.prefix)) continue;
    wildcards_.emplace_back(parts.word, add_term(kWildcardWeight));
  }

  for (const auto& entry : words_) first_bytes_[first_byte(entry.first)] = true;
  for (const auto& entry : wildcards_) first_bytes_[first_byte(entry.first)] = true;
  if (!stems_.empty()) {
    if (keeps_first_byte(stemmer_) || stemmer_.is_none()) {
      for (const auto& entry : stems_) first_bytes_[first_byte(entry.first)] = true;
    } else {
      first_bytes_.fill(true);
    }
  }
}

// Looks each word of one article up; a word not found as typed is stemmed
// at most once per article (the cache).
class SnippetTerms::Matcher : public WordMatcher {
 public:
  explicit Matcher(const SnippetTerms& terms) : terms_(terms) {}

  void match(const std::string& word, std::vector<PassageWord>& words) override {
    words.back().term = term_of(word);
    if (!terms_.phrases_.empty()) match_phrases(word, words);
  }

 private:
  int term_of(const std::string& word) {
    if (!terms_.first_bytes_[first_byte(word)]) return -1;
    const auto typed = terms_.words_.find(word);
    if (typed != terms_.words_.end()) return typed->second;
    if (terms_.stems_.empty() && terms_.wildcards_.empty()) return -1;
    const auto cached = cache_.find(word);
    if (cached != cache_.end()) return cached->second;
    int term = -1;
    if (!terms_.stems_.empty()) {
      const auto stem = terms_.stems_.find(terms_.stemmer_(word));
      if (stem != terms_.stems_.end()) term = stem->second;
    }
    for (std::size_t i = 0; term < 0 && i < terms_.wildcards_.size(); ++i) {
      const std::string& pattern = terms_.wildcards_[i].first;
      if (word.compare(0, pattern.size(), pattern) == 0) term = terms_.wildcards_[i].second;
    }
    cache_.emplace(word, term);
    return term;
  }

  // A multi-word term is recognised at its last word and marks all its
  // words that no single-word term marked already.
  void match_phrases(const std::string& word, std::vector<PassageWord>& words) {
    lowered_.push_back(word);
    for (const auto& phrase : terms_.phrases_) {
      const std::size_t n = phrase.words.size();
      if (n > lowered_.size()) continue;
      const std::size_t at = lowered_.size() - n;
      const std::size_t first = words.size() - n;
      bool all = true;
      for (std::size_t k = 0; all && k < n; ++k) {
        // Not across a sentence or paragraph break.
        all = same_word(lowered_[at + k], phrase.words[k]) &&
              (k == 0 || !words[first + k].sentence_start);
      }
      if (!all) continue;
      for (std::size_t k = 0; k < n; ++k) {
        PassageWord& w = words[first + k];
        if (w.term < 0) w.term = phrase.term;
      }
    }
  }

  const SnippetTerms& terms_;
  std::unordered_map<std::string, int> cache_;
  std::vector<std::string> lowered_;  // every word so far, when there are phrases
};

std::string make_snippet(const SnippetTerms& terms, const Article& article, std::size_t length) {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> paragraphs;
  const auto add = [&](const std::string& paragraph) {
    if (paragraph.empty()) return;
    if (!text.empty()) text += ' ';
    paragraphs.emplace_back(text.size(), text.size() + paragraph.size());
    text += paragraph;
  };
  add(article.standfirst);
  for (const auto& paragraph : article.paragraphs) add(paragraph);
  if (text.empty()) add(article.title);
  if (text.empty()) return {};

  std::vector<PassageWord> words;
  words.reserve(text.size() / 5);
  SnippetTerms::Matcher matcher(terms);
  for (const auto& [from, to] : paragraphs) find_words(text, from, to, matcher, words);
  return render_best_passage(text, words, terms.weights_, length);
}

}  // namespace berita
