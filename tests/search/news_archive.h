// A real Berita database for the synonym and spelling tests: the team's
// sample articles (corpus/articles) plus articles a test writes, indexed by
// run_indexer in either mode with a synonyms file the test chooses.
#ifndef BERITA_TESTS_SEARCH_NEWS_ARCHIVE_H
#define BERITA_TESTS_SEARCH_NEWS_ARCHIVE_H

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "support/test_support.h"

namespace berita::test {

// One article in the plain-text format of corpus/articles.
inline std::string article_text(const std::string& title, const std::string& body,
                                const std::string& date = "2020-01-15") {
  return "Date: " + date +
         "\nSource: Berita Test\nCategory: news\nLang: en\n"
         "URL: https://example.com/" +
         date + "\n\n" + title + "\n\n" + body + "\n";
}

class NewsArchive {
 public:
  enum class Mode { kUpdate, kRebuild };

  // Writes each (id, text) pair to extra/<id>.txt; the ids are the article
  // ids in the database.
  void add(const std::string& id, const std::string& text) {
    dir_.write("extra/" + id + ".txt", text);
    has_extra_ = true;
  }
  // Synonyms file content; "" leaves the synonyms file out.
  void set_synonyms(const std::string& content) { synonyms_ = content; }

  IndexReport build(Mode mode = Mode::kUpdate, bool with_corpus = true) {
    IndexerConfig config;
    config.db_path = db_path();
    if (with_corpus) config.inputs.push_back(source_path("corpus/articles"));
    if (has_extra_) config.inputs.push_back(dir_.file("extra"));
    if (!synonyms_.empty()) config.synonyms_file = dir_.write("synonyms.txt", synonyms_);
    config.rebuild = mode == Mode::kRebuild;
    config.parallel.threads = 2;
    IndexObserver quiet;
    const IndexReport report = run_indexer(config, quiet);
    REQUIRE(report.rejected == 0);
    return report;
  }

  std::string db_path() const { return dir_.file("db"); }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  std::string synonyms_;
  bool has_extra_ = false;
};

}  // namespace berita::test

#endif
