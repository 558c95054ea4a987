#include "cli/eval_options.h"

#include <boost/program_options.hpp>

namespace po = boost::program_options;

namespace berita {

std::optional<EvalCommand> parse_eval_options(int argc, const char* const argv[],
                                              std::ostream& help_out) {
  EvalCommand command;
  RankingConfig& r = command.ranking;
  std::string scheme = to_string(r.scheme);
  std::string op = to_string(r.default_operator);
  std::string stopwords = r.stopwords ? "on" : "off";

  po::options_description io("Usage: berita-eval --db DIR --queries FILE --qrels FILE [options]\n"
                             "Measures ranking quality (nDCG@10, MAP, P@10, Recall@100, MRR) "
                             "as trec_eval does.\n\nInput and output");
  io.add_options()
      ("help,h", "show this help")
      ("db", po::value(&command.db_path)->required(), "database directory")
      ("queries", po::value(&command.queries_path)->required(), "topics: qid<TAB>text per line")
      ("qrels", po::value(&command.qrels_path)->required(), "TREC qrels: qid 0 docid relevance")
      ("per-query", po::bool_switch(&command.per_query), "print a line per query too")
      ("run", po::value(&command.run_path), "write the run in TREC format to this file")
      ("tag", po::value(&command.run_tag)->default_value(command.run_tag), "run tag")
      ("depth", po::value(&command.options.depth)->default_value(command.options.depth),
       "results per query");
  po::options_description ranking("Ranking (defaults are Berita's shipped settings)");
  ranking.add_options()
      ("scheme", po::value(&scheme)->default_value(scheme), "bm25, bm25+, pl2, dph or lm")
      ("k1", po::value(&r.bm25_k1)->default_value(r.bm25_k1), "BM25 k1")
      ("b", po::value(&r.bm25_b)->default_value(r.bm25_b), "BM25 b")
      ("delta", po::value(&r.bm25_plus_delta)->default_value(r.bm25_plus_delta), "BM25+ delta")
      ("c", po::value(&r.dfr_c)->default_value(r.dfr_c), "PL2 c")
      ("mu", po::value(&r.lm_mu)->default_value(r.lm_mu), "LM Dirichlet mu")
      ("stopwords", po::value(&stopwords)->default_value(stopwords),
       "on or off: drop English stop words from queries")
      ("operator", po::value(&op)->default_value(op), "default operator: or, and or elite")
      ("fb-docs", po::value(&r.feedback_docs)->default_value(r.feedback_docs),
       "pseudo-relevance feedback documents (0 = off)")
      ("fb-terms", po::value(&r.feedback_terms)->default_value(r.feedback_terms),
       "expansion terms")
      ("fb-weight", po::value(&r.feedback_weight)->default_value(r.feedback_weight),
       "weight of the expansion against the query")
      ("fb-min-terms", po::value(&r.feedback_min_terms)->default_value(r.feedback_min_terms),
       "feedback only for queries of at least this many distinct words");
  po::options_description build("Indexing first (to compare index-time settings)");
  build.add_options()
      ("build", po::value(&command.build_inputs)->composing(),
       "index this file or directory into --db before evaluating (repeatable)")
      ("title-weight",
       po::value(&command.analyzer.title_weight)->default_value(command.analyzer.title_weight),
       "with --build: wdf multiplier of title words");
  po::options_description all;
  all.add(io).add(ranking).add(build);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).run(), vm);
    if (vm.count("help")) {
      help_out << all << "\n";
      return std::nullopt;
    }
    po::notify(vm);
    r.scheme = parse_weighting_scheme(scheme);
    r.default_operator = parse_default_operator(op);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  if (stopwords != "on" && stopwords != "off") throw UsageError("--stopwords must be on or off");
  r.stopwords = stopwords == "on";
  if (command.options.depth == 0) throw UsageError("--depth must be at least 1");
  command.analyzer.collect_spelling = false;
  return command;
}

}  // namespace berita
