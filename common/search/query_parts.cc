#include "search/query_parts.h"

#include <algorithm>
#include <cstdlib>

#include "schema/schema.h"
#include "search/explain.h"
#include "text/analyzer.h"

namespace berita {
namespace {

constexpr std::size_t kDescriptionOpening = sizeof("Query(") - 1;

bool is_capital(char c) {
  return c >= 'A' && c <= 'Z';
}

class OneDocument : public Xapian::PostingSource {
 public:
  explicit OneDocument(Xapian::docid did) : did_(did) {}
  OneDocument* clone() const override { return new OneDocument(did_); }
  void init(const Xapian::Database&) override { state_ = State::kBefore; }
  // The document may be missing from the database; 0 keeps the bound honest.
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return 1; }
  Xapian::doccount get_termfreq_max() const override { return 1; }
  void next(double) override { state_ = state_ == State::kBefore ? State::kOn : State::kAfter; }
  void skip_to(Xapian::docid target, double) override {
    if (state_ == State::kBefore) state_ = State::kOn;
    if (did_ < target) state_ = State::kAfter;
  }
  bool at_end() const override { return state_ == State::kAfter; }
  Xapian::docid get_docid() const override { return did_; }
  std::string name() const override { return "berita::OneDocument"; }

 private:
  enum class State { kBefore, kOn, kAfter };
  Xapian::docid did_;
  State state_ = State::kBefore;
};

}  // namespace

TermParts split_term(const std::string& term) {
  TermParts parts;
  std::size_t at = 0;
  if (term.size() > 1 && term[0] == schema::prefix::kStemmed[0]) {
    parts.stemmed = true;
    at = 1;
  }
  std::size_t end = at;
  while (end < term.size() && is_capital(term[end])) ++end;
  parts.prefix = term.substr(at, end - at);
  if (!parts.prefix.empty() && end < term.size() && term[end] == ':') ++end;
  parts.word = term.substr(end);
  return parts;
}

std::string field_name(const std::string& prefix) {
  if (prefix.empty()) return kAllFieldsName;
  for (const auto& field : schema::kQueryFields) {
    if (prefix == field.prefix) return field.name;
  }
  return prefix;
}

std::vector<WeightedField> weighted_fields(const Xapian::Database& db) {
  const AnalyzerConfig defaults;
  std::vector<WeightedField> fields;
  const auto add = [&](const char* prefix, unsigned weight) {
    const std::string indexed = schema::stemmed_prefix(prefix);
    if (db.allterms_begin(indexed) == db.allterms_end(indexed)) return;
    fields.push_back({field_name(prefix), prefix, weight});
  };
  add(schema::prefix::kTitle, defaults.title_weight);
  add(schema::prefix::kStandfirst, defaults.standfirst_weight);
  return fields;
}

// Query 1.4 has no accessors for a scale factor or a term's wqf, but its
// description prints both exactly ("Query(0.30000000000000004441 * ...)",
// "Query(Zflood#2@1)"): %.20g round-trips a double.
double scale_factor_of(const Xapian::Query& scaled) {
  const std::string description = scaled.get_description();
  if (description.size() <= kDescriptionOpening) return 1.0;
  return std::strtod(description.c_str() + kDescriptionOpening, nullptr);
}

Xapian::termcount wqf_of(const Xapian::Query& leaf) {
  if (leaf.get_terms_begin() == leaf.get_terms_end()) return 1;
  // The description escapes unusual bytes of the term; a bare term's
  // description shows how long the escaped term is.
  const std::string bare = Xapian::Query(*leaf.get_terms_begin()).get_description();
  const std::string description = leaf.get_description();
  const std::size_t after_term = bare.size() - 1;  // without the closing ')'
  if (description.size() <= after_term || description[after_term] != '#') return 1;
  return static_cast<Xapian::termcount>(
      std::strtoul(description.c_str() + after_term + 1, nullptr, 10));
}

std::string wildcard_pattern_of(const Xapian::Query& wildcard) {
  // "Query(WILDCARD SYNONYM elect)": the pattern is the last word.
  const std::string description = wildcard.get_description();
  const std::size_t space = description.rfind(' ');
  if (space == std::string::npos || description.size() < space + 2) return {};
  return description.substr(space + 1, description.size() - space - 2);
}

Xapian::Query only_document(Xapian::docid did) {
  return Xapian::Query((new OneDocument(did))->release());
}

}  // namespace berita
