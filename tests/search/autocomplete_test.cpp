#include "search/autocomplete.h"

#include <catch2/catch.hpp>
#include <regex>

#include "query/invalid_request.h"
#include "search/news_archive.h"
#include "search/searcher.h"
#include "support/test_support.h"

namespace berita {
namespace {

class CorpusIndex {
 public:
  CorpusIndex() {
    documents_ = test::build_index(dir_.file("db"), {test::source_path("corpus/articles")});
  }
  Xapian::Database db() const { return Xapian::Database(dir_.file("db")); }
  std::string path() const { return dir_.file("db"); }
  unsigned long documents() const { return documents_; }

 private:
  test::TempDir dir_;
  unsigned long documents_ = 0;
};

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

TEST_CASE("words complete to the archive's most common matching words", "[search][autocomplete]") {
  CorpusIndex index;
  Searcher searcher(index.path());
  const auto completions = complete(index.db(), "mahat");
  REQUIRE_FALSE(completions.empty());
  const Completion& first = completions.front();
  CHECK(first.kind == Completion::Kind::kWord);
  CHECK(first.text == "mahathir");

  // The count is the number of articles a search for the word finds (its
  // stem's; "mahathir's" too), counted here from the stored articles.
  unsigned long containing = 0;
  const std::regex word("\\bmahathir\\b");
  for (unsigned long i = 0; i < index.documents(); ++i) {
    SearchRequest all;
    all.offset = static_cast<unsigned>(i);
    all.limit = 1;
    all.snippets = false;
    const auto article = searcher.find_article(searcher.search(all).hits.at(0).id);
    REQUIRE(article);
    std::string text = article->title + " " + article->standfirst + " " + article->location;
    for (const auto& p : article->paragraphs) text += " " + p;
    for (const auto& c : article->captions) text += " " + c;
    containing += std::regex_search(lower(text), word);
  }
  CHECK(first.count == containing);

  SECTION("word completions are ordered by article count") {
    const auto many = complete(index.db(), "p", 20);
    std::uint64_t previous = UINT64_MAX;
    for (const auto& c : many) {
      if (c.kind != Completion::Kind::kWord) break;
      CHECK(c.text[0] == 'p');
      CHECK(c.count <= previous);
      previous = c.count;
    }
  }
}

TEST_CASE("earlier words are kept and narrow the headlines", "[search][autocomplete]") {
  CorpusIndex index;
  const auto completions = complete(index.db(), "Prime Minis", 5);
  REQUIRE_FALSE(completions.empty());
  CHECK(completions.front().text == "prime minister");
  bool saw_title = false;
  for (const auto& c : completions) {
    if (c.kind != Completion::Kind::kTitle) continue;
    saw_title = true;
    const std::string title = lower(c.text);
    CHECK(title.find("prime") != std::string::npos);
    CHECK(title.find("minis") != std::string::npos);
    CHECK_FALSE(c.id.empty());
  }
  CHECK(saw_title);
}

TEST_CASE("a word completes once per stem, in its shortest written form", "[search][autocomplete]") {
  test::NewsArchive archive;
  archive.add("a", test::article_text("Floods in Kelantan", "Flooding closed roads."));
  archive.add("b", test::article_text("River floods again", "The flood reached the town."));
  archive.add("c", test::article_text("Floodgates opened", "Engineers opened the floodgates."));
  archive.add("d", test::article_text("Dry season", "No rain this month."));
  SECTION("update mode") { archive.build(test::NewsArchive::Mode::kUpdate, false); }
  SECTION("rebuild mode") { archive.build(test::NewsArchive::Mode::kRebuild, false); }
  const Xapian::Database db(archive.db_path());
  std::vector<std::pair<std::string, std::uint64_t>> words;
  for (const auto& c : complete(db, "floo", 8)) {
    if (c.kind == Completion::Kind::kWord) words.emplace_back(c.text, c.count);
  }
  // flood, floods and flooding share a stem and articles a, b; floodgates
  // is its own stem, in c.
  CHECK(words == std::vector<std::pair<std::string, std::uint64_t>>{{"flood", 2},
                                                                    {"floodgates", 1}});
  // The earlier words narrow headlines by their stems: "river floods".
  std::vector<std::string> ids;
  for (const auto& c : complete(db, "river flood", 8)) {
    if (c.kind == Completion::Kind::kTitle) ids.push_back(c.id);
  }
  CHECK(ids == std::vector<std::string>{"b"});
  // Two letters span several entries.
  bool saw_flood = false;
  for (const auto& c : complete(db, "fl", 20)) saw_flood = saw_flood || c.text == "flood";
  CHECK(saw_flood);
}

TEST_CASE("bad prefixes and limits are rejected naming the parameter", "[search][autocomplete]") {
  CorpusIndex index;
  const auto rejects = [&](const std::string& prefix, unsigned limit, const char* parameter) {
    try {
      complete(index.db(), prefix, limit);
      return false;
    } catch (const InvalidRequest& e) {
      return e.parameter() == parameter;
    }
  };
  CHECK(rejects("!!! ...", 5, "prefix"));
  CHECK(rejects(std::string(kMaxPrefixBytes + 1, 'a'), 5, "prefix"));
  CHECK(rejects("caf\xC3", 5, "prefix"));
  CHECK(rejects("flood", 0, "limit"));
  CHECK(rejects("flood", kMaxCompletions + 1, "limit"));
  CHECK(complete(index.db(), "zzzzqqq").empty());
}

}  // namespace berita
