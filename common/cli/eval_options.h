// berita-eval's command line -> what to evaluate and with which ranking.
#ifndef BERITA_CLI_EVAL_OPTIONS_H
#define BERITA_CLI_EVAL_OPTIONS_H

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/indexer_options.h"
#include "eval/evaluator.h"
#include "search/ranking.h"
#include "text/analyzer.h"

namespace berita {

struct EvalCommand {
  std::string db_path;
  std::string queries_path;
  std::string qrels_path;
  std::string run_path;  // write the run here in TREC format; empty = none
  std::string run_tag = "berita";
  bool per_query = false;
  eval::EvalOptions options;
  RankingConfig ranking;  // shipped defaults unless flags change them
  // When not empty, these inputs are indexed into db_path first with
  // `analyzer`, so index-time settings can be compared without a separate
  // indexer run.
  std::vector<std::string> build_inputs;
  AnalyzerConfig analyzer;
};

// Returns nullopt after printing help. Throws UsageError.
std::optional<EvalCommand> parse_eval_options(int argc, const char* const argv[],
                                              std::ostream& help_out);

}  // namespace berita

#endif
