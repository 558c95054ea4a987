#include "support/test_support.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "index/indexer.h"

namespace fs = std::filesystem;

namespace berita::test {

TempDir::TempDir() {
  std::random_device entropy;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path candidate =
        fs::temp_directory_path() / ("berita-test-" + std::to_string(entropy()));
    if (fs::create_directory(candidate)) {
      path_ = candidate.string();
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  const fs::path target = fs::path(path_) / name;
  fs::create_directories(target.parent_path());
  std::ofstream out(target, std::ios::binary);
  out << content;
  return target.string();
}

CommandResult run(const std::vector<std::string>& argv) {
  // Output goes to temporary files rather than pipes so a chatty child can
  // never block on a full pipe while we wait for it.
  TempDir capture;
  const std::string out_path = capture.file("out");
  const std::string err_path = capture.file("err");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int null_fd = ::open("/dev/null", O_RDONLY);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    dup2(null_fd, STDIN_FILENO);
    std::vector<char*> args;
    for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

std::string binary(const std::string& name) {
  for (const char* dir : {"/indexer/", "/searchd/", "/tools/", "/bench/"}) {
    const std::string path = std::string(BERITA_BINARY_DIR) + dir + name;
    if (fs::exists(path)) return path;
  }
  FAIL("program " << name << " is not built under " << BERITA_BINARY_DIR);
  return {};
}

std::string source_path(const std::string& relative) {
  return std::string(BERITA_SOURCE_DIR) + "/" + relative;
}

std::string shared_corpus(const std::string& relative) {
  const std::string path = std::string(BERITA_SHARED_DIR) + "/corpora/" + relative;
  if (!fs::exists(path)) FAIL("test data missing: " << path << " (is ../shared beside the clone?)");
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

unsigned long build_index(const std::string& db_path, const std::vector<std::string>& inputs) {
  IndexerConfig config;
  config.db_path = db_path;
  config.inputs = inputs;
  IndexObserver quiet;
  return static_cast<unsigned long>(run_indexer(config, quiet).doc_count);
}

Hit make_hit(std::string id, std::string title, std::string date, std::string source,
             std::string url, double score, std::string snippet) {
  Hit hit;
  hit.id = std::move(id);
  hit.title = std::move(title);
  hit.date = std::move(date);
  hit.source = std::move(source);
  hit.url = std::move(url);
  hit.score = score;
  hit.snippet = std::move(snippet);
  return hit;
}

}  // namespace berita::test
