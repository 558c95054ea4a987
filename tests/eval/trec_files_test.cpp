#include "eval/trec_files.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace berita::eval;

TEST_CASE("queries are read in file order, blank lines skipped", "[eval][trec]") {
  std::istringstream in("1\twhat is (TSS)?\n\n2\t  flow over a wing .  \n");
  const auto queries = read_queries(in, "q.tsv");
  REQUIRE(queries.size() == 2);
  CHECK(queries[0].qid == "1");
  CHECK(queries[0].text == "what is (TSS)?");
  CHECK(queries[1].qid == "2");
  CHECK(queries[1].text == "flow over a wing .");
}

TEST_CASE("malformed query lines name the file and line", "[eval][trec]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1\tok\nno tab here\n", "q.tsv:2: expected 'qid<TAB>text', found no tab"},
      {"\tno id\n", "q.tsv:1: empty query id"},
      {"1\tok\n7\t \n", "q.tsv:2: query 7 has no text"},
      {"1\tok\n\n1\tagain\n", "q.tsv:3: query id 1 repeats line 1"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    std::istringstream in(text);
    CHECK_THROWS_WITH(read_queries(in, "q.tsv"), message);
  }
}

TEST_CASE("qrels group judgments by query, last judgment wins", "[eval][trec]") {
  std::istringstream in("1 0 12 2\n1 0 13 1\n\n2 0 12 0\n1 0 13 -1\n");
  const Qrels qrels = read_qrels(in, "qrels.txt");
  REQUIRE(qrels.size() == 2);
  CHECK(qrels.at("1").at("12") == 2);
  CHECK(qrels.at("1").at("13") == -1);
  CHECK(qrels.at("2").at("12") == 0);
}

TEST_CASE("malformed qrels lines name the file and line", "[eval][trec]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1 0 12 1\n1 0 13\n", "qrels.txt:2: expected 'qid iter docid relevance', found 3 fields"},
      {"1 0 12 1 extra\n", "qrels.txt:1: expected 'qid iter docid relevance', found 5 fields"},
      {"1 0 12 high\n", "qrels.txt:1: relevance 'high' is not an integer"},
      {"1 0 12 1.5\n", "qrels.txt:1: relevance '1.5' is not an integer"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    std::istringstream in(text);
    CHECK_THROWS_WITH(read_qrels(in, "qrels.txt"), message);
  }
}

TEST_CASE("a missing file is reported with its path", "[eval][trec]") {
  CHECK_THROWS_WITH(read_qrels_file("/nonexistent/qrels.txt"),
                    "/nonexistent/qrels.txt:0: cannot open file");
}

TEST_CASE("runs are written as qid Q0 docid rank score tag", "[eval][trec]") {
  std::ostringstream out;
  write_run(out, "7", {{"12", 3.5}, {"4", 1.25}}, "berita");
  CHECK(out.str() == "7 Q0 12 1 3.5 berita\n7 Q0 4 2 1.25 berita\n");
}
