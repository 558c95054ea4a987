#include "search/facets.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <map>

#include "index/article_codec.h"
#include "index/stored_article.h"
#include "query/invalid_request.h"
#include "query/search_request.h"
#include "search/article_db.h"
#include "search/ranking.h"
#include "support/test_support.h"
#include "text/utf8.h"

namespace berita {
namespace {

using Counts = std::map<std::string, std::uint64_t>;

// The facet values of one article, from its fields as written (not from
// the value slots the counter reads). source and category carry the slugs
// users filter by, so the expected slug is spelled out here.
struct Outlet {
  const char* name;
  const char* slug;
};
constexpr Outlet kOutlets[] = {
    {"Bernama", "bernama"},
    {"The Star", "the-star"},
    {"Free Malaysia Today", "free-malaysia-today"},
    {"Berita Harian", "berita-harian"},
};
struct Section {
  const char* name;
  const char* slug;
};
constexpr Section kSections[] = {
    {"Politics", "politics"}, {"Weather", "weather"}, {"Sport", "sport"}};

struct MadeUpArticle {
  Article article;
  std::string source_slug;
  std::string category_slug;
  bool mentions_flood = false;
  bool mentions_election = false;
  bool mentions_budget = false;
};

// 60 articles with sources, sections, languages and dates spread unevenly,
// some without a section, language or date. Topic words are chosen so the
// stemmer leaves them recognisable: a query word matches exactly the
// articles whose flags say so.
std::vector<MadeUpArticle> made_up_articles() {
  std::vector<MadeUpArticle> out;
  for (int i = 0; i < 60; ++i) {
    MadeUpArticle m;
    Article& a = m.article;
    a.id = "made-up-" + std::to_string(i);
    const Outlet& outlet = kOutlets[(i * i + i / 3) % 4];
    a.source = outlet.name;
    m.source_slug = outlet.slug;
    if (i % 11 != 0) {
      const Section& section = kSections[(i / 2) % 3];
      a.categories = {section.name, "Nation"};
      m.category_slug = section.slug;
    }
    if (i % 7 != 0) a.lang = i % 5 == 0 ? "ms" : "en";
    if (i % 13 != 0) {
      const int year = i % 3 == 0 ? 2019 : 2018;
      const int month = 1 + (i * 7) % 12;
      const int day = 1 + i % 28;
      char date[11];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
      a.date = date;
    }
    m.mentions_flood = i % 2 == 0;
    m.mentions_election = i % 3 == 0;
    m.mentions_budget = i % 5 == 0 || i == 7;
    std::string body = "Officials spoke to reporters on Tuesday.";
    if (m.mentions_flood) body += " Flood waters rose in the valley.";
    if (m.mentions_election) body += " The election campaign opened.";
    if (m.mentions_budget) body += " A budget was tabled.";
    a.title = "Report number " + std::to_string(i);
    a.paragraphs = {body};
    out.push_back(std::move(m));
  }
  return out;
}

std::string facet_value(const std::string& facet, const Article& article,
                        const std::string& source_slug, const std::string& category_slug) {
  if (facet == "source") return source_slug;
  if (facet == "category") return category_slug;
  if (facet == "lang") return article.lang;
  std::string ymd;
  for (char c : article.date) {
    if (c != '-') ymd += c;
  }
  if (facet == "year") return ymd.substr(0, std::min<std::size_t>(4, ymd.size()));
  if (facet == "month") return ymd.substr(0, std::min<std::size_t>(6, ymd.size()));
  FAIL("no such facet in the test: " << facet);
  return {};
}

// Most frequent first, ties by value, at most limit: the order the counter
// promises, computed the plain way.
std::vector<FacetValue> top_values(const Counts& counts, unsigned limit) {
  std::vector<FacetValue> values;
  for (const auto& [value, count] : counts) values.push_back(FacetValue{value, count});
  std::stable_sort(values.begin(), values.end(),
                   [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (values.size() > limit) values.resize(limit);
  return values;
}

std::string describe(const std::vector<FacetValue>& values) {
  std::string out;
  for (const auto& v : values) out += v.value + "=" + std::to_string(v.count) + " ";
  return out;
}

// The ways to count: a separate pass (count) or riding on the main query
// (attach/collect); values read from the documents or from ValueColumns.
struct Way {
  bool separate_pass;
  bool columns;
};
constexpr Way kWays[] = {{true, true}, {true, false}, {false, true}, {false, false}};

std::string describe(const Way& way) {
  return std::string(way.separate_pass ? "count()" : "attach()") +
         (way.columns ? " with columns" : " reading documents");
}

struct Search {
  std::vector<Facet> facets;
  Xapian::doccount matches = 0;      // as the counter reports them
  Xapian::doccount upper_bound = 0;  // Xapian's bound on the matches
  Xapian::doccount counted = 0;      // documents the spy saw (attach only)
};

Search run_faceted(const Xapian::Database& db, const std::string& query_text,
                   const std::vector<std::string>& names, unsigned limit, const Way& way,
                   Xapian::doccount exact_bound = kFacetExactBound, Xapian::doccount page = 10) {
  Analyzer analyzer;
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  const Xapian::Query query =
      query_text.empty() ? Xapian::Query::MatchAll : parser.parse_query(query_text);
  std::shared_ptr<const ValueColumns> columns;
  if (way.columns) {
    columns = std::make_shared<const ValueColumns>(db);
    REQUIRE(columns->describes(db));
  }
  FacetCounter counter(names, limit, columns, exact_bound);
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(RankingConfig{}));
  enquire.set_query(query);
  Search search;
  if (way.separate_pass) {
    const Xapian::MSet page_mset = enquire.get_mset(0, page);
    const FacetCounts counts = counter.count(db, query);
    search.facets = counts.facets;
    search.matches = counts.matches;
    search.upper_bound = page_mset.get_matches_upper_bound();
    return search;
  }
  counter.attach(enquire);
  const Xapian::MSet mset = enquire.get_mset(0, page, counter.check_at_least());
  search.facets = counter.collect(mset);
  search.matches = mset.get_uncollapsed_matches_estimated();
  search.upper_bound = mset.get_matches_upper_bound();
  search.counted = counter.documents_seen();
  return search;
}

const std::vector<std::string> kAllFacets = {"source", "category", "lang", "year", "month"};

TEST_CASE("facet counts on made-up articles equal counts from the articles themselves",
          "[facets]") {
  test::TempDir dir;
  const auto articles = made_up_articles();
  std::vector<Article> plain;
  for (const auto& m : articles) plain.push_back(m.article);
  test::write_articles(dir.file("db"), plain);
  const Xapian::Database db(dir.file("db"));

  struct Case {
    const char* query;
    std::function<bool(const MadeUpArticle&)> matches;
  };
  const Case cases[] = {
      {"flood", [](const MadeUpArticle& m) { return m.mentions_flood; }},
      {"election", [](const MadeUpArticle& m) { return m.mentions_election; }},
      {"flood election",
       [](const MadeUpArticle& m) { return m.mentions_flood || m.mentions_election; }},
      {"flood AND budget",
       [](const MadeUpArticle& m) { return m.mentions_flood && m.mentions_budget; }},
      {"", [](const MadeUpArticle&) { return true; }},
  };
  for (const auto& c : cases) {
    for (const unsigned limit : {100u, 2u}) {
      for (const Way& way : kWays) {
        CAPTURE(c.query, limit, describe(way));
        const Search search = run_faceted(db, c.query, kAllFacets, limit, way);
        std::uint64_t matching = 0;
        for (const auto& m : articles) matching += c.matches(m) ? 1 : 0;
        REQUIRE(search.matches == matching);
        if (!way.separate_pass) CHECK(search.counted == matching);
        REQUIRE(search.facets.size() == kAllFacets.size());
        for (std::size_t f = 0; f < kAllFacets.size(); ++f) {
          const Facet& facet = search.facets[f];
          CAPTURE(facet.name);
          CHECK(facet.name == kAllFacets[f]);
          CHECK_FALSE(facet.estimated);
          Counts expected;
          for (const auto& m : articles) {
            if (!c.matches(m)) continue;
            const std::string value =
                facet_value(facet.name, m.article, m.source_slug, m.category_slug);
            if (!value.empty()) ++expected[value];
          }
          const auto want = top_values(expected, limit);
          CHECK(describe(facet.values) == describe(want));
        }
      }
    }
  }
}

TEST_CASE("a query matching nothing has facets with no values", "[facets]") {
  test::TempDir dir;
  std::vector<Article> plain;
  for (const auto& m : made_up_articles()) plain.push_back(m.article);
  test::write_articles(dir.file("db"), plain);
  const Search search =
      run_faceted(Xapian::Database(dir.file("db")), "tsunami", {"source"}, 10, kWays[0]);
  REQUIRE(search.facets.size() == 1);
  CHECK(search.facets[0].values.empty());
  CHECK_FALSE(search.facets[0].estimated);
}

TEST_CASE("facets come back in the order asked for, each once", "[facets]") {
  test::TempDir dir;
  std::vector<Article> plain;
  for (const auto& m : made_up_articles()) plain.push_back(m.article);
  test::write_articles(dir.file("db"), plain);
  const Search search = run_faceted(Xapian::Database(dir.file("db")), "flood",
                                    {"month", "lang", "month"}, 5, kWays[1]);
  REQUIRE(search.facets.size() == 2);
  CHECK(search.facets[0].name == "month");
  CHECK(search.facets[1].name == "lang");
}

TEST_CASE("bad facet names and limits are refused naming the parameter", "[facets]") {
  try {
    FacetCounter({"source", "colour"}, 10);
    FAIL("an unknown facet was accepted");
  } catch (const InvalidRequest& e) {
    CHECK(e.parameter() == "facets");
    CHECK(std::string(e.what()).find("colour") != std::string::npos);
  }
  for (const unsigned limit : {0u, kMaxFacetLimit + 1}) {
    try {
      FacetCounter({"source"}, limit);
      FAIL("facet limit " << limit << " was accepted");
    } catch (const InvalidRequest& e) {
      CHECK(e.parameter() == "facet_limit");
    }
  }
}

// The real-corpus reference: every match of the query (a plain Enquire asked
// for all of them), its stored article decoded, its fields counted.
std::map<std::string, Counts> counts_from_stored_articles(const Xapian::Database& db,
                                                          const std::string& query_text) {
  Analyzer analyzer;
  Xapian::QueryParser parser = analyzer.make_query_parser(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(parser.parse_query(query_text));
  const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  std::map<std::string, Counts> counts;
  const ArticleCodec codec = ArticleCodec::for_database(db);
  for (auto it = all.begin(); it != all.end(); ++it) {
    const Article article = codec.decode(it.get_document());
    const std::string source_slug = slugify(article.source);
    const std::string category_slug =
        article.categories.empty() ? std::string() : slugify(article.categories.front());
    for (const auto& name : kAllFacets) {
      const std::string value = facet_value(name, article, source_slug, category_slug);
      if (!value.empty()) ++counts[name][value];
    }
  }
  return counts;
}

class MalaysianNewsSample {
 public:
  MalaysianNewsSample() {
    const auto articles =
        test::read_corpus_sample(test::shared_corpus("malaysian-news-2018/docs.jsonl"), 800, 2);
    REQUIRE(articles.size() >= 790);
    test::write_articles(dir_.file("db"), articles);
  }
  Xapian::Database open() const { return Xapian::Database(dir_.file("db")); }

 private:
  test::TempDir dir_;
};

TEST_CASE("facet counts on a Malaysian news sample equal counts from the stored articles",
          "[facets][corpus]") {
  const MalaysianNewsSample sample;
  const Xapian::Database db = sample.open();
  for (const char* query : {"kerajaan", "menteri polis", "malaysia", "bola sepak", "najib"}) {
    for (const Way& way : kWays) {
      CAPTURE(query, describe(way));
      const auto expected = counts_from_stored_articles(db, query);
      const Search search = run_faceted(db, query, kAllFacets, 15, way);
      REQUIRE(search.matches > 10);
      for (const auto& facet : search.facets) {
        CAPTURE(facet.name);
        CHECK_FALSE(facet.estimated);
        const auto found = expected.find(facet.name);
        const auto want =
            found == expected.end() ? std::vector<FacetValue>{} : top_values(found->second, 15);
        CHECK(describe(facet.values) == describe(want));
      }
    }
  }
}

TEST_CASE("past the exact bound, counts are marked estimated and scaled to the match estimate",
          "[facets][corpus]") {
  const MalaysianNewsSample sample;
  const Xapian::Database db = sample.open();
  const std::string query = "kerajaan menteri malaysia";
  const auto exact = counts_from_stored_articles(db, query);
  // A bound of 5 with a page of 1: the separate pass stops after 5 matches;
  // riding on the main query, the matcher stops counting once it has 5 and
  // skips what cannot beat the best one.
  for (const Way& way : kWays) {
    CAPTURE(describe(way));
    const Search search = run_faceted(db, query, {"lang", "year"}, kMaxFacetLimit, way, 5, 1);
    if (!way.separate_pass) REQUIRE(search.counted < search.upper_bound);
    for (const auto& facet : search.facets) {
      CAPTURE(facet.name);
      CHECK(facet.estimated);
      std::uint64_t sum = 0;
      for (const auto& value : facet.values) {
        sum += value.count;
        // Scaling can only name values that really occur among the matches.
        CHECK(exact.at(facet.name).count(value.value) == 1);
      }
      // Every match has a language and a date here, so the scaled counts add
      // up to the estimated matches, give or take rounding of each value.
      CHECK(std::abs(double(sum) - double(search.matches)) <= double(facet.values.size()));
    }
  }
}

}  // namespace
}  // namespace berita
