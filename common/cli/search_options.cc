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
  bool no_suggest = false;
  std::string facets;

  po::options_description visible("Usage: berita-search --db DIR [options] QUERY...\n"
                                  "Query syntax: see README (AND OR NOT \"phrase\" prefix* "
                                  "field:value).\n\nOptions");
  visible.add_options()
      ("help,h", "show this help")
      ("db", po::value(&command.db_path)->required(), "database directory")
      ("limit,n", po::value(&r.limit)->default_value(r.limit), "hits per page (1-100)")
      ("offset", po::value(&r.offset)->default_value(r.offset), "hits to skip")
      ("sort", po::value(&sort)->default_value(sort),
       "relevance, date (newest first) or recency (relevance with a freshness bonus)")
      ("half-life", po::value(&r.half_life_days)->default_value(r.half_life_days),
       "sort=recency: days after which an article's freshness bonus halves")
      ("source", po::value(&r.sources)->composing(), "only this outlet (repeatable)")
      ("category", po::value(&r.categories)->composing(), "only this category (repeatable)")
      ("lang", po::value(&r.langs)->composing(), "only this language code (repeatable)")
      ("from", po::value(&r.from), "articles dated on or after YYYY-MM-DD")
      ("to", po::value(&r.to), "articles dated on or before YYYY-MM-DD")
      ("facets", po::value(&facets), "count matches by source,category,lang,year,month")
      ("facet-limit", po::value(&r.facet_limit)->default_value(r.facet_limit),
       "values shown per facet (1-100)")
      ("collapse", po::bool_switch(&r.collapse), "one hit per near-duplicate (wire story) cluster")
      ("explain", po::bool_switch(&r.explain), "show how each hit's score is made up")
      ("no-suggest", po::bool_switch(&no_suggest), "no \"did you mean\" suggestion")
      ("today", po::value(&r.today), "count last:7d etc. back from this YYYY-MM-DD (default: today)")
      ("no-snippets", po::bool_switch(&no_snippets), "omit snippets")
      ("json", po::bool_switch(&command.json), "print the HTTP endpoint's JSON document")
      ("show", po::value(&command.show_id), "print the stored article with this id as JSON")
      ("similar", po::value(&command.similar_id), "list articles on the same topic as this id")
      ("complete", po::value(&command.complete_prefix),
       "list search-box completions of this text");
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
  r.suggest = !no_suggest;
  if (!facets.empty()) r.facets = parse_facet_list(facets);
  return command;
}

}  // namespace berita
