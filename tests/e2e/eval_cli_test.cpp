// berita-eval as a user runs it: real binaries, a temporary database.
#include <catch2/catch.hpp>
#include <string>

#include "support/test_support.h"

using berita::test::binary;
using berita::test::CommandResult;
using berita::test::read_file;
using berita::test::run;
using berita::test::TempDir;

namespace {

constexpr const char* kDocs =
    R"({"id": "a", "title": "Apple harvest", "body": "Apples are picked in autumn."}
{"id": "b", "title": "Pear trees", "body": "Pears and an apple or two."}
{"id": "c", "title": "Car engines", "body": "Engines burn fuel."}
)";

std::string indexed_db(const TempDir& dir) {
  const std::string db = dir.file("db");
  const CommandResult indexed =
      run({binary("berita-indexer"), "-q", "--db", db, dir.write("docs.jsonl", kDocs)});
  INFO(indexed.err);
  REQUIRE(indexed.exit_code == 0);
  return db;
}

}  // namespace

TEST_CASE("berita-eval measures an indexed collection and writes the run", "[e2e][eval]") {
  TempDir dir;
  const std::string db = indexed_db(dir);
  const std::string queries = dir.write("queries.tsv", "1\tWhat about (apples)?\n2\tENGINES\n");
  const std::string qrels = dir.write("qrels.txt", "1 0 a 1\n2 0 c 1\n");
  const std::string run_file = dir.file("run.txt");

  const CommandResult eval =
      run({binary("berita-eval"), "--db", db, "--queries", queries, "--qrels", qrels, "--per-query",
           "--run", run_file, "--tag", "test"});
  INFO(eval.err);
  REQUIRE(eval.exit_code == 0);
  // Both queries put their one relevant document first.
  CHECK_THAT(eval.out, Catch::Contains("1       \t1.0000\t1.0000\t0.1000\t1.0000\t1.0000\t1\t1"));
  CHECK_THAT(eval.out, Catch::Contains("all     \t1.0000\t1.0000\t0.1000\t1.0000\t1.0000\t2\t2"));
  const std::string run_text = read_file(run_file);
  CHECK_THAT(run_text, Catch::StartsWith("1 Q0 a 1 "));
  CHECK_THAT(run_text, Catch::Contains("\n2 Q0 c 1 "));
  CHECK_THAT(run_text, Catch::EndsWith(" test\n"));
}

TEST_CASE("berita-eval rejects a malformed qrels line with its place", "[e2e][eval]") {
  TempDir dir;
  const std::string db = indexed_db(dir);
  const std::string queries = dir.write("queries.tsv", "1\tapple\n");
  const std::string qrels = dir.write("qrels.txt", "1 0 a 1\n1 0 b\n");
  const CommandResult eval =
      run({binary("berita-eval"), "--db", db, "--queries", queries, "--qrels", qrels});
  CHECK(eval.exit_code == 1);
  CHECK_THAT(eval.err, Catch::Contains(qrels + ":2: expected 'qid iter docid relevance'"));
}

TEST_CASE("berita-eval rejects a query line without a tab", "[e2e][eval]") {
  TempDir dir;
  const std::string db = indexed_db(dir);
  const std::string queries = dir.write("queries.tsv", "1\tapple\n2 pears\n");
  const std::string qrels = dir.write("qrels.txt", "1 0 a 1\n");
  const CommandResult eval =
      run({binary("berita-eval"), "--db", db, "--queries", queries, "--qrels", qrels});
  CHECK(eval.exit_code == 1);
  CHECK_THAT(eval.err, Catch::Contains(queries + ":2: expected 'qid<TAB>text'"));
}

TEST_CASE("berita-eval reports usage errors with status 2", "[e2e][eval]") {
  CHECK(run({binary("berita-eval"), "--db", "x", "--queries", "y"}).exit_code == 2);
  const CommandResult bad_scheme = run(
      {binary("berita-eval"), "--db", "x", "--queries", "y", "--qrels", "z", "--scheme", "tfidf"});
  CHECK(bad_scheme.exit_code == 2);
  CHECK_THAT(bad_scheme.err, Catch::Contains("unknown weighting scheme 'tfidf'"));
}
