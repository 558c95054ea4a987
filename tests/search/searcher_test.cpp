#include "search/searcher.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "index/document_builder.h"
#include "query/invalid_request.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace berita {
namespace {

Article make(std::string id, std::string title, std::string body, std::string date,
             std::string source, std::string lang = "en") {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.paragraphs = {std::move(body)};
  a.date = std::move(date);
  a.source = std::move(source);
  a.lang = std::move(lang);
  a.categories = {"news"};
  return a;
}

// A small archive on disk, written with the real document builder.
class Archive {
 public:
  Archive() {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_or_check(db, "english");
    Analyzer analyzer;
    const Article articles[] = {
        make("flood-title", "Floods hit Kelantan", "Thousands moved to relief centres.",
             "2014-12-25", "Bernama"),
        make("flood-mention", "State budget tabled", "The budget mentions flood defences once.",
             "2019-10-11", "The Star"),
        make("oil", "Oil prices climb", "Crude oil prices rose on supply worries.", "1987-02-26",
             "Reuters"),
        make("prime", "New prime minister sworn in",
             "The prime minister took the oath at the palace.", "2018-05-10",
             "Free Malaysia Today"),
        make("malay", "Banjir di Kelantan", "Mangsa banjir dipindahkan.", "2021-01-04",
             "Berita Harian", "ms"),
    };
    for (const auto& a : articles) {
      db.replace_document(schema::id_term(a.id), build_document(a, analyzer));
    }
    db.commit();
  }
  std::string path() const { return dir_.file("db"); }

 private:
  test::TempDir dir_;
};

std::vector<std::string> ids(const SearchResult& result) {
  std::vector<std::string> out;
  for (const auto& hit : result.hits) out.push_back(hit.id);
  return out;
}

SearchRequest request(std::string q) {
  SearchRequest r;
  r.query = std::move(q);
  return r;
}

TEST_CASE("a title match outranks a passing mention", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  const SearchResult result = searcher.search(request("flood"));
  REQUIRE(result.hits.size() == 2);
  CHECK(ids(result) == std::vector<std::string>{"flood-title", "flood-mention"});
  CHECK(result.total == 2);
  CHECK(result.hits[0].title == "Floods hit Kelantan");
  CHECK(result.hits[0].source == "Bernama");
  CHECK(result.hits[0].date == "2014-12-25");
  CHECK(result.hits[0].score > result.hits[1].score);
}

TEST_CASE("snippets highlight stemmed matches, HTML-escaped", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  const SearchResult result = searcher.search(request("price"));
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].snippet.find("<mark>prices</mark>") != std::string::npos);
  SearchRequest no_snippets = request("price");
  no_snippets.snippets = false;
  CHECK(searcher.search(no_snippets).hits[0].snippet.empty());
}

TEST_CASE("phrases, fields and filters restrict the match set", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  CHECK(ids(searcher.search(request("\"prime minister\""))) == std::vector<std::string>{"prime"});
  CHECK(ids(searcher.search(request("title:budget"))) ==
        std::vector<std::string>{"flood-mention"});
  CHECK(ids(searcher.search(request("kelantan source:Bernama"))) ==
        std::vector<std::string>{"flood-title"});
  CHECK(ids(searcher.search(request("source:free-malaysia-today"))) ==
        std::vector<std::string>{"prime"});
  CHECK(ids(searcher.search(request("kelantan lang:ms"))) == std::vector<std::string>{"malay"});

  SearchRequest filtered = request("kelantan");
  filtered.langs = {"en"};
  CHECK(ids(searcher.search(filtered)) == std::vector<std::string>{"flood-title"});
  filtered.langs.clear();
  filtered.from = "2015-01-01";
  CHECK(ids(searcher.search(filtered)) == std::vector<std::string>{"malay"});
  filtered.from.clear();
  filtered.to = "2015-01-01";
  CHECK(ids(searcher.search(filtered)) == std::vector<std::string>{"flood-title"});
  SearchRequest by_source = request("");
  by_source.sources = {"Reuters", "The Star"};
  by_source.sort = SortOrder::kDate;
  CHECK(ids(searcher.search(by_source)) == std::vector<std::string>{"flood-mention", "oil"});
}

TEST_CASE("an empty query with date sort lists the newest first, with paging", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  SearchRequest r = request("");
  r.sort = SortOrder::kDate;
  r.limit = 2;
  CHECK(ids(searcher.search(r)) == std::vector<std::string>{"malay", "flood-mention"});
  r.offset = 4;
  CHECK(ids(searcher.search(r)) == std::vector<std::string>{"oil"});
  CHECK(searcher.search(r).total == 5);
}

TEST_CASE("bad requests raise InvalidRequest naming the parameter", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  const auto parameter_of = [&](const SearchRequest& r) {
    try {
      searcher.search(r);
    } catch (const InvalidRequest& e) {
      return e.code() + ":" + e.parameter();
    }
    return std::string("accepted");
  };
  SearchRequest r = request("oil AND");
  CHECK(parameter_of(r) == "bad_query:q");
  r = request("oil");
  r.limit = 0;
  CHECK(parameter_of(r) == "bad_parameter:limit");
  r.limit = 101;
  CHECK(parameter_of(r) == "bad_parameter:limit");
  r = request("oil");
  r.from = "2018-02-30";
  CHECK(parameter_of(r) == "bad_parameter:from");
  r.from = "2019-01-01";
  r.to = "2018-01-01";
  CHECK(parameter_of(r) == "bad_parameter:from");
  r = request("caf\xE9");
  CHECK(parameter_of(r) == "bad_query:q");
  r = request(std::string(5000, 'a'));
  CHECK(parameter_of(r) == "bad_query:q");
}

TEST_CASE("find_article returns the stored article or nothing", "[search]") {
  Archive archive;
  Searcher searcher(archive.path());
  const auto article = searcher.find_article("oil");
  REQUIRE(article);
  CHECK(article->title == "Oil prices climb");
  CHECK(article->paragraphs == std::vector<std::string>{"Crude oil prices rose on supply worries."});
  CHECK_FALSE(searcher.find_article("nope"));
}

TEST_CASE("snippets mark only the words typed, not feedback expansion terms", "[search]") {
  test::TempDir dir;
  {
    Xapian::WritableDatabase db(dir.file("db"), Xapian::DB_CREATE_OR_OPEN);
    schema::stamp_or_check(db, "english");
    Analyzer analyzer;
    // Enough matches for pseudo-relevance feedback to run; "crude" and
    // "barrel" co-occur with "oil" and so become expansion terms.
    for (int i = 0; i < 30; ++i) {
      const Article a = make("oil-" + std::to_string(i), "Market report " + std::to_string(i),
                             "Oil traders said crude barrel prices moved as crude stocks and "
                             "barrel output changed in week " + std::to_string(i) + ".",
                             "2020-01-01", "Reuters");
      db.replace_document(schema::id_term(a.id), build_document(a, analyzer));
    }
    db.commit();
  }
  Searcher searcher(dir.file("db"));
  REQUIRE(searcher.ranking().feedback_docs > 0);
  // Four words: a descriptive query, for which feedback runs.
  const SearchResult result = searcher.search(request("oil traders output week"));
  REQUIRE_FALSE(result.hits.empty());
  for (const auto& hit : result.hits) {
    CHECK(hit.snippet.find("<mark>Oil</mark>") != std::string::npos);
    CHECK(hit.snippet.find("<mark>crude</mark>") == std::string::npos);
    CHECK(hit.snippet.find("<mark>barrel</mark>") == std::string::npos);
  }
}

TEST_CASE("a missing database is DatabaseUnavailable", "[search]") {
  test::TempDir dir;
  CHECK_THROWS_AS(Searcher(dir.file("none")), DatabaseUnavailable);
}

TEST_CASE("refresh sees new commits and a swapped symlink target", "[search]") {
  Archive first;
  Archive second;
  test::TempDir dir;
  const std::string link = dir.file("live");
  std::filesystem::create_directory_symlink(first.path(), link);
  Searcher searcher(link);
  CHECK(searcher.doc_count() == 5);
  {
    Xapian::WritableDatabase db(first.path(), Xapian::DB_OPEN);
    Analyzer analyzer;
    const Article extra = make("extra", "Extra story", "Fresh news.", "2022-01-01", "Bernama");
    db.replace_document(schema::id_term(extra.id), build_document(extra, analyzer));
    db.commit();
  }
  CHECK(searcher.refresh());
  CHECK(searcher.doc_count() == 6);
  std::filesystem::remove(link);
  std::filesystem::create_directory_symlink(second.path(), link);
  CHECK(searcher.refresh());
  CHECK(searcher.doc_count() == 5);
  CHECK(ids(searcher.search(request("fresh"))).empty());
}

}  // namespace
}  // namespace berita
