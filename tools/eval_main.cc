// berita-eval: measures ranking quality on a test collection.
// Exit status: 0 measured, 1 bad input files or database, 2 usage error.
#include <fstream>
#include <iostream>

#include "cli/eval_options.h"
#include "eval/evaluator.h"
#include "index/indexer.h"

namespace {

// Index-time settings are compared by building a database with them first;
// problems in the documents are shown, progress is not.
class QuietObserver : public berita::IndexObserver {
 public:
  void on_rejected(const berita::ParseError& error) override {
    std::cerr << error.describe() << " (skipped)\n";
  }
};

void build_database(const berita::EvalCommand& command) {
  berita::IndexerConfig config;
  config.db_path = command.db_path;
  config.inputs = command.build_inputs;
  config.analyzer = command.analyzer;
  QuietObserver observer;
  berita::run_indexer(config, observer);
}

}  // namespace

int main(int argc, char* argv[]) {
  std::optional<berita::EvalCommand> command;
  try {
    command = berita::parse_eval_options(argc, argv, std::cout);
    if (!command) return 0;
  } catch (const berita::UsageError& e) {
    std::cerr << "berita-eval: " << e.what() << "\nTry 'berita-eval --help'.\n";
    return 2;
  }
  try {
    const auto queries = berita::eval::read_queries_file(command->queries_path);
    const auto qrels = berita::eval::read_qrels_file(command->qrels_path);
    if (!command->build_inputs.empty()) build_database(*command);
    berita::Searcher searcher(command->db_path, command->ranking);
    const auto report =
        berita::eval::evaluate(searcher, queries, qrels, command->options, std::cerr);
    berita::eval::print_report(report, command->per_query, std::cout);
    if (!command->run_path.empty()) {
      std::ofstream run(command->run_path);
      for (const auto& q : report.queries) {
        berita::eval::write_run(run, q.qid, q.ranking, command->run_tag);
      }
      if (!run.flush()) {
        std::cerr << "berita-eval: cannot write " << command->run_path << "\n";
        return 1;
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "berita-eval: " << e.what() << "\n";
  }
  return 1;
}
