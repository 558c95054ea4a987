// The HTTP API of the real berita-searchd over corpus/ and the BBC collection.
#include <catch2/catch.hpp>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "e2e/searchd_support.h"

namespace berita::test {
namespace {

using json = nlohmann::json;

std::vector<std::string> ids(const json& result) {
  std::vector<std::string> out;
  for (const auto& hit : result["hits"]) out.push_back(hit["id"]);
  return out;
}

TEST_CASE("GET /search ranks, highlights and returns the documented JSON shape", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json result = get_json(*client, "/search?q=alibaba");
  std::vector<std::string> keys;
  for (const auto& item : result.items()) keys.push_back(item.key());
  // nlohmann::json sorts keys; the daemon's order is checked on the raw text below.
  CHECK(keys == std::vector<std::string>{"hits", "limit", "offset", "query", "suggestion",
                                        "took_ms", "total"});
  CHECK(result["query"] == "alibaba");
  CHECK(result["limit"] == 10);
  CHECK(result["offset"] == 0);
  REQUIRE(!result["hits"].empty());
  const json& first = result["hits"][0];
  CHECK(first["id"] == "articles/alibaba-kl-office");
  CHECK(first["date"] == "2018-07-05");
  CHECK(first["source"] == "Free Malaysia Today");
  CHECK(first["url"] == "https://fmt.example.com/2018/07/05/alibaba-kl-office");
  CHECK(first["score"].get<double>() > 0);
  CHECK(first["snippet"].get<std::string>().find("<mark>Alibaba</mark>") != std::string::npos);
  const std::string raw = get(*client, "/search?q=alibaba")->body;
  CHECK(raw.rfind(R"({"query":"alibaba","total":)", 0) == 0);
  CHECK(raw.find(R"({"id":"articles/alibaba-kl-office","title":)") != std::string::npos);
}

TEST_CASE("GET /search pages, sorts and filters", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  SECTION("paging with offset and limit") {
    const auto two = ids(get_json(*client, "/search?q=kuala+lumpur&limit=4"));
    REQUIRE(two.size() == 4);
    const auto second_page = ids(get_json(*client, "/search?q=kuala+lumpur&limit=2&offset=2"));
    CHECK(second_page == std::vector<std::string>{two[2], two[3]});
  }
  SECTION("sort=date puts the newest first") {
    const json result = get_json(*client, "/search?q=malaysia&sort=date&limit=20");
    std::string previous = "9999-99-99";
    for (const auto& hit : result["hits"]) {
      if (hit["date"].is_null()) continue;
      CHECK(hit["date"].get<std::string>() <= previous);
      previous = hit["date"];
    }
  }
  SECTION("source filters, repeatable") {
    const json one = get_json(*client, "/search?source=Bernama&limit=100");
    REQUIRE(!one["hits"].empty());
    for (const auto& hit : one["hits"]) CHECK(hit["source"] == "Bernama");
    const json two = get_json(*client, "/search?source=bernama&source=The+Star&limit=100");
    std::set<std::string> sources;
    for (const auto& hit : two["hits"]) sources.insert(hit["source"]);
    CHECK(sources == std::set<std::string>{"Bernama", "The Star"});
  }
  SECTION("lang and category filters") {
    const json malay = get_json(*client, "/search?lang=ms&limit=100");
    CHECK(malay["hits"].size() == 5);
    const json business = get_json(*client, "/search?q=alibaba&category=business");
    CHECK(ids(business).front() == "articles/alibaba-kl-office");
    CHECK(get_json(*client, "/search?q=alibaba&category=sport")["hits"].empty());
  }
  SECTION("date range") {
    const json result = get_json(*client, "/search?from=2018-01-01&to=2018-12-31&limit=100");
    REQUIRE(!result["hits"].empty());
    for (const auto& hit : result["hits"]) {
      REQUIRE(hit["date"].is_string());
      CHECK(hit["date"].get<std::string>() >= "2018-01-01");
      CHECK(hit["date"].get<std::string>() <= "2018-12-31");
    }
  }
}

TEST_CASE("the daemon and berita-search --json return the same hits", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const CommandResult cli = run({binary("berita-search"), "--db", corpus_db(), "--json", "-n", "5",
                                 "--sort", "date", "kuala", "lumpur"});
  INFO(cli.err);
  REQUIRE(cli.exit_code == 0);
  const json from_cli = json::parse(cli.out);
  // %20, not '+': the test's HTTP client percent-encodes a '+' in the target.
  const json from_http = get_json(*client, "/search?q=kuala%20lumpur&limit=5&sort=date");
  CHECK(from_http["hits"] == from_cli["hits"]);
  CHECK(from_http["total"] == from_cli["total"]);
}

TEST_CASE("GET /doc/{id} returns the stored article, ids may contain slashes", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const json article = get_json(*client, "/doc/articles/alibaba-kl-office");
  CHECK(article["id"] == "articles/alibaba-kl-office");
  CHECK(article["title"].get<std::string>().find("Alibaba") != std::string::npos);
  CHECK(article["body"].get<std::string>().find("Jack Ma") != std::string::npos);
  CHECK(get_json(*client, "/doc/articles%2Falibaba-kl-office")["id"] ==
        "articles/alibaba-kl-office");
  const json missing = get_json(*client, "/doc/articles/no-such-story", 404);
  CHECK(missing["error"]["code"] == "not_found");
  CHECK(get_json(*client, "/doc/", 404)["error"]["code"] == "not_found");
}

TEST_CASE("GET /health, /stats and /metrics report the daemon's state", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  CHECK(get_json(*client, "/health") == json{{"status", "ok"}, {"docs", corpus_article_count()}});
  get_json(*client, "/search?q=flood");
  get_json(*client, "/search?limit=0", 400);

  const json stats = get_json(*client, "/stats");
  CHECK(stats["docs"] == corpus_article_count());
  CHECK(stats["revision"].get<int>() >= 1);
  CHECK(stats["reloads"] == 0);
  CHECK(stats["last_reload"].is_null());
  CHECK(stats["uptime_s"].get<double>() >= 0);
  CHECK(stats["requests_served"].get<int>() >= 3);

  const auto metrics = get(*client, "/metrics");
  CHECK(metrics->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  // Every line is a comment or "name{labels} value" (Prometheus text format).
  const std::regex sample(R"(^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [0-9.e+-]+$)");
  std::map<std::string, double> values;
  std::istringstream lines(metrics->body);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("# HELP ", 0) == 0 || line.rfind("# TYPE ", 0) == 0) continue;
    INFO(line);
    REQUIRE(std::regex_match(line, sample));
    values[line.substr(0, line.rfind(' '))] = std::stod(line.substr(line.rfind(' ') + 1));
  }
  CHECK(values["berita_http_requests_total{endpoint=\"search\",status=\"200\"}"] == 1);
  CHECK(values["berita_http_requests_total{endpoint=\"search\",status=\"400\"}"] == 1);
  CHECK(values["berita_http_requests_total{endpoint=\"health\",status=\"200\"}"] == 1);
  CHECK(values["berita_http_request_duration_seconds_count{endpoint=\"search\"}"] == 2);
  CHECK(values["berita_http_request_duration_seconds_bucket{endpoint=\"search\",le=\"+Inf\"}"] ==
        2);
  CHECK(values["berita_http_errors_total{code=\"bad_parameter\"}"] == 1);
  CHECK(values["berita_documents"] == corpus_article_count());
  CHECK(values["berita_database_up"] == 1);
  CHECK(values.count("berita_reloads_total") == 1);
}

TEST_CASE("the daemon serves BBC articles built by the real indexer", "[searchd][e2e]") {
  // The first 400 articles (all of business and some entertainment) keep
  // the sanitizer run short; the indexer's own tests cover the whole file.
  const std::string docs = shared_corpus("bbc-news/docs.jsonl");
  TempDir dir;
  std::ifstream in(docs);
  std::string slice;
  int count = 0;
  for (std::string line; count < 400 && std::getline(in, line); ++count) slice += line + "\n";
  REQUIRE(count == 400);
  index_into(dir.file("db"), {dir.write("bbc-slice.jsonl", slice)});
  Daemon daemon(dir.file("db"));
  auto client = daemon.client();
  CHECK(get_json(*client, "/health")["docs"] == 400);
  const json result =
      get_json(*client, "/search?q=" + encode("\"Ad sales boost Time Warner profit\""));
  REQUIRE(!result["hits"].empty());
  CHECK(result["hits"][0]["id"] == "bbc-business-001");
  CHECK(result["total"].get<int>() >= 1);
  const json first = get_json(*client, "/search?q=economy&limit=20");
  const json paged = get_json(*client, "/search?q=economy&limit=10&offset=10");
  REQUIRE(first["hits"].size() == 20);
  CHECK(paged["offset"] == 10);
  CHECK(paged["hits"][0]["id"] == first["hits"][10]["id"]);
}

TEST_CASE("the search page escapes what the client typed", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const auto page = get(
      *client, "/?q=" + encode("\"><script>alert(1)</script>") + "&source=" + encode("<b>x</b>"));
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->body.find("<script>alert") == std::string::npos);
  CHECK(page->body.find("<b>x") == std::string::npos);
  CHECK(page->body.find("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
}

TEST_CASE("the access log has one line per request unless --quiet", "[searchd][e2e]") {
  Daemon daemon(corpus_db(), {});
  auto client = daemon.client();
  get(*client, "/search?q=alibaba");
  get(*client, "/nope");
  client.reset();  // an idle keep-alive connection would hold shutdown for --read-timeout
  REQUIRE(daemon.stop(SIGTERM) == 0);
  const std::string log = daemon.stderr_text();
  CHECK(std::regex_search(log, std::regex(R"(GET /search\?q=alibaba 200 [0-9.]+ms\n)")));
  CHECK(std::regex_search(log, std::regex(R"(GET /nope 404 [0-9.]+ms\n)")));
}

}  // namespace
}  // namespace berita::test
