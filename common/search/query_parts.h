// Reading a Xapian 1.4 query and its terms: what explanations need and the
// Query API does not expose (scale factors, wqf, wildcard patterns), how a
// Berita term splits into stem marker, field prefix and word and which field
// that is, and a query matching one document. Internal to common/search.
#ifndef BERITA_SEARCH_QUERY_PARTS_H
#define BERITA_SEARCH_QUERY_PARTS_H

#include <xapian.h>

#include <string>
#include <vector>

namespace berita {

// "ZSflood" -> stemmed, prefix "S", word "flood"; "XSRCbernama" -> prefix
// "XSRC"; "flood" -> no prefix. Xapian's conventions: Z marks a stem, a
// prefix is a run of capitals, ':' separates it from a word that itself
// starts with a capital.
struct TermParts {
  bool stemmed = false;
  std::string prefix;
  std::string word;
};
TermParts split_term(const std::string& term);

// The field a term prefix stands for ("S" -> "title", "" -> "text", the
// name of a search across all fields); an unknown prefix names itself.
std::string field_name(const std::string& prefix);

// A free-text field whose words count more than body words in the
// all-fields term, and how many times (AnalyzerConfig: title 3, standfirst
// 2). The database does not record the weights it was built with, so
// Berita's defaults are given.
struct WeightedField {
  std::string name;
  std::string prefix;
  unsigned weight;
};
// The weighted fields some article in db has.
std::vector<WeightedField> weighted_fields(const Xapian::Database& db);

// The factor of an OP_SCALE_WEIGHT query, exactly.
double scale_factor_of(const Xapian::Query& scaled);
// The within-query frequency of a LEAF_TERM query (Query(term, wqf, pos)).
Xapian::termcount wqf_of(const Xapian::Query& leaf);
// The term prefix an OP_WILDCARD query expands ("elect" for elect*).
std::string wildcard_pattern_of(const Xapian::Query& wildcard);

// Matches document did and nothing else, with no weight: the right side of
// an OP_FILTER that asks Xapian whether, and with what weight, a subquery
// matches that one document.
Xapian::Query only_document(Xapian::docid did);

}  // namespace berita

#endif
