#include "search/ranking.h"

#include <set>
#include <stdexcept>

#include "schema/schema.h"

namespace berita {

std::unique_ptr<Xapian::Weight> make_weight(const RankingConfig& c) {
  switch (c.scheme) {
    case WeightingScheme::kBM25:
      return std::make_unique<Xapian::BM25Weight>(c.bm25_k1, kBM25K2, kBM25K3, c.bm25_b,
                                                  kBM25MinNormLen);
    case WeightingScheme::kBM25Plus:
      return std::make_unique<Xapian::BM25PlusWeight>(c.bm25_k1, kBM25K2, kBM25K3, c.bm25_b,
                                                      kBM25MinNormLen, c.bm25_plus_delta);
    case WeightingScheme::kPL2:
      return std::make_unique<Xapian::PL2Weight>(c.dfr_c);
    case WeightingScheme::kDPH:
      return std::make_unique<Xapian::DPHWeight>();
    case WeightingScheme::kLM:
      return std::make_unique<Xapian::LMWeight>(0.0, Xapian::Weight::DIRICHLET_SMOOTHING, c.lm_mu);
  }
  throw std::logic_error("unknown weighting scheme");
}

WeightingScheme parse_weighting_scheme(const std::string& name) {
  for (auto scheme : {WeightingScheme::kBM25, WeightingScheme::kBM25Plus, WeightingScheme::kPL2,
                      WeightingScheme::kDPH, WeightingScheme::kLM}) {
    if (to_string(scheme) == name) return scheme;
  }
  throw std::invalid_argument("unknown weighting scheme '" + name +
                              "' (bm25, bm25+, pl2, dph or lm)");
}

std::string to_string(WeightingScheme scheme) {
  switch (scheme) {
    case WeightingScheme::kBM25:
      return "bm25";
    case WeightingScheme::kBM25Plus:
      return "bm25+";
    case WeightingScheme::kPL2:
      return "pl2";
    case WeightingScheme::kDPH:
      return "dph";
    case WeightingScheme::kLM:
      return "lm";
  }
  return "?";
}

DefaultOperator parse_default_operator(const std::string& name) {
  for (auto op : {DefaultOperator::kOr, DefaultOperator::kAnd, DefaultOperator::kEliteSet}) {
    if (to_string(op) == name) return op;
  }
  throw std::invalid_argument("unknown default operator '" + name + "' (or, and or elite)");
}

std::string to_string(DefaultOperator op) {
  switch (op) {
    case DefaultOperator::kOr:
      return "or";
    case DefaultOperator::kAnd:
      return "and";
    case DefaultOperator::kEliteSet:
      return "elite";
  }
  return "?";
}

Xapian::Query::op query_op(DefaultOperator op) {
  switch (op) {
    case DefaultOperator::kOr:
      return Xapian::Query::OP_OR;
    case DefaultOperator::kAnd:
      return Xapian::Query::OP_AND;
    case DefaultOperator::kEliteSet:
      return Xapian::Query::OP_ELITE_SET;
  }
  return Xapian::Query::OP_OR;
}

unsigned count_query_words(const Xapian::Query& query) {
  std::set<std::string> words;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    std::string term = *it;
    // Stemmed terms carry the Z marker; other upper-case leads are prefixes
    // of fields and filters.
    if (term.size() > 1 && term[0] == schema::prefix::kStemmed[0] &&
        !(term[1] >= 'A' && term[1] <= 'Z')) {
      term.erase(0, 1);
    }
    if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;
    words.insert(term);
  }
  return static_cast<unsigned>(words.size());
}

}  // namespace berita
