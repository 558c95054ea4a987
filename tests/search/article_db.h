// Test databases for the facet and freshness tests: articles written with
// the real document builder, either made up in the test or sampled from a
// shared corpus exactly as the indexer parses it.
#ifndef BERITA_TESTS_SEARCH_ARTICLE_DB_H
#define BERITA_TESTS_SEARCH_ARTICLE_DB_H

#include <xapian.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include "article/furniture.h"
#include "article/json_article.h"
#include "index/document_builder.h"
#include "schema/schema.h"
#include "text/analyzer.h"

namespace berita::test {

inline void write_articles(const std::string& path, const std::vector<Article>& articles) {
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  schema::stamp_or_check(db, "english");
  Analyzer analyzer;
  for (const auto& article : articles) {
    db.replace_document(schema::id_term(article.id), build_document(article, analyzer));
  }
  db.commit();
}

// Every `stride`-th record of a JSON Lines corpus, at most max_articles of
// them; records the parser refuses are skipped as the indexer skips them.
inline std::vector<Article> read_corpus_sample(const std::string& jsonl_path,
                                               std::size_t max_articles, long stride = 1) {
  std::ifstream in(jsonl_path);
  REQUIRE(in.good());
  const PageFurniture furniture;
  std::vector<ParseError> warnings;
  std::vector<Article> articles;
  std::string line;
  for (long line_no = 1; articles.size() < max_articles && std::getline(in, line); ++line_no) {
    if ((line_no - 1) % stride != 0) continue;
    auto parsed = parse_json_article(line, jsonl_path, line_no, furniture, warnings);
    if (auto* article = std::get_if<Article>(&parsed)) articles.push_back(std::move(*article));
  }
  return articles;
}

}  // namespace berita::test

#endif
