// Running the real berita-searchd for end-to-end tests: a database built by
// the real indexer, the daemon on a free loopback port, and HTTP helpers.
#ifndef BERITA_TESTS_E2E_SEARCHD_SUPPORT_H
#define BERITA_TESTS_E2E_SEARCHD_SUPPORT_H

#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace berita::test {

// corpus/ indexed once per test run by the real berita-indexer (read-only use).
const std::string& corpus_db();

// How many articles corpus/ holds (its .txt files), as corpus_db() indexes them.
unsigned corpus_article_count();

// Runs berita-indexer --db db -q inputs...; fails the test unless it exits 0.
void index_into(const std::string& db, const std::vector<std::string>& inputs);

class Daemon {
 public:
  // Starts berita-searchd --db db --listen 127.0.0.1:0 plus extra args and
  // waits until it prints the port it serves on.
  explicit Daemon(const std::string& db, std::vector<std::string> extra = {"--quiet"});
  ~Daemon();  // SIGKILL if still running
  Daemon(const Daemon&) = delete;
  Daemon& operator=(const Daemon&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::unique_ptr<httplib::Client> client() const;
  // Sends the signal and waits for exit; returns the exit status
  // (128 + signal when killed by one), or -1 if still running after timeout_s.
  int stop(int signal, int timeout_s = 20);
  std::string stderr_text() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// GET with the test's own client; fails the test if there is no response.
httplib::Result get(httplib::Client& client, const std::string& target);

// GET target; requires the status and a JSON content type; returns the parsed body.
nlohmann::json get_json(httplib::Client& client, const std::string& target, int status = 200);

// Percent-encodes a query-string value.
std::string encode(const std::string& value);

}  // namespace berita::test

#endif
