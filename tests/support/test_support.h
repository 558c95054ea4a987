// Helpers shared by tests: temporary directories, running the real binaries,
// and locating test data.
#ifndef BERITA_TESTS_SUPPORT_TEST_SUPPORT_H
#define BERITA_TESTS_SUPPORT_TEST_SUPPORT_H

#include <sstream>
#include <string>
#include <vector>

#include "search/search_result.h"

namespace berita::test {

// A fresh directory under the system temp dir, removed with its contents
// when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  // Writes content to path()/name (creating parent directories); returns the path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs a program with arguments (no shell; a bare name is looked up on PATH),
// capturing its output.
CommandResult run(const std::vector<std::string>& argv);

// Paths of the built programs and of data.
// Calls an option parser (argc, argv, help stream) as `program args...`.
template <typename Parser>
auto parse_command_line(Parser parser, const std::string& program, std::vector<std::string> args) {
  args.insert(args.begin(), program);
  std::vector<const char*> argv;
  for (const auto& arg : args) argv.push_back(arg.c_str());
  std::ostringstream help;
  return parser(static_cast<int>(argv.size()), argv.data(), help);
}

std::string binary(const std::string& name);  // "berita-indexer" -> build path
std::string source_path(const std::string& relative);
// Path under ../shared/corpora; fails the current test with a clear message
// naming the file when it is missing.
std::string shared_corpus(const std::string& relative);

std::string read_file(const std::string& path);

// Indexes inputs (files or directories) into a new database at db_path with
// the real indexer, quietly; returns how many articles it holds.
unsigned long build_index(const std::string& db_path, const std::vector<std::string>& inputs);

// A hit with the fields every renderer shows.
Hit make_hit(std::string id, std::string title, std::string date, std::string source,
             std::string url, double score, std::string snippet);

}  // namespace berita::test

#endif
