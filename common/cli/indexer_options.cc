#include "cli/indexer_options.h"

#include <boost/program_options.hpp>

namespace po = boost::program_options;

namespace berita {

std::optional<IndexerCommand> parse_indexer_options(int argc, const char* const argv[],
                                                    std::ostream& help_out) {
  IndexerCommand command;
  IndexerConfig& c = command.config;
  c.furniture_file = std::string(BERITA_DEFAULT_DATA_DIR) + "/furniture.txt";
  c.synonyms_file = std::string(BERITA_DEFAULT_DATA_DIR) + "/synonyms.txt";
  std::size_t max_article_kib = c.limits.max_article_bytes / 1024;

  const std::string batch_help =
      "articles per committed transaction (with --rebuild: per shard flush, default " +
      std::to_string(c.parallel.flush_articles) + ")";
  po::options_description visible("Usage: berita-indexer --db DIR [options] PATH...\n"
                                  "Indexes article files (.txt) and JSON Lines (.jsonl), "
                                  "recursing into directories.\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&c.db_path)->required(), "database directory (created if missing)")
      ("rebuild", po::bool_switch(&c.rebuild),
       "build a new database from PATH... beside the live one and switch to it atomically")
      ("threads", po::value(&c.parallel.threads)->default_value(c.parallel.threads),
       "rebuild worker threads (0 = one per core)")
      ("delete", po::value(&c.delete_ids)->multitoken()->composing(),
       "remove the articles with these ids (with --rebuild: leave them out)")
      ("delete-from", po::value(&c.delete_from), "like --delete, ids one per line from FILE")
      ("prune", po::bool_switch(&c.prune), "remove articles whose id is not in PATH... (a full sync)")
      ("report", po::value(&command.report_file), "also write the final report as JSON to FILE")
      ("furniture", po::value(&c.furniture_file)->default_value(c.furniture_file),
       "page furniture rules (boilerplate, credits); empty to disable")
      ("synonyms", po::value(&c.synonyms_file)->default_value(c.synonyms_file),
       "groups of equivalent expressions, one group a line (\"kl, kuala lumpur\"); the "
       "database's synonym table is set to exactly these; empty for none")
      ("batch-size", po::value(&c.writer.batch_size)->default_value(c.writer.batch_size),
       batch_help.c_str())
      ("segment-size",
       po::value(&c.parallel.segment_articles)->default_value(c.parallel.segment_articles),
       "rebuild: articles a worker writes into one segment before starting the next; "
       "the segments are merged at the end")
      ("segment-block-size",
       po::value(&c.parallel.segment_block_size)->default_value(c.parallel.segment_block_size),
       "rebuild: block size in bytes of the segments' tables (a power of two, 2048 to 65536); "
       "the merged database always uses 8192")
      ("stem", po::value(&c.analyzer.stem_language)->default_value(c.analyzer.stem_language),
       "stemming language (a Snowball name, or 'none')")
      ("no-spelling", po::bool_switch(),
       "do not record the written words (\"did you mean\" and word completions)")
      ("no-check", po::bool_switch(), "rebuild: skip Xapian's full consistency check")
      ("max-article-kib", po::value(&max_article_kib)->default_value(max_article_kib),
       "reject articles larger than this")
      ("quiet,q", po::bool_switch(&command.quiet), "print only problems and the summary");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&c.inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (vm.count("help")) {
      help_out << visible << "\n";
      return std::nullopt;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(e.what());
  }
  const bool deleting = !c.delete_ids.empty() || !c.delete_from.empty();
  if (c.inputs.empty() && (c.rebuild || c.prune || !deleting)) {
    throw UsageError("no input files or directories given");
  }
  if (c.writer.batch_size == 0) throw UsageError("--batch-size must be at least 1");
  if (c.parallel.segment_articles == 0) throw UsageError("--segment-size must be at least 1");
  if (!is_valid_block_size(c.parallel.segment_block_size)) {
    throw UsageError("--segment-block-size must be a power of two from 2048 to 65536");
  }
  if (max_article_kib == 0) throw UsageError("--max-article-kib must be at least 1");
  if (c.rebuild && c.prune) {
    throw UsageError("--prune is implied by --rebuild (a rebuild keeps only PATH...)");
  }
  if (!vm["batch-size"].defaulted()) c.parallel.flush_articles = c.writer.batch_size;
  c.analyzer.collect_spelling = !vm["no-spelling"].as<bool>();
  c.full_check = !vm["no-check"].as<bool>();
  c.limits.max_article_bytes = static_cast<std::uint64_t>(max_article_kib) * 1024;
  return command;
}

}  // namespace berita
