#include "e2e/searchd_support.h"

#include <filesystem>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cctype>
#include <chrono>
#include <regex>
#include <thread>

namespace berita::test {

const std::string& corpus_db() {
  // Built on first use and removed at exit with the TempDir.
  static const auto dir = [] {
    auto made = std::make_unique<TempDir>();
    index_into(made->file("db"), {source_path("corpus")});
    return made;
  }();
  static const std::string path = dir->file("db");
  return path;
}

unsigned corpus_article_count() {
  unsigned count = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(source_path("corpus/articles"))) {
    count += entry.is_regular_file() && entry.path().extension() == ".txt";
  }
  return count;
}

void index_into(const std::string& db, const std::vector<std::string>& inputs) {
  std::vector<std::string> argv = {binary("berita-indexer"), "--db", db, "-q"};
  argv.insert(argv.end(), inputs.begin(), inputs.end());
  const CommandResult result = run(argv);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
}

Daemon::Daemon(const std::string& db, std::vector<std::string> extra) {
  std::vector<std::string> argv = {binary("berita-searchd"), "--db", db, "--listen", "127.0.0.1:0"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  const std::string out_path = dir_.file("out");
  const std::string err_path = dir_.file("err");
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  // Sanitizer builds start slowly; 30 s is only a bound for a daemon that hangs.
  const std::regex serving(R"(at http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch match;
    const std::string out = read_file(out_path);
    if (std::regex_search(out, match, serving)) {
      port_ = std::stoi(match[1]);
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      FAIL("berita-searchd exited at start: " << read_file(err_path));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  FAIL("berita-searchd did not report its port: " << read_file(err_path));
}

Daemon::~Daemon() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
}

std::unique_ptr<httplib::Client> Daemon::client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(10);
  client->set_read_timeout(30);
  client->set_keep_alive(true);
  return client;
}

int Daemon::stop(int signal, int timeout_s) {
  REQUIRE(pid_ > 0);
  kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string Daemon::stderr_text() const {
  return read_file(dir_.file("err"));
}

httplib::Result get(httplib::Client& client, const std::string& target) {
  httplib::Result result = client.Get(target.c_str());
  INFO("GET " << target);
  REQUIRE(result);
  return result;
}

nlohmann::json get_json(httplib::Client& client, const std::string& target, int status) {
  const auto result = get(client, target);
  INFO("GET " << target << " -> " << result->body);
  REQUIRE(result->status == status);
  REQUIRE(result->get_header_value("Content-Type").rfind("application/json", 0) == 0);
  return nlohmann::json::parse(result->body);
}

std::string encode(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

}  // namespace berita::test
