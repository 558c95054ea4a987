// berita-searchd while the data changes under it (commits, replaced articles,
// a rebuilt database swapped in), under concurrent load, when the database
// goes away, at shutdown, and its search page in a real browser.
#include <signal.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e/searchd_support.h"

namespace fs = std::filesystem;

namespace berita::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string article(const std::string& title, const std::string& body) {
  return "Date: 2026-01-02\nSource: Berita Test\nLang: en\n\n" + title + "\n\n" + body + "\n";
}

// Polls until the query finds the id; returns seconds taken, or -1 after
// timeout_s (a generous bound for loaded sanitizer runs, not a timing check).
double seconds_until_found(httplib::Client& client, const std::string& query, const std::string& id,
                           double timeout_s = 15) {
  const auto start = Clock::now();
  while (std::chrono::duration<double>(Clock::now() - start).count() < timeout_s) {
    const auto result = client.Get(("/search?q=" + encode(query)).c_str());
    if (result && result->status == 200 &&
        result->body.find("\"id\":\"" + id + "\"") != std::string::npos) {
      return std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

// Points link at target atomically (a new symlink renamed over the old one),
// as a deployment swaps in a rebuilt database.
void swap_symlink(const std::string& link, const std::string& target) {
  const std::string fresh = link + ".new";
  fs::remove(fresh);
  fs::create_directory_symlink(target, fresh);
  fs::rename(fresh, link);
}

TEST_CASE("concurrent clients never fail while articles are added, replaced and swapped",
          "[searchd][e2e][concurrency]") {
  TempDir dir;
  const std::string incoming = dir.file("incoming");
  const std::string db_a = dir.file("db-a");
  index_into(db_a, {source_path("corpus")});
  const std::string link = dir.file("current");
  fs::create_directory_symlink(db_a, link);
  // More workers than clients: a keep-alive connection holds a worker, and
  // the checker below must not queue behind the load.
  Daemon daemon(link, {"--quiet", "--threads", "10"});

  constexpr int kClients = 8;
  constexpr int kQueriesEach = 200;
  const char* const kQueries[] = {"alibaba",       "kuala lumpur", "\"prime minister\"", "banjir",
                                  "flood OR haze", "elect*",       "title:oil",          "zebra"};
  std::atomic<int> failures{0};
  std::atomic<int> answered{0};
  std::atomic<bool> writer_done{false};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = daemon.client();
      for (int i = 0; i < kQueriesEach || !writer_done; ++i) {
        const std::string q = kQueries[(c + i) % std::size(kQueries)];
        const auto result = client->Get(("/search?limit=5&q=" + encode(q)).c_str());
        if (!result || result->status != 200) {
          ++failures;
        } else {
          ++answered;
        }
      }
    });
  }

  auto checker = daemon.client();
  std::vector<double> delays;
  // 1: new articles committed by the indexer become findable.
  for (int round = 0; round < 3; ++round) {
    const std::string word = "quokkaround" + std::to_string(round);
    TempDir batch;
    batch.write("fresh" + std::to_string(round) + ".txt",
                article("Quokka census " + word, "Rangers counted " + word + " animals."));
    index_into(db_a, {batch.path()});
    const double delay = seconds_until_found(*checker, word, "fresh" + std::to_string(round));
    CHECK(delay >= 0);
    delays.push_back(delay);
  }
  // 2: an article replaced under the same id shows its new text.
  {
    TempDir batch;
    batch.write("fresh0.txt", article("Quokka census revised", "Rangers recounted wallabytwo."));
    index_into(db_a, {batch.path()});
    const double delay = seconds_until_found(*checker, "wallabytwo", "fresh0");
    CHECK(delay >= 0);
    delays.push_back(delay);
  }
  // 3: a rebuilt database swapped in behind the symlink.
  {
    TempDir batch;
    batch.write("rebuilt.txt", article("Swapped archive", "Only in the rebuilt numbatswap db."));
    const std::string db_b = dir.file("db-b");
    index_into(db_b, {source_path("corpus"), batch.path()});
    swap_symlink(link, db_b);
    const double delay = seconds_until_found(*checker, "numbatswap", "rebuilt");
    CHECK(delay >= 0);
    delays.push_back(delay);
  }
  writer_done = true;
  for (auto& t : clients) t.join();

  CHECK(failures == 0);
  CHECK(answered >= kClients * kQueriesEach);
  std::string seen;
  for (const double d : delays) seen += std::to_string(d) + "s ";
  WARN("new data findable after: " << seen << "(" << answered << " concurrent answers)");

  const json stats = json::parse(get(*checker, "/stats")->body);
  CHECK(stats["reloads"].get<int>() >= 5);
  CHECK(stats["last_reload"].is_string());
  checker.reset();  // an idle keep-alive connection would hold shutdown for --read-timeout
  REQUIRE(daemon.stop(SIGTERM) == 0);
}

TEST_CASE("SIGTERM and SIGINT stop the daemon gracefully with status 0", "[searchd][e2e]") {
  for (const int signal : {SIGTERM, SIGINT}) {
    Daemon daemon(corpus_db());
    std::atomic<bool> stop{false};
    std::atomic<int> bad{0};
    std::thread load([&] {
      auto client = daemon.client();
      while (!stop) {
        const auto result = client->Get("/search?q=kuala+lumpur");
        // Refused connections after shutdown are fine; a broken answer is not.
        if (result && result->status != 200) ++bad;
        if (!result) std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(daemon.stop(signal) == 0);
    stop = true;
    load.join();
    CHECK(bad == 0);
  }
}

TEST_CASE("a database that becomes unreadable gives 503, and recovers", "[searchd][e2e]") {
  TempDir dir;
  const std::string link = dir.file("current");
  fs::create_directory_symlink(corpus_db(), link);
  fs::create_directory(dir.file("empty"));
  Daemon daemon(link, {"--quiet", "--threads", "2"});
  auto client = daemon.client();
  CHECK(get(*client, "/health")->status == 200);

  swap_symlink(link, dir.file("empty"));  // not a database
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto health = get(*client, "/health");
  CHECK(health->status == 503);
  CHECK(nlohmann::json::parse(health->body)["error"]["code"] == "unavailable");
  CHECK(get(*client, "/search?q=oil")->status == 503);
  CHECK(get(*client, "/?q=oil")->status == 503);
  const auto metrics = get(*client, "/metrics");
  CHECK(metrics->status == 200);
  CHECK(metrics->body.find("\nberita_database_up 0\n") != std::string::npos);

  swap_symlink(link, corpus_db());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK(get(*client, "/health")->status == 200);
}

TEST_CASE("the search page renders results with highlights in a headless browser",
          "[searchd][e2e][browser]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const auto start = get(*client, "/");
  CHECK(start->status == 200);
  CHECK(start->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(start->body.find("Search " + std::to_string(corpus_article_count()) + " news articles") !=
        std::string::npos);
  const auto page = get(*client, "/?q=alibaba&source=&from=&to=&sort=relevance");
  CHECK(page->status == 200);
  CHECK(page->body.find("<mark>Alibaba</mark>") != std::string::npos);

  const std::string chromium = "/usr/bin/chromium";
  if (!fs::exists(chromium)) {
    WARN("skipping the browser check: " << chromium << " is missing (scripts/test.sh installs it)");
    return;
  }
  TempDir profile;
  const CommandResult dom = run(
      {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
       "--disable-background-networking", "--disable-component-update", "--disable-sync",
       "--user-data-dir=" + profile.path(), "--dump-dom",
       "http://127.0.0.1:" + std::to_string(daemon.port()) + "/?q=alibaba+kuala+lumpur&limit=5"});
  INFO(dom.err.substr(0, 2000));
  REQUIRE(dom.exit_code == 0);
  CHECK(dom.out.find("<li class=\"hit\">") != std::string::npos);
  CHECK(dom.out.find("<mark>Alibaba</mark>") != std::string::npos);
  CHECK(dom.out.find("href=\"/doc/articles/alibaba-kl-office\"") != std::string::npos);
  CHECK(dom.out.find("class=\"pages\"") != std::string::npos);
}

}  // namespace
}  // namespace berita::test
