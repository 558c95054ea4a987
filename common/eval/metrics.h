// Ranking-quality measures with trec_eval's definitions, so Berita's numbers
// compare with published ones:
//   ndcg_cut_10  gain = relevance level (<= 0 gives nothing), discount
//                log2(rank + 1), ideal ranking built from every judged
//                document of the query
//   map          average precision over the whole ranking (callers cut it
//                at 1000), divided by the number of relevant documents
//   P_10, recall_100, recip_rank
// A document is relevant when its level is >= 1; unjudged = non-relevant.
#ifndef BERITA_EVAL_METRICS_H
#define BERITA_EVAL_METRICS_H

#include <vector>

#include "eval/trec_files.h"

namespace berita::eval {

struct QueryMetrics {
  double ndcg_at_10 = 0;
  double average_precision = 0;
  double precision_at_10 = 0;
  double recall_at_100 = 0;
  double reciprocal_rank = 0;
  unsigned relevant = 0;            // judged relevant documents
  unsigned relevant_retrieved = 0;  // of those, in the ranking
  unsigned retrieved = 0;
};

// Reorders a ranking the way trec_eval reads a run: score descending, ties
// by document id descending (byte order). Engines break ties differently;
// this makes our numbers match trec_eval's on our own run files.
void sort_like_trec_eval(std::vector<RankedDoc>& ranking);

// Measures one query's ranking, taken in the order given.
QueryMetrics measure(const std::vector<RankedDoc>& ranking, const Judgments& judgments);

// Arithmetic mean of each measure (counts are summed); zeros for none.
QueryMetrics mean_of(const std::vector<QueryMetrics>& per_query);

}  // namespace berita::eval

#endif
