#include "text/synonym_terms.h"

#include <string_view>

#include "schema/schema.h"

namespace berita {
namespace {

// "minister's" -> "minister": the possessive is the same expression.
std::string_view without_possessive(std::string_view word) {
  if (word.size() > 2 && word.compare(word.size() - 2, 2, "'s") == 0) {
    word.remove_suffix(2);
  }
  return word;
}

std::vector<std::string> entry_words(const std::string& entry) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (true) {
    const std::size_t space = entry.find(' ', start);
    words.emplace_back(without_possessive(entry.substr(start, space - start)));
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return words;
}

}  // namespace

SynonymTerms::SynonymTerms(const std::vector<SynonymGroup>& groups, const Xapian::Stem& stemmer)
    : groups_(groups), stemmer_(stemmer) {
  for (const auto& group : groups_) {
    for (const auto& entry : group.entries) {
      if (!has_space(entry)) continue;
      auto& phrases = phrases_by_first_word_[entry_words(entry).front()];
      bool known = false;
      for (const auto& phrase : phrases) known = known || phrase.term == entry;
      if (!known) phrases.push_back({entry_words(entry), entry});
    }
  }
}

void SynonymTerms::find_phrases(const std::vector<std::string>& words, Occurrences& found) const {
  found.clear();
  if (phrases_by_first_word_.empty()) return;
  std::string first;
  for (std::size_t i = 0; i < words.size(); ++i) {
    first.assign(without_possessive(words[i]));
    const auto candidates = phrases_by_first_word_.find(first);
    if (candidates == phrases_by_first_word_.end()) continue;
    for (const auto& phrase : candidates->second) {
      if (i + phrase.words.size() > words.size()) continue;
      bool match = true;
      for (std::size_t k = 1; k < phrase.words.size() && match; ++k) {
        match = without_possessive(words[i + k]) == phrase.words[k];
      }
      if (!match) continue;
      bool counted = false;
      for (auto& [term, count] : found) {
        if (term == &phrase.term) {
          ++count;
          counted = true;
        }
      }
      if (!counted) found.emplace_back(&phrase.term, 1);
    }
  }
}

std::string SynonymTerms::value_term(const std::string& entry, const std::string& prefix) const {
  if (has_space(entry)) return prefix + entry;
  return schema::stemmed_term(prefix, stemmer_, entry);
}

std::vector<std::string> SynonymTerms::key_terms(const std::string& entry,
                                                 const std::string& prefix) const {
  // QueryParser builds a multi-word key from the bare words, whatever field
  // they were typed in, so only the unprefixed table has multi-word keys.
  if (has_space(entry)) {
    if (prefix.empty()) return {entry};
    return {};
  }
  // QueryParser looks a word up by its stem; the word as written is the key
  // "did you mean" asks about (an expression from the file is never a slip).
  return {prefix + entry, schema::stemmed_term(prefix, stemmer_, entry)};
}

SynonymTable SynonymTerms::table(const std::vector<std::string>& field_prefixes) const {
  std::vector<std::string> prefixes = {""};
  prefixes.insert(prefixes.end(), field_prefixes.begin(), field_prefixes.end());
  SynonymTable table;
  for (const auto& group : groups_) {
    for (const auto& prefix : prefixes) {
      for (const auto& entry : group.entries) {
        // QueryParser puts a single word itself first in its OP_SYNONYM.
        // For a multi-word key it puts the words (ORed), which
        // rebalance_synonyms (query/synonym_query.h) splits off; the
        // expression's own term then stands for it among its synonyms.
        const std::string own = has_space(entry) ? std::string() : value_term(entry, prefix);
        for (const auto& key : key_terms(entry, prefix)) {
          for (const auto& other : group.entries) {
            std::string value = value_term(other, prefix);
            if (value != own) table[key].insert(std::move(value));
          }
        }
      }
    }
  }
  return table;
}

}  // namespace berita
