#include "cli/search_options.h"

#include <boost/program_options.hpp>

namespace po = boost::program_options;

namespace berita {

std::optional<SearchCommand> parse_search_options(int argc, const char* const argv[],
                                                  std::ostream& help_out) {
  SearchCommand command;
  SearchRequest& r = command.request;
  std::vector<std::string> words;
  std::string sort = "relevance";
  bool no_snippets = false;

  po::options_description visible("Usage: berita-search --db DIR [options] QUERY...\n"
                                  "Query syntax: see README (AND OR NOT \"phrase\" prefix* "
                                  "field:value).\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&command.db_path)->required(), "database directory")
      ("limit,n", po::value(&r.limit)->default_value(r.limit), "hits per page (1-100)")
      ("offset", po::value(&r.offset)->default_value(r.offset), "hits to skip")
      ("sort", po::value(&sort)->default_value(sort), "relevance or date (newest first)")
      ("source", po::value(&r.sources)->composing(), "only this outlet (repeatable)")
      ("category", po::value(&r.categories)->composing(), "only this category (repeatable)")
      ("lang", po::value(&r.langs)->composing(), "only this language code (repeatable)")
      ("from", po::value(&r.from), "articles dated on or after YYYY-MM-DD")
      ("to", po::value(&r.to), "articles dated on or before YYYY-MM-DD")
      ("no-snippets", po::bool_switch(&no_snippets), "omit snippets")
      ("json", po::bool_switch(&command.json), "print the HTTP endpoint's JSON document")
      ("show", po::value(&command.show_id), "print the stored article with this id as JSON");
  po::options_description hidden;
  hidden.add_options()("word", po::value(&words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("word", -1);

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
  for (const auto& word : words) {
    if (!r.query.empty()) r.query += ' ';
    r.query += word;
  }
  r.sort = parse_sort_order(sort);
  r.snippets = !no_snippets;
  return command;
}

}  // namespace berita
