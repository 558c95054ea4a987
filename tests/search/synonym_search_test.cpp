// Synonyms end to end through the library: a synonyms file loaded by
// run_indexer (update and rebuild) into a real database built from the
// sample corpus plus articles written here, searched with the Searcher.
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

#include "index/synonym_table.h"
#include "query/query_builder.h"
#include "query/synonym_query.h"
#include "search/news_archive.h"
#include "search/searcher.h"

namespace berita {
namespace {

using test::article_text;
using test::NewsArchive;

constexpr const char* kSynonyms =
    "kl, kuala lumpur\n"
    "pm, prime minister\n"
    "macc, sprm, malaysian anti-corruption commission\n"
    "agong, yang di-pertuan agong, ydpa\n";

// Each article says one expression of a group and none of the others, and
// carries a made-up word so a test can tell it apart from the corpus.
void add_synonym_articles(NewsArchive& archive) {
  archive.add("only-kl", article_text("Monorail delays frustrate KL commuters",
                                      "Commuters in KL waited an hour for the zorvex monorail "
                                      "after a power fault on Monday."));
  archive.add("only-kuala-lumpur",
              article_text("Kuala Lumpur opens zorvex cycling lanes",
                           "Kuala Lumpur opened its first protected cycling lanes along "
                           "the river on Saturday."));
  archive.add("only-pm", article_text("PM defends subsidy cut",
                                      "The PM told the zelbrin assembly that the subsidy cut "
                                      "would be reviewed in June."));
  archive.add("only-prime-minister",
              article_text("Prime minister meets zelbrin farmers",
                           "The prime minister met padi farmers and promised water pumps."));
  archive.add("only-macc", article_text("MACC detains zaptor officials",
                                        "The MACC detained two zaptor officials over "
                                        "procurement kickbacks."));
  archive.add("only-sprm", article_text("SPRM tahan dua pegawai zaptor",
                                        "SPRM menahan dua pegawai zaptor kerana rasuah."));
  archive.add("only-agong", article_text("Agong receives quixal envoys",
                                         "The Agong received the quixal envoys at the palace."));
  archive.add("only-full-title",
              article_text("Royal address opens quixal session",
                           "The Yang di-Pertuan Agong opened the quixal session of parliament."));
}

std::set<std::string> found(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.limit = 100;
  request.snippets = false;
  std::set<std::string> ids;
  for (const auto& hit : searcher.search(request).hits) ids.insert(hit.id);
  return ids;
}

struct Expectation {
  const char* query;
  std::set<std::string> must_find;
  std::set<std::string> must_not_find;
};

void check_expansions(Searcher& searcher) {
  const Expectation expectations[] = {
      {"KL zorvex", {"only-kl", "only-kuala-lumpur"}, {}},
      {"Kuala Lumpur zorvex", {"only-kl", "only-kuala-lumpur"}, {}},
      {"kuala lumpur zorvex", {"only-kl", "only-kuala-lumpur"}, {}},
      {"PM zelbrin", {"only-pm", "only-prime-minister"}, {}},
      {"prime minister zelbrin", {"only-pm", "only-prime-minister"}, {}},
      {"MACC", {"only-macc", "only-sprm"}, {}},
      {"SPRM", {"only-macc", "only-sprm"}, {}},
      {"YDPA", {"only-agong", "only-full-title"}, {}},
      {"Agong quixal", {"only-agong", "only-full-title"}, {}},
      {"yang di pertuan agong", {"only-agong", "only-full-title"}, {}},
      // A field query expands within the field.
      {"title:KL", {"only-kl", "only-kuala-lumpur"}, {}},
      {"title:PM", {"only-pm", "only-prime-minister"}, {"only-macc"}},
      // Phrases are searched as typed.
      {"\"Kuala Lumpur\" AND zorvex", {"only-kuala-lumpur"}, {"only-kl"}},
      {"\"KL commuters\"", {"only-kl"}, {"only-kuala-lumpur"}},
      // Boolean operators still apply to an expanded word.
      {"zorvex AND NOT KL", {}, {"only-kl", "only-kuala-lumpur"}},
  };
  for (const auto& e : expectations) {
    CAPTURE(e.query);
    const std::set<std::string> ids = found(searcher, e.query);
    for (const auto& id : e.must_find) CHECK(ids.count(id) == 1);
    for (const auto& id : e.must_not_find) CHECK(ids.count(id) == 0);
  }
}

TEST_CASE("a query finds the other expressions of its synonym group both ways",
          "[synonyms][search]") {
  NewsArchive archive;
  add_synonym_articles(archive);
  archive.set_synonyms(kSynonyms);
  SECTION("indexed in update mode") {
    archive.build(NewsArchive::Mode::kUpdate);
    Searcher searcher(archive.db_path());
    check_expansions(searcher);
  }
  SECTION("rebuilt in parallel and merged") {
    archive.build(NewsArchive::Mode::kRebuild);
    Searcher searcher(archive.db_path());
    check_expansions(searcher);
  }
}

TEST_CASE("without a synonyms file nothing is expanded", "[synonyms][search]") {
  NewsArchive archive;
  add_synonym_articles(archive);
  archive.build();
  Searcher searcher(archive.db_path());
  CHECK(found(searcher, "KL AND zorvex") == std::set<std::string>{"only-kl"});
  CHECK(found(searcher, "KL").count("only-kuala-lumpur") == 0);
  CHECK(found(searcher, "SPRM") == std::set<std::string>{"only-sprm"});
}

// Rank of each id in the results of the rebalanced query, best first.
std::vector<std::string> ranked(const Xapian::Database& db, const std::string& text) {
  const Analyzer analyzer;
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(rebalance_synonyms(parser.parse_query(text, query_parser_flags())));
  std::vector<std::string> ids;
  const Xapian::MSet mset = enquire.get_mset(0, 100);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    for (auto term = it.get_document().termlist_begin(); term != it.get_document().termlist_end();
         ++term) {
      if ((*term)[0] == 'Q') ids.push_back((*term).substr(1));
    }
  }
  return ids;
}

std::size_t position(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

TEST_CASE("the literal words rank above a synonym and both are found", "[synonyms][search]") {
  NewsArchive archive;
  // Two articles of the same shape, one saying KL and one Kuala Lumpur.
  archive.add("says-kl", article_text("Flash floods hit KL", "Flash floods hit KL on Monday."));
  archive.add("says-kuala-lumpur",
              article_text("Flash floods hit Kuala Lumpur", "Flash floods hit Kuala Lumpur."));
  archive.add("says-pm", article_text("PM visits flood victims", "The PM visited victims."));
  archive.add("says-prime-minister",
              article_text("Prime minister visits victims", "The prime minister visited."));
  archive.set_synonyms(kSynonyms);
  archive.build(NewsArchive::Mode::kUpdate, /*with_corpus=*/false);
  const Xapian::Database db(archive.db_path());

  const auto kl = ranked(db, "KL floods");
  CHECK(position(kl, "says-kl") < position(kl, "says-kuala-lumpur"));
  CHECK(position(kl, "says-kuala-lumpur") < kl.size());
  const auto kuala_lumpur = ranked(db, "Kuala Lumpur floods");
  CHECK(position(kuala_lumpur, "says-kuala-lumpur") < position(kuala_lumpur, "says-kl"));
  CHECK(position(kuala_lumpur, "says-kl") < kuala_lumpur.size());
  const auto pm = ranked(db, "PM");
  CHECK(pm.size() == 2);
  CHECK(position(pm, "says-pm") == 0);
  const auto prime_minister = ranked(db, "prime minister");
  CHECK(position(prime_minister, "says-prime-minister") == 0);
  CHECK(position(prime_minister, "says-pm") < prime_minister.size());
}

TEST_CASE("after every run the synonym table holds exactly the file's synonyms",
          "[synonyms][index]") {
  NewsArchive archive;
  archive.add("kl-story", article_text("KL story", "Something happened in KL."));
  const auto table_after = [&](const std::string& synonyms, NewsArchive::Mode mode) {
    archive.set_synonyms(synonyms);
    archive.build(mode, /*with_corpus=*/false);
    return read_synonym_table(Xapian::Database(archive.db_path()));
  };
  const auto expected_for = [](const std::string& synonyms) {
    std::istringstream in(synonyms);
    AnalyzerConfig config;
    config.synonyms = parse_synonyms(in, "x").groups;
    return Analyzer(config).synonym_table();
  };
  const std::string first = "kl, kuala lumpur\npm, prime minister\n";
  const std::string second = "pm, prime minister, perdana menteri\nbn, barisan nasional\n";
  CHECK(table_after(first, NewsArchive::Mode::kUpdate) == expected_for(first));
  CHECK(table_after(second, NewsArchive::Mode::kUpdate) == expected_for(second));
  CHECK(read_synonym_table(Xapian::Database(archive.db_path())).count("kl") == 0);
  CHECK(table_after(first, NewsArchive::Mode::kRebuild) == expected_for(first));
  CHECK(table_after("", NewsArchive::Mode::kUpdate).empty());
}

TEST_CASE("changing multi-word synonyms in update mode says a rebuild is needed",
          "[synonyms][index]") {
  NewsArchive archive;
  archive.add("kl-story", article_text("KL story", "Something happened in KL."));
  archive.set_synonyms("kl, kuala lumpur\n");
  CHECK(archive.build(NewsArchive::Mode::kUpdate, false).notes.empty());
  CHECK(archive.build(NewsArchive::Mode::kUpdate, false).notes.empty());
  archive.set_synonyms("kl, kuala lumpur, klang valley\n");
  const IndexReport changed = archive.build(NewsArchive::Mode::kUpdate, false);
  REQUIRE(changed.notes.size() == 1);
  CHECK_THAT(changed.notes[0], Catch::Contains("--rebuild"));
}

TEST_CASE("multi-word synonym terms stay out of the spelling data", "[synonyms][index]") {
  for (const auto mode : {NewsArchive::Mode::kUpdate, NewsArchive::Mode::kRebuild}) {
    NewsArchive archive;
    archive.set_synonyms(kSynonyms);
    archive.build(mode);
    const Xapian::Database db(archive.db_path());
    REQUIRE(db.get_termfreq("kuala lumpur") > 0);
    for (auto word = db.spellings_begin(); word != db.spellings_end(); ++word) {
      CHECK((*word).find(' ') == std::string::npos);
    }
  }
}

}  // namespace
}  // namespace berita
