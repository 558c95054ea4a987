#include "e2e/reindex_support.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;

namespace berita::reindex_test {

std::string corpus_slice(const ScratchDir& dir, const std::string& corpus, std::size_t first,
                         std::size_t lines, const std::string& name) {
  const std::string source = std::string(BERITA_SHARED_DIR) + "/corpora/" + corpus;
  std::ifstream in(source);
  if (!in) FAIL("shared test data missing: " << source);
  std::ostringstream out;
  std::string line;
  for (std::size_t n = 0; n < first + lines && std::getline(in, line); ++n) {
    if (n >= first) out << line << "\n";
  }
  return dir.write(name, out.str());
}

std::string jsonl(const std::string& id, const std::string& title, const std::string& body) {
  return nlohmann::json{{"id", id},
                        {"title", title},
                        {"body", body},
                        {"date", "2018-07-05"},
                        {"source", "Test Wire"},
                        {"lang", "en"}}
             .dump() +
         "\n";
}

std::size_t database_errors(const std::string& path) {
  const std::string resolved = fs::canonical(path).string();
  const test::CommandResult check = test::run({"xapian-check", resolved});
  if (check.exit_code == 0) return 0;
  UNSCOPED_INFO(check.out + check.err);
  return 1;
}

std::string postlist_block_size(const std::string& db_dir) {
  const test::CommandResult check = test::run({"xapian-check", db_dir + "/postlist.glass"});
  if (check.exit_code != 0) return "xapian-check failed: " + check.err;
  const auto start = check.out.find("blocksize=");
  if (start == std::string::npos) return "not reported";
  return check.out.substr(start, check.out.find_first_of(" \n", start) - start);
}

std::string indexer_binary() {
  return std::string(BERITA_BINARY_DIR) + "/indexer/berita-indexer";
}
std::string search_binary() {
  for (const char* name : {"/searchd/berita-search", "/searchd/search"}) {
    const std::string path = std::string(BERITA_BINARY_DIR) + name;
    if (fs::exists(path)) return path;
  }
  return std::string(BERITA_BINARY_DIR) + "/searchd/berita-search";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Outcome run_indexer(const std::vector<std::string>& args, const std::string& crash_at,
                    int kill_after_ms, const std::string& shell_prefix) {
  ScratchDir capture;
  const std::string err_path = capture.file("err");
  std::vector<std::string> argv = {indexer_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  if (!shell_prefix.empty()) {
    std::string command = shell_prefix + " exec";
    for (const auto& arg : argv) command += " '" + arg + "'";
    argv = {"/bin/sh", "-c", command};
  }
  const pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_fd = ::open("/dev/null", O_RDWR);
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    if (crash_at.empty()) {
      unsetenv("BERITA_TEST_CRASH_AT");
    } else {
      setenv("BERITA_TEST_CRASH_AT", crash_at.c_str(), 1);
    }
    std::vector<char*> raw;
    for (auto& arg : argv) raw.push_back(const_cast<char*>(arg.c_str()));
    raw.push_back(nullptr);
    execv(raw[0], raw.data());
    _exit(127);
  }
  if (kill_after_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(kill_after_ms));
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Outcome outcome;
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  outcome.err = read_file(err_path);
  return outcome;
}

}  // namespace berita::reindex_test
