// The synonyms file parser, the word splitter it shares with the indexer,
// and how groups become index terms and synonym-table entries.
#include "text/synonyms.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support/test_support.h"
#include "text/synonym_terms.h"
#include "text/words.h"

namespace berita {
namespace {

SynonymFile parse(const std::string& text) {
  std::istringstream in(text);
  return parse_synonyms(in, "syn.txt");
}

std::vector<std::vector<std::string>> entries(const SynonymFile& file) {
  std::vector<std::vector<std::string>> out;
  for (const auto& group : file.groups) out.push_back(group.entries);
  return out;
}

TEST_CASE("words are split and lower-cased as the indexer splits them", "[synonyms]") {
  const std::pair<std::string, std::vector<std::string>> cases[] = {
      {"Kuala  Lumpur", {"kuala", "lumpur"}},
      {"Yang di-Pertuan Agong", {"yang", "di", "pertuan", "agong"}},
      {"the prime minister's office", {"the", "prime", "minister's", "office"}},
      {"the prime minister\xE2\x80\x99s office", {"the", "prime", "minister's", "office"}},
      {"U.N. envoy", {"un", "envoy"}},
      {"AT&T, 1,000 jobs", {"at&t", "1,000", "jobs"}},
      {"PRU-14", {"pru", "14"}},
      {"Selangor.", {"selangor"}},
      {"  -- ", {}},
      {"\xC3\x89LYS\xC3\x89\x45", {"\xC3\xA9lys\xC3\xA9\x65"}},
  };
  for (const auto& [text, words] : cases) {
    CAPTURE(text);
    CHECK(split_words(text) == words);
  }
}

TEST_CASE("a synonyms file becomes groups of normalised expressions", "[synonyms]") {
  const SynonymFile file = parse(
      "# Malaysian places\n"
      "\n"
      "KL, Kuala  Lumpur\n"
      "   PM ,prime minister, Perdana Menteri   # the head of government\n"
      "Agong, Yang di-Pertuan Agong\n"
      "kl, KL, Kuala Lumpur City\n");
  CHECK(file.problems.empty());
  CHECK(entries(file) == std::vector<std::vector<std::string>>{
                             {"kl", "kuala lumpur"},
                             {"pm", "prime minister", "perdana menteri"},
                             {"agong", "yang di pertuan agong"},
                             {"kl", "kuala lumpur city"},
                         });
  REQUIRE(file.groups.size() == 4);
  CHECK(file.groups[0].line == 3);
  CHECK(file.groups[2].line == 5);
}

TEST_CASE("each bad line is reported with its number and the rest still load", "[synonyms]") {
  const std::string too_long(kMaxEntryBytes + 1, 'a');
  const std::string file_text =
      "kl, kuala lumpur\n"               // 1
      "sprm\n"                           // 2 one expression
      "pm,, prime minister\n"            // 3 empty expression
      ", macc, sprm\n"                   // 4 comma at the start
      "bn, barisan nasional,\n"          // 5 comma at the end
      "KL, kl\n"                         // 6 one expression written twice
      "agong, ---\n" +                   // 7 no letters
      ("x, " + too_long + "\n") +        // 8 too long
      "a b c d e f g h i, nine words\n"  // 9 too many words
      "penang, pulau pinang\xff\n"       // 10 invalid UTF-8
      "# only a comment, with commas\n"  // 11
      "macc, sprm\n";                    // 12
  const SynonymFile file = parse(file_text);
  CHECK(entries(file) ==
        std::vector<std::vector<std::string>>{{"kl", "kuala lumpur"}, {"macc", "sprm"}});
  const std::pair<long, std::string> expected[] = {
      {2, "only one expression ('sprm')"},
      {3, "empty expression"},
      {4, "empty expression"},
      {5, "empty expression"},
      {6, "only one expression ('kl')"},
      {7, "expression '---' has no letters or digits"},
      {8, "is too long (81 bytes; at most 80)"},
      {9, "has 9 words; at most 8 are allowed"},
      {10, "invalid UTF-8"},
  };
  REQUIRE(file.problems.size() == std::size(expected));
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    CAPTURE(i);
    CHECK(file.problems[i].file == "syn.txt");
    CHECK(file.problems[i].line == expected[i].first);
    CHECK_THAT(file.problems[i].reason, Catch::Contains(expected[i].second));
  }
  CHECK(file.problems[0].describe().rfind("syn.txt:2: ", 0) == 0);
}

TEST_CASE("a missing synonyms file is an error naming it", "[synonyms]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(
      load_synonyms_file(dir.file("nope.txt")),
      Catch::Contains("cannot open synonyms file") && Catch::Contains(dir.file("nope.txt")));
}

TEST_CASE("the shipped starter set loads without problems", "[synonyms]") {
  const SynonymFile file = load_synonyms_file(test::source_path("data/synonyms.txt"));
  for (const auto& problem : file.problems) FAIL(problem.describe());
  CHECK(file.groups.size() >= 24);
  const auto has_group_with = [&](const std::vector<std::string>& wanted) {
    for (const auto& group : file.groups) {
      bool all = true;
      for (const auto& entry : wanted) {
        all = all &&
              std::find(group.entries.begin(), group.entries.end(), entry) != group.entries.end();
      }
      if (all) return true;
    }
    return false;
  };
  CHECK(has_group_with({"kl", "kuala lumpur"}));
  CHECK(has_group_with({"pm", "prime minister"}));
  CHECK(has_group_with({"macc", "sprm", "malaysian anti corruption commission"}));
  CHECK(has_group_with({"agong", "yang di pertuan agong"}));
  CHECK(has_group_with({"penang", "pulau pinang"}));
}

TEST_CASE("multi-word expressions are found in text with possessives too", "[synonyms]") {
  const std::vector<SynonymGroup> groups = {
      {{"kl", "kuala lumpur"}, 1},
      {{"pm", "prime minister", "deputy prime minister"}, 2},
  };
  const SynonymTerms terms(groups, Xapian::Stem("english"));
  REQUIRE(terms.has_phrases());
  SynonymTerms::Occurrences found;
  terms.find_phrases(split_words("The Deputy Prime Minister's visit to Kuala Lumpur, "
                                 "then back to kuala lumpur; the prime minister stayed."),
                     found);
  std::map<std::string, Xapian::termcount> counts;
  for (const auto& [term, count] : found) counts[*term] = count;
  CHECK(counts == std::map<std::string, Xapian::termcount>{
                      {"kuala lumpur", 2}, {"prime minister", 2}, {"deputy prime minister", 1}});

  terms.find_phrases(split_words("Kuala Terengganu and a prime example"), found);
  CHECK(found.empty());
  CHECK_FALSE(SynonymTerms({{{"kl", "kay"}, 1}}, Xapian::Stem("english")).has_phrases());
}

TEST_CASE("the synonym table points each expression at the others' terms", "[synonyms]") {
  const SynonymTerms terms({{{"kl", "kuala lumpur"}, 1}, {{"pdrm", "police"}, 2}},
                           Xapian::Stem("english"));
  const SynonymTable table = terms.table({"S"});
  // A word is looked up by its stem (and kept as typed for "did you mean",
  // which never corrects an expression from the file); its synonyms are the
  // terms the indexer made: a stem for a word, the joined words for an
  // expression (its own term too, standing for the words QueryParser ORs).
  const SynonymTable expected = {
      {"kl", {"kuala lumpur"}},
      {"Zkl", {"kuala lumpur"}},
      {"kuala lumpur", {"Zkl", "kuala lumpur"}},
      {"Skl", {"Skuala lumpur"}},
      {"ZSkl", {"Skuala lumpur"}},
      {"pdrm", {"Zpolic"}},
      {"Zpdrm", {"Zpolic"}},
      {"police", {"Zpdrm"}},
      {"Zpolic", {"Zpdrm"}},
      {"Spdrm", {"ZSpolic"}},
      {"ZSpdrm", {"ZSpolic"}},
      {"Spolice", {"ZSpdrm"}},
      {"ZSpolic", {"ZSpdrm"}},
  };
  CHECK(table == expected);

  // With no stemmer a word's term is the word itself behind the marker.
  const SynonymTable unstemmed =
      SynonymTerms({{{"kl", "kuala lumpur"}, 1}}, Xapian::Stem()).table({});
  CHECK(unstemmed == SynonymTable{{"kl", {"kuala lumpur"}},
                                  {"Zkl", {"kuala lumpur"}},
                                  {"kuala lumpur", {"Zkl", "kuala lumpur"}}});
}

}  // namespace
}  // namespace berita
