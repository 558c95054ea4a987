// berita-search: answers one query from the command line, through the same
// Searcher and JSON renderer as the HTTP daemon.
// Exit status: 0 success, 1 --show or --similar of an unknown id, 2 usage error, bad query or unusable database.
#include <unistd.h>

#include <iostream>

#include "cli/search_options.h"
#include "query/invalid_request.h"
#include "render/json_render.h"
#include "render/text_render.h"
#include "search/searcher.h"

int main(int argc, char* argv[]) {
  try {
    const auto command = berita::parse_search_options(argc, argv, std::cout);
    if (!command) return 0;
    berita::Searcher searcher(command->db_path);
    if (!command->show_id.empty()) {
      const auto article = searcher.find_article(command->show_id);
      if (!article) {
        std::cerr << "berita-search: no article with id '" << command->show_id << "'\n";
        return 1;
      }
      std::cout << berita::render_article_json(*article, 2) << "\n";
      return 0;
    }
    if (!command->complete_prefix.empty()) {
      const auto completions =
          searcher.complete(command->complete_prefix, command->request.limit);
      if (command->json) {
        std::cout << berita::render_completions_json(command->complete_prefix, completions, 2)
                  << "\n";
      } else {
        berita::render_completions_text(completions, std::cout);
      }
      return 0;
    }
    berita::SearchResult result;
    if (!command->similar_id.empty()) {
      auto similar = searcher.similar(command->similar_id, command->request.limit);
      if (!similar) {
        std::cerr << "berita-search: no article with id '" << command->similar_id << "'\n";
        return 1;
      }
      result = std::move(*similar);
    } else {
      result = searcher.search(command->request);
    }
    if (command->json) {
      std::cout << berita::render_result_json(result, 2) << "\n";
    } else {
      berita::render_text(result, std::cout, isatty(STDOUT_FILENO));
    }
    return 0;
  } catch (const berita::UsageError& e) {
    std::cerr << "berita-search: " << e.what() << "\nTry 'berita-search --help'.\n";
  } catch (const berita::InvalidRequest& e) {
    std::cerr << "berita-search: " << e.what() << "\n";
  } catch (const berita::DatabaseUnavailable& e) {
    std::cerr << "berita-search: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "berita-search: " << e.what() << "\n";
  }
  return 2;
}
