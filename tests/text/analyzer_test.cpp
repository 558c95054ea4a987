// What the analyzer puts in the index and what its query parser asks for:
// stems only, with positions, so every form of a word matches, phrases too.
#include "text/analyzer.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "schema/schema.h"

namespace berita {
namespace {

Article story() {
  Article article;
  article.id = "s1";
  article.title = "Prime Ministers meet";
  article.paragraphs = {"Flooding closed the roads as the prime ministers met."};
  return article;
}

std::vector<std::string> terms_of(const Xapian::Document& doc) {
  std::vector<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.push_back(*it);
  return terms;
}

TEST_CASE("free text is indexed as stems with positions and nothing else", "[text][analyzer]") {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.index_text(story(), doc);
  const std::vector<std::string> terms = terms_of(doc);
  REQUIRE_FALSE(terms.empty());
  for (const auto& term : terms) {
    CAPTURE(term);
    CHECK(term.rfind(schema::prefix::kStemmed, 0) == 0);
  }
  const auto has = [&](const std::string& term) {
    return std::find(terms.begin(), terms.end(), term) != terms.end();
  };
  CHECK(has("Zflood"));
  CHECK(has("Zminist"));
  CHECK(has("ZSminist"));  // the headline's own copy
  CHECK_FALSE(has("Zministers"));
  auto minister = doc.termlist_begin();
  minister.skip_to("Zminist");
  // Once in the headline, once in the body, the headline counting thrice.
  CHECK(minister.positionlist_count() == 2);
  CHECK(minister.get_wdf() == analyzer.config().title_weight + 1);
}

TEST_CASE("the analyzer hands out the words it indexed as written", "[text][analyzer]") {
  Analyzer analyzer;
  Xapian::Document doc;
  analyzer.index_text(story(), doc);
  std::vector<std::string> words = analyzer.take_new_words();
  std::sort(words.begin(), words.end());
  CHECK(std::binary_search(words.begin(), words.end(), "flooding"));
  CHECK(std::binary_search(words.begin(), words.end(), "ministers"));
  CHECK(std::adjacent_find(words.begin(), words.end()) == words.end());
  CHECK(analyzer.take_new_words().empty());

  AnalyzerConfig quiet;
  quiet.collect_spelling = false;
  Analyzer without(quiet);
  Xapian::Document other;
  without.index_text(story(), other);
  CHECK(without.take_new_words().empty());
}

TEST_CASE("every query word is stemmed, in phrases, fields and capitals too", "[text][analyzer]") {
  const Analyzer analyzer;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  const auto parsed = [&](const std::string& text) {
    return parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT |
                                        Xapian::QueryParser::FLAG_WILDCARD)
        .get_description();
  };
  CHECK(parsed("\"prime ministers\"") == "Query((Zprime@1 PHRASE 2 Zminist@2))");
  CHECK(parsed("Floods") == "Query(Zflood@1)");
  CHECK(parsed("title:Ministers") == "Query(ZSminist@1)");
  CHECK(parsed("elect*") == "Query(WILDCARD SYNONYM Zelect)");

  // And the phrase finds the article written in another form.
  Analyzer indexer;
  Xapian::Document doc;
  indexer.index_text(story(), doc);
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query("\"prime minister\""));
  CHECK(enquire.get_mset(0, 10).size() == 1);
  enquire.set_query(parser.parse_query("\"Flooded roads\""));
  CHECK(enquire.get_mset(0, 10).size() == 0);  // "flooding closed the roads"
  enquire.set_query(parser.parse_query("\"flood closed\""));
  CHECK(enquire.get_mset(0, 10).size() == 1);
}

TEST_CASE("with no stemming language words are indexed as written under the marker",
          "[text][analyzer]") {
  AnalyzerConfig config;
  config.stem_language = "none";
  Analyzer analyzer(config);
  Xapian::Document doc;
  analyzer.index_text(story(), doc);
  const std::vector<std::string> terms = terms_of(doc);
  CHECK(std::find(terms.begin(), terms.end(), "Zministers") != terms.end());
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(analyzer.make_query_parser(db).parse_query("\"prime ministers\""));
  CHECK(enquire.get_mset(0, 10).size() == 1);
}

}  // namespace
}  // namespace berita
