// How Berita scores matches: the weighting scheme and its parameters, stop
// words in queries, the default operator between query words, and
// pseudo-relevance feedback. Query-time only: changing these needs no
// re-indexing. The defaults are the settings measured best across the five
// test collections (docs/RELEVANCE.md has the numbers behind each one).
#ifndef BERITA_SEARCH_RANKING_H
#define BERITA_SEARCH_RANKING_H

#include <xapian.h>

#include <memory>
#include <string>

namespace berita {

enum class WeightingScheme {
  kBM25,      // Okapi BM25 (k1, b)
  kBM25Plus,  // BM25 with a lower bound (bm25_plus_delta) on a matching term's weight
  kPL2,       // divergence from randomness, Poisson model (dfr_c)
  kDPH,       // divergence from randomness, parameter-free
  kLM,        // query likelihood with Dirichlet smoothing (lm_mu)
};

enum class DefaultOperator {
  kOr,        // any word matches; documents with more words rank higher
  kAnd,       // every word must match
  kEliteSet,  // OR over the query's most informative words only
};

// Xapian's BM25 defaults for the parameters Berita does not expose: k2 = 0
// (no query-length correction), k3 = 1 (repeated query words count), and a
// floor of 0.5 on normalised length so tiny documents do not dominate.
// make_weight passes them and explain.cc recomputes scores with them.
inline constexpr double kBM25K2 = 0;
inline constexpr double kBM25K3 = 1;
inline constexpr double kBM25MinNormLen = 0.5;

struct RankingConfig {
  WeightingScheme scheme = WeightingScheme::kBM25;
  // BM25/BM25+ term-frequency saturation: 0 ignores repeats, larger trusts
  // them more. Xapian's own default is 1.0; 1.2 to 1.6 measured best.
  double bm25_k1 = 1.4;
  // BM25/BM25+ document length normalisation, 0 (none) to 1 (full).
  // Xapian's own default is 0.5; 0.5 to 0.6 measured best (NPL's short
  // abstracts suffer above that, MED and CISI gain a little).
  double bm25_b = 0.6;
  double bm25_plus_delta = 1.0;
  double dfr_c = 1.0;     // PL2 term-frequency normalisation
  double lm_mu = 2000.0;  // Dirichlet prior of the LM scheme

  // Drop common English words (Analyzer's list) from free-text queries,
  // unless they are inside a phrase or the query is nothing but stop words.
  // The largest single gain measured (+0.020 nDCG@10 on average).
  bool stopwords = true;

  DefaultOperator default_operator = DefaultOperator::kOr;

  // Pseudo-relevance feedback: take the top feedback_docs results of the
  // query as relevant, pick feedback_terms expansion terms from them
  // (Xapian's ESet) and search again with the original query AND_MAYBE the
  // expansion, whose weight is scaled by feedback_weight: the order changes,
  // the set of matches does not. 0 docs = off. Applied only to
  // relevance-sorted searches with query text that match more documents
  // than feedback_docs.
  // Measured: +0.014 nDCG@10 and +0.018 MAP on average, most on MED and
  // Cranfield; costs a second search pass (about 3.5x query time on NPL).
  unsigned feedback_docs = 10;
  unsigned feedback_terms = 10;
  double feedback_weight = 0.3;
  // Feedback only for descriptive queries of at least this many distinct
  // words (after stop words). Keyword queries of one or two words, 73% of
  // the AOL benchmark list and most of what a news search box receives, are
  // answered directly: feedback made such queries 7 to 24 times slower on
  // Reuters, while its measured gains come from descriptive topics. With 3,
  // every collection keeps its full feedback gain (NPL 0.4521 nDCG@10; with
  // 4 it falls to 0.4491).
  unsigned feedback_min_terms = 3;
};

// Distinct free-text words of a parsed query (stemmed and unstemmed forms of
// one word count once; filter and field terms do not count).
unsigned count_query_words(const Xapian::Query& query);

// A new Weight object for Enquire::set_weighting_scheme.
std::unique_ptr<Xapian::Weight> make_weight(const RankingConfig& config);

// "bm25", "bm25+", "pl2", "dph", "lm" -> scheme; throws std::invalid_argument.
WeightingScheme parse_weighting_scheme(const std::string& name);
std::string to_string(WeightingScheme scheme);
// "or", "and", "elite" -> operator; throws std::invalid_argument.
DefaultOperator parse_default_operator(const std::string& name);
std::string to_string(DefaultOperator op);
Xapian::Query::op query_op(DefaultOperator op);

}  // namespace berita

#endif
