// News search features through the real berita-searchd over corpus/: facets,
// date expressions, recency, did-you-mean, collapsing, explain, more like
// this and autocomplete, each with its bad input.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e/searchd_support.h"

namespace berita::test {
namespace {

using json = nlohmann::json;

// The 400 answer names the parameter at fault.
void check_rejected(httplib::Client& client, const std::string& target,
                    const std::string& parameter) {
  const json error = get_json(client, target, 400);
  CHECK(error["error"]["parameter"] == parameter);
  CHECK_FALSE(error["error"]["message"].get<std::string>().empty());
}

std::vector<std::string> ids(const json& result) {
  std::vector<std::string> out;
  for (const auto& hit : result["hits"]) out.push_back(hit["id"]);
  return out;
}

}  // namespace

TEST_CASE("facets count every match and agree with filtered searches", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json result = get_json(*client, "/search?q=malaysia&facets=source,year,lang&limit=3");
  REQUIRE(result["hits"].size() == 3);
  const auto total = result["total"].get<std::uint64_t>();
  REQUIRE(total > 3);
  CHECK(result["facets_estimated"].empty());
  for (const char* name : {"source", "year", "lang"}) {
    INFO("facet " << name);
    const json& values = result["facets"][name];
    REQUIRE_FALSE(values.empty());
    std::uint64_t sum = 0;
    std::uint64_t previous = UINT64_MAX;
    for (const auto& v : values) {
      const auto count = v["count"].get<std::uint64_t>();
      CHECK(count <= previous);  // most frequent first
      previous = count;
      sum += count;
    }
    // Every match has a source, a date and a language in corpus/.
    CHECK(sum == total);
  }
  // Each source count is what a search filtered to that source finds (a full
  // page counted, not "total", which is the matcher's estimate).
  for (const auto& v : result["facets"]["source"]) {
    const std::string source = v["value"];
    const json filtered =
        get_json(*client, "/search?q=malaysia&limit=100&source=" + encode(source));
    CHECK(filtered["hits"].size() == v["count"]);
  }
  // Each year count is what a date expression for that year finds.
  for (const auto& v : result["facets"]["year"]) {
    const std::string year = v["value"];
    const json filtered =
        get_json(*client, "/search?limit=100&q=" + encode("malaysia date:" + year));
    CHECK(filtered["hits"].size() == v["count"]);
  }
  CHECK(get_json(*client, "/search?q=malaysia&facets=source&facet_limit=1")["facets"]["source"]
            .size() == 1);

  check_rejected(*client, "/search?q=malaysia&facets=source,colour", "facets");
  check_rejected(*client, "/search?q=malaysia&facets=source&facet_limit=0", "facet_limit");
  check_rejected(*client, "/search?q=malaysia&facets=source&facet_limit=101", "facet_limit");
}

TEST_CASE("date expressions in the query text filter by article date", "[searchd][e2e][news]") {
  // A fixed clock, so last: means the same whenever the test runs.
  Daemon daemon(corpus_db(), {"--quiet", "--today", "2024-03-20"});
  auto client = daemon.client();
  const auto dates_of = [&](const std::string& q) {
    std::vector<std::string> dates;
    const json result = get_json(*client, "/search?limit=50&q=" + encode(q));
    for (const auto& hit : result["hits"]) dates.push_back(hit["date"]);
    return dates;
  };
  for (const auto& date : dates_of("date:2018")) CHECK(date.substr(0, 4) == "2018");
  CHECK_FALSE(dates_of("date:2018").empty());
  for (const auto& date : dates_of("date:2018-05-01..2018-07-31")) {
    CHECK(date >= "2018-05-01");
    CHECK(date <= "2018-07-31");
  }
  for (const auto& date : dates_of("after:2017 before:2019")) CHECK(date.substr(0, 4) == "2018");
  const auto recent = dates_of("last:30d");
  REQUIRE_FALSE(recent.empty());  // the padi subsidy story of 2024-03-11
  for (const auto& date : recent) {
    CHECK(date >= "2024-02-19");
    CHECK(date <= "2024-03-20");
  }
  // sort=date is newest first.
  const json by_date = get_json(*client, "/search?q=malaysia&sort=date&limit=50");
  for (std::size_t i = 1; i < by_date["hits"].size(); ++i) {
    CHECK(by_date["hits"][i - 1]["date"] >= by_date["hits"][i]["date"]);
  }

  check_rejected(*client, "/search?q=" + encode("flood last:7"), "q");
  check_rejected(*client, "/search?q=" + encode("date:2018-13"), "q");
  check_rejected(*client, "/search?q=" + encode("before:tomorrow"), "q");
}

TEST_CASE("sort=recency adds a freshness bonus inside the ranking", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json relevance = get_json(*client, "/search?q=malaysia&limit=100");
  const json recency = get_json(*client, "/search?q=malaysia&limit=100&sort=recency&explain=1");
  REQUIRE(relevance["hits"].size() == recency["hits"].size());
  std::map<std::string, double> relevance_score;
  std::string newest;
  std::string newest_date;
  for (const auto& hit : relevance["hits"]) {
    relevance_score[hit["id"]] = hit["score"];
    if (hit["date"].is_string() && hit["date"].get<std::string>() > newest_date) {
      newest_date = hit["date"];
      newest = hit["id"];
    }
  }
  double previous = 1e300;
  for (const auto& hit : recency["hits"]) {
    INFO(hit["id"] << " " << hit["date"]);
    const double score = hit["score"];
    const double bonus = hit["explanation"]["freshness"];
    // The blended score is the relevance score plus the bonus, and the hits
    // come in blended order: the matcher ranked by it.
    CHECK(score == Approx(relevance_score.at(hit["id"]) + bonus).margin(1e-3));
    CHECK(score <= previous + 1e-9);
    previous = score;
    if (hit["id"] == newest) {
      CHECK(bonus > 0);
    } else if (hit["date"].is_string() && hit["date"].get<std::string>().substr(0, 4) <
                                              newest_date.substr(0, 4)) {
      // Years older at a 7-day half-life: the bonus has all but vanished.
      CHECK(bonus < 1e-6);
    }
  }
  // A half-life of ten years makes old articles fresh again.
  const json slow = get_json(*client, "/search?q=malaysia&limit=100&sort=recency&explain=1&half_life=3650");
  double old_bonus = 0;
  for (const auto& hit : slow["hits"]) {
    if (hit["id"] != newest) old_bonus = std::max(old_bonus, hit["explanation"]["freshness"].get<double>());
  }
  CHECK(old_bonus > 0.01);

  check_rejected(*client, "/search?q=malaysia&sort=recency&half_life=0", "half_life");
  check_rejected(*client, "/search?q=malaysia&sort=recency&half_life=soon", "half_life");
  check_rejected(*client, "/search?q=malaysia&sort=freshest", "sort");
}

TEST_CASE("a misspelt name gets a did-you-mean suggestion", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json misspelt = get_json(*client, "/search?q=mahatir");
  CHECK(misspelt["suggestion"] == "mahathir");
  CHECK(get_json(*client, "/search?q=mahathir")["suggestion"].is_null());
  CHECK(get_json(*client, "/search?q=mahatir&suggest=0")["suggestion"].is_null());
  const auto page = get(*client, "/?q=mahatir");
  CHECK(page->body.find("Did you mean") != std::string::npos);
  CHECK(page->body.find("q=mahathir") != std::string::npos);
  check_rejected(*client, "/search?q=mahatir&suggest=maybe", "suggest");
}

TEST_CASE("collapse=1 shows one article per wire story", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const std::string bernama = "articles/wire-padi-subsidy-bernama";
  const std::string star = "articles/wire-padi-subsidy-star";
  const std::string drought = "articles/padi-harvest-drought-kedah";
  const auto plain = ids(get_json(*client, "/search?q=padi"));
  CHECK(std::count(plain.begin(), plain.end(), bernama) == 1);
  CHECK(std::count(plain.begin(), plain.end(), star) == 1);

  const json collapsed = get_json(*client, "/search?q=padi&collapse=1");
  const auto shown = ids(collapsed);
  // One of the two copies, with the other listed; the different story stays.
  CHECK(std::count(shown.begin(), shown.end(), bernama) +
            std::count(shown.begin(), shown.end(), star) == 1);
  CHECK(std::count(shown.begin(), shown.end(), drought) == 1);
  for (const auto& hit : collapsed["hits"]) {
    if (hit["id"] == bernama || hit["id"] == star) {
      CHECK(hit["duplicates"] == 1);
      CHECK(hit["duplicate_ids"] == json::array({hit["id"] == bernama ? star : bernama}));
    } else {
      CHECK(hit["duplicates"] == 0);
    }
  }
  check_rejected(*client, "/search?q=padi&collapse=2", "collapse");
}

TEST_CASE("explain=1 breaks every score into parts that add up", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  for (const char* q : {"padi subsidy", "title:floods", "\"prime minister\"", "kuala lumpur office"}) {
    INFO("query " << q);
    const json result = get_json(*client, "/search?explain=1&q=" + encode(q));
    REQUIRE_FALSE(result["hits"].empty());
    for (const auto& hit : result["hits"]) {
      const json& e = hit["explanation"];
      double sum = e["freshness"].get<double>() + e["other"].get<double>();
      for (const auto& term : e["terms"]) sum += term["weight"].get<double>();
      CHECK(std::abs(sum - hit["score"].get<double>()) < 1e-3);
      CHECK_FALSE(e["summary"].get<std::string>().empty());
    }
  }
  CHECK_FALSE(get_json(*client, "/search?q=padi")["hits"][0].contains("explanation"));
  check_rejected(*client, "/search?q=padi&explain=yes", "explain");
}

TEST_CASE("GET /doc/{id}/similar lists articles on the same topic", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const std::string id = "articles/padi-harvest-drought-kedah";
  const json similar = get_json(*client, "/doc/" + id + "/similar?limit=3");
  const auto shown = ids(similar);
  REQUIRE_FALSE(shown.empty());
  CHECK(shown.size() <= 3);
  CHECK(std::find(shown.begin(), shown.end(), id) == shown.end());
  // The padi subsidy story is the closest topic in corpus/.
  CHECK((shown.front() == "articles/wire-padi-subsidy-bernama" ||
         shown.front() == "articles/wire-padi-subsidy-star"));

  const json missing = get_json(*client, "/doc/articles/no-such-story/similar", 404);
  CHECK(missing["error"]["code"] == "not_found");
  check_rejected(*client, "/doc/" + id + "/similar?limit=0", "limit");
  check_rejected(*client, "/doc/" + id + "/similar?limit=ten", "limit");
  check_rejected(*client, "/doc/" + id + "/similar?colour=red", "colour");
}

TEST_CASE("GET /suggest completes words and headlines", "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json words = get_json(*client, "/suggest?prefix=mahat");
  CHECK(words["prefix"] == "mahat");
  REQUIRE_FALSE(words["completions"].empty());
  CHECK(words["completions"][0]["text"] == "mahathir");
  CHECK(words["completions"][0]["kind"] == "word");
  CHECK(words["completions"][0]["count"].get<int>() >= 2);

  const json titles = get_json(*client, "/suggest?prefix=" + encode("padi sub") + "&limit=2");
  bool headline = false;
  for (const auto& c : titles["completions"]) headline |= c["kind"] == "title";
  CHECK(headline);

  check_rejected(*client, "/suggest", "prefix");
  check_rejected(*client, "/suggest?prefix=" + encode("?!"), "prefix");
  check_rejected(*client, "/suggest?prefix=ma&limit=0", "limit");
  check_rejected(*client, "/suggest?prefix=ma&q=x", "q");
}

TEST_CASE("the search page shows facets as filter links and groups wire copies",
          "[searchd][e2e][news]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const std::string page = get(*client, "/?q=padi")->body;
  CHECK(page.find("<aside class=\"facets\">") != std::string::npos);
  CHECK(page.find("source=Bernama") != std::string::npos);
  CHECK(page.find("near-identical version") != std::string::npos);
  const std::string ungrouped = get(*client, "/?q=padi&collapse=0")->body;
  CHECK(ungrouped.find("near-identical version") == std::string::npos);
}

TEST_CASE("berita-search offers the same features on the command line", "[cli][e2e][news]") {
  const std::string db = corpus_db();
  const auto search = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {binary("berita-search"), "--db", db});
    return run(args);
  };
  const auto facets = search({"--json", "--facets", "source,year", "malaysia"});
  REQUIRE(facets.exit_code == 0);
  CHECK(json::parse(facets.out)["facets"].contains("year"));

  const auto similar = search({"--json", "--similar", "articles/padi-harvest-drought-kedah"});
  REQUIRE(similar.exit_code == 0);
  CHECK_FALSE(json::parse(similar.out)["hits"].empty());
  CHECK(search({"--similar", "articles/nope"}).exit_code == 1);

  const auto complete = search({"--complete", "mahat"});
  REQUIRE(complete.exit_code == 0);
  CHECK(complete.out.rfind("mahathir\t", 0) == 0);

  const auto explain = search({"--explain", "--collapse", "padi"});
  REQUIRE(explain.exit_code == 0);
  CHECK(explain.out.find("why: ") != std::string::npos);
  CHECK(explain.out.find("near-duplicate") != std::string::npos);

  const auto suggestion = search({"mahatir"});
  CHECK(suggestion.out.find("Did you mean: mahathir") != std::string::npos);

  const auto bad = search({"--facets", "colour", "malaysia"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown facet 'colour'") != std::string::npos);
}

}  // namespace berita::test
