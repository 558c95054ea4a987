#include "search/explain_summary.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "search/explain.h"
#include "text/analyzer.h"
#include "text/utf8.h"

namespace berita {
namespace {

std::string format_number(double value) {
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
  return result.ec == std::errc() ? std::string(buffer, result.ptr) : std::string("?");
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

std::string summarise(const Explanation& explanation, double score,
                      const std::set<std::string>& query_words,
                      const std::string& unexplained_scheme) {
  const bool per_term = unexplained_scheme.empty();
  std::vector<std::string> title_words;
  // A title word found through the all-fields term counted title_weight
  // times; one found by a title: search did not.
  bool weighted_title = false;
  std::set<std::string> matched_words;
  double feedback = 0;
  const ScoreTerm* strongest = nullptr;
  for (const ScoreTerm& term : explanation.terms) {
    if (term.field == kFeedbackFieldName) {
      feedback += term.weight;
      continue;
    }
    if (term.weight > 0 || !per_term) matched_words.insert(term.word);
    if (strongest == nullptr) strongest = &term;
    const bool in_title = term.field == "title" || contains(term.found_in, "title");
    if (in_title && !contains(title_words, term.word)) {
      title_words.push_back(term.word);
      weighted_title = weighted_title || term.field == kAllFieldsName;
    }
  }

  std::vector<std::string> items;
  if (!title_words.empty()) {
    std::string item = "title match on '" + join(title_words, "', '") + "'";
    if (weighted_title) item += " (x" + std::to_string(AnalyzerConfig{}.title_weight) + ")";
    items.push_back(item);
  }
  if (!query_words.empty()) {
    std::size_t matched = 0;
    for (const auto& word : query_words) matched += matched_words.count(word);
    items.push_back(std::to_string(matched) + " of " + std::to_string(query_words.size()) +
                    (query_words.size() == 1 ? " word" : " words"));
  } else if (explanation.terms.empty()) {
    items.push_back("no scored words");
  }
  if (!per_term) {
    items.push_back("total " + format_number(score) + " (" + unexplained_scheme +
                    ": per-term weights are computed for bm25 only)");
  } else if (strongest != nullptr) {
    items.push_back("strongest '" + strongest->word + "' " + format_number(strongest->weight) +
                    " of " + format_number(score));
  }
  if (feedback != 0) items.push_back("feedback " + format_number(feedback));
  if (explanation.freshness != 0) {
    items.push_back("freshness " + format_number(explanation.freshness));
  }
  if (explanation.other != 0 && per_term) {
    items.push_back("other " + format_number(explanation.other));
  }
  return join(items, ", ");
}

}  // namespace berita
