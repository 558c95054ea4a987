// Explain: why a hit scored what it did, in parts an editor can read (each
// matching term and field with its BM25 contribution, pseudo-relevance
// feedback, the freshness bonus) that add up to the hit's MSet weight.
//
// Xapian 1.4 does not report per-term contributions, so they are recomputed
// here with Xapian's own BM25 formula and statistics (collection size, term
// frequency, average and document length, query scale factors and wqf), by
// walking the query tree the way the matcher does: optional branches (OR,
// XOR, AND_MAYBE) count only when they match the article, filters and
// AND_NOT's right side count nothing. Whether a phrase matches, and what a
// group weighed as one term scores (OP_SYNONYM, OP_WILDCARD, OP_ELITE_SET,
// OP_MAX), is asked of Xapian itself with the subquery restricted to the one
// article, so those are exact too.
//
// Explanation::other holds whatever is left (floating-point noise, snapped to
// 0 below 1e-9 relative; a posting source other than freshness; the whole
// score for weighting schemes other than BM25, whose per-term weights are
// not recomputed). The parts therefore always add up to the score.
//
// Thread safety: a ScoreExplainer reads its Database; use it from the thread
// that owns that Database.
#ifndef BERITA_SEARCH_EXPLAIN_H
#define BERITA_SEARCH_EXPLAIN_H

#include <xapian.h>

#include <memory>
#include <vector>

#include "search/ranking.h"
#include "search/search_result.h"

namespace berita {

// ScoreTerm::field of a word searched across all fields, and of a
// pseudo-relevance feedback word.
inline constexpr const char* kAllFieldsName = "text";
inline constexpr const char* kFeedbackFieldName = "feedback";

// A hit to explain: its docid, its MSet weight, and what the query's
// freshness PostingSource gave it (sort=recency), else 0.
struct ScoredDocument {
  Xapian::docid did = 0;
  double score = 0;
  double freshness_bonus = 0;
};

// Analyses a query once (its terms, their statistics and scale factors) and
// explains any number of its hits. Besides reading the articles' terms,
// explaining runs one tiny match per phrase that sits in an optional branch
// and per term group.
class ScoreExplainer {
 public:
  // query: the query exactly as given to Enquire::set_query; ranking: the
  // settings the Enquire's weighting scheme was made from (make_weight).
  // db, and the query's PostingSource objects, must outlive the explainer.
  ScoreExplainer(const Xapian::Database& db, const Xapian::Query& query,
                 const RankingConfig& ranking);
  ~ScoreExplainer();
  ScoreExplainer(const ScoreExplainer&) = delete;
  ScoreExplainer& operator=(const ScoreExplainer&) = delete;

  // Parts that add up to score, the hit's MSet weight. freshness_bonus: what
  // the query's freshness PostingSource gave this hit (sort=recency), else 0.
  // A docid the database lacks gives an explanation with everything in
  // `other`. Xapian errors (DatabaseModifiedError, ...) propagate.
  Explanation explain(Xapian::docid did, double score, double freshness_bonus) const;
  // The same for a page of hits, in the order given. Reads each query term's
  // posting list once for the whole page: on Reuters less than half the
  // cost of explaining ten hits one by one.
  std::vector<Explanation> explain(const std::vector<ScoredDocument>& hits) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// One hit, without keeping the analysis: ScoreExplainer(db, query,
// ranking).explain(did, score, freshness_bonus).
Explanation explain_hit(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid did,
                        double score, const RankingConfig& ranking, double freshness_bonus);

}  // namespace berita

#endif
