#include "article/input_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/test_support.h"

namespace berita {
namespace {

struct Collected : ArticleHandler {
  std::vector<Article> articles;
  std::vector<std::string> rejected;
  std::vector<std::string> warnings;
  std::uint64_t bytes = 0;
  void on_article(Article&& a) override { articles.push_back(std::move(a)); }
  void on_rejected(const ParseError& e) override { rejected.push_back(e.describe()); }
  void on_warning(const ParseError& e) override { warnings.push_back(e.describe()); }
  void on_bytes(std::uint64_t n) override { bytes += n; }
};

Collected read_all(const std::vector<std::string>& paths, ReadLimits limits = {}) {
  Collected out;
  const InputSet set = collect_inputs(paths);
  for (const auto& e : set.errors) out.rejected.push_back(e.describe());
  PageFurniture furniture;
  for (const auto& file : set.files) read_input(file, furniture, limits, out);
  return out;
}

TEST_CASE("directories are walked in sorted order; ids are relative paths", "[article][input]") {
  test::TempDir dir;
  dir.write("root/b/second.txt", "Second\n\nBody.\n");
  dir.write("root/a.txt", "First\n\nBody.\n");
  dir.write("root/notes.md", "ignored");
  dir.write("root/.hidden/x.txt", "Hidden\n\nBody.\n");
  dir.write("root/feed.jsonl", R"({"id":"j1","title":"From JSON","body":"x"})" "\n");
  const Collected c = read_all({dir.file("root")});
  REQUIRE(c.rejected.empty());
  REQUIRE(c.articles.size() == 3);
  CHECK(c.articles[0].id == "a");
  CHECK(c.articles[1].id == "b/second");
  CHECK(c.articles[2].id == "j1");
}

TEST_CASE("bad inputs are reported with file and line and the rest is read",
          "[article][input]") {
  test::TempDir dir;
  const std::string jsonl = dir.write(
      "mixed.jsonl",
      "{\"id\":\"ok1\",\"title\":\"Fine\",\"body\":\"b\"}\n"
      "{broken\n"
      "\n"
      "{\"id\":\"bad-utf8\",\"title\":\"caf\xE9\",\"body\":\"b\"}\n"
      "{\"id\":\"\",\"title\":\"No id\"}\n"
      "{\"id\":\"ok2\",\"title\":\"Also fine\",\"body\":\"b\"}\n");
  const std::string binary = dir.write("bin.txt", std::string("PK\0\3\4 data", 11));
  const std::string empty = dir.write("empty.txt", "  \n\n");
  const Collected c = read_all({jsonl, binary, empty, dir.file("missing.txt"), dir.write("x.pdf", "%PDF")});

  REQUIRE(c.articles.size() == 3);
  CHECK(c.articles[0].id == "ok1");
  CHECK(c.articles[1].title == "caf\xC3\xA9");  // repaired as Windows-1252
  CHECK(c.articles[2].id == "ok2");
  CHECK(c.warnings.size() == 1);
  CHECK(c.warnings[0].find(jsonl + ":4: invalid UTF-8") == 0);
  const std::vector<std::string> expected = {
      dir.file("missing.txt") + ": no such file or directory",
      dir.file("x.pdf") + ": unsupported file type (expected .txt or .jsonl)",
      jsonl + ":2: malformed JSON",
      jsonl + ":5: missing or empty id",
      binary + ": binary file (contains NUL bytes)",
      empty + ": empty file",
  };
  CHECK(c.rejected == expected);
}

TEST_CASE("articles over the size limit are rejected", "[article][input]") {
  test::TempDir dir;
  const std::string big_body(5000, 'x');
  const std::string jsonl =
      dir.write("big.jsonl", "{\"id\":\"big\",\"title\":\"T\",\"body\":\"" + big_body +
                                 "\"}\n{\"id\":\"small\",\"title\":\"T\",\"body\":\"b\"}\n");
  const std::string text = dir.write("big.txt", "Headline\n\n" + big_body + "\n");
  ReadLimits limits;
  limits.max_article_bytes = 1000;
  const Collected c = read_all({jsonl, text}, limits);
  REQUIRE(c.articles.size() == 1);
  CHECK(c.articles[0].id == "small");
  REQUIRE(c.rejected.size() == 2);
  CHECK(c.rejected[0].find(jsonl + ":1: line is") == 0);
  CHECK(c.rejected[1].find(text + ": file is") == 0);
}

TEST_CASE("an unreadable file is reported, not fatal", "[article][input]") {
  if (geteuid() == 0) {
    WARN("running as root: permission bits do not stop reads, skipping");
    return;
  }
  test::TempDir dir;
  const std::string path = dir.write("secret.txt", "Headline\n\nBody\n");
  std::filesystem::permissions(path, std::filesystem::perms::none);
  const Collected c = read_all({path});
  CHECK(c.articles.empty());
  REQUIRE(c.rejected.size() == 1);
  CHECK(c.rejected[0].find("cannot read") != std::string::npos);
}

}  // namespace
}  // namespace berita
