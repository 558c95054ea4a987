// Runs a test collection's queries through Berita's own search path
// (Searcher::search, relevance order, no snippets) and measures the rankings
// against the judgments.
//
// Query text in test collections is natural language, not query syntax:
// upper-case AND/OR/NOT (NPL's topics are all capitals), quotes, parentheses,
// '+', '-' and ':' would turn a question into operators, phrases or field
// searches. Every query is therefore reduced to plain words first
// (plain_words) and searched with the default operator, the way the engines
// in docs/RELEVANCE.md treat these topics.
#ifndef BERITA_EVAL_EVALUATOR_H
#define BERITA_EVAL_EVALUATOR_H

#include <ostream>
#include <string>
#include <vector>

#include "eval/metrics.h"
#include "eval/trec_files.h"
#include "search/searcher.h"

namespace berita::eval {

// The words of text, lower-cased, separated by single spaces; everything
// else (operators, quotes, brackets, '?', ':') becomes a space. An
// apostrophe inside a word is kept ("ddc's"). Never longer than text.
std::string plain_words(const std::string& text);

struct EvalOptions {
  unsigned depth = 1000;  // results per query (trec_eval's MAP uses 1000)
};

struct QueryOutcome {
  std::string qid;
  bool judged = false;             // has qrels; unjudged queries are not measured
  std::vector<RankedDoc> ranking;  // in trec_eval order
  QueryMetrics metrics;
};

struct EvalReport {
  std::vector<QueryOutcome> queries;  // every query, in file order
  QueryMetrics mean;                  // over judged queries
  unsigned judged = 0;
  unsigned unjudged = 0;             // skipped: no judgments
  unsigned judged_docs_missing = 0;  // distinct judged ids not in the database
  unsigned qrels_without_query = 0;  // judged qids with no query
};

// Searches every query. Problems that do not stop the evaluation (unjudged
// queries, judged documents missing from the database, over-long queries
// cut short) are written to warnings, one line each. Throws what
// Searcher::search throws.
EvalReport evaluate(Searcher& searcher, const std::vector<EvalQuery>& queries, const Qrels& qrels,
                    const EvalOptions& options, std::ostream& warnings);

// The report as a table: a header, one line per judged query when
// per_query, then "all" with the means, and the counts.
void print_report(const EvalReport& report, bool per_query, std::ostream& out);

}  // namespace berita::eval

#endif
