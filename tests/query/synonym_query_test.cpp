// Query text -> Xapian query with synonyms from the table: QueryParser's
// expansion (through query_parser_flags) and rebalance_synonyms. Xapian's
// in-memory backend has no synonym table, so the table lives on disk.
#include "query/synonym_query.h"

#include <catch2/catch.hpp>

#include "index/synonym_table.h"
#include "query/query_builder.h"
#include "support/test_support.h"
#include "text/analyzer.h"

namespace berita {
namespace {

class SynonymParser {
 public:
  SynonymParser() : db_(dir_.file("db"), Xapian::DB_CREATE) {
    AnalyzerConfig config;
    config.synonyms = {{{"kl", "kuala lumpur"}, 1}, {{"pm", "prime minister"}, 2}};
    const Analyzer analyzer(config);
    replace_synonym_table(db_, analyzer.synonym_table());
    db_.commit();
    parser_ = analyzer.make_query_parser(db_);
  }
  Xapian::Query parse(const std::string& text) {
    return parser_.parse_query(text, query_parser_flags());
  }

 private:
  test::TempDir dir_;
  Xapian::WritableDatabase db_;
  Xapian::QueryParser parser_;
};

struct Case {
  const char* text;
  const char* parsed;      // QueryParser's shape
  const char* rebalanced;  // after rebalance_synonyms
};

TEST_CASE("synonyms expand words and runs of words and are rebalanced", "[synonyms][query]") {
  SynonymParser parser;
  const Case cases[] = {
      // Every word is looked up by its stem, whatever its case.
      {"KL", "Query((Zkl@1 SYNONYM kuala lumpur@1))",
       "Query((Zkl@1 OR (Zkl@1 SYNONYM kuala lumpur@1)))"},
      {"kl", "Query((Zkl@1 SYNONYM kuala lumpur@1))",
       "Query((Zkl@1 OR (Zkl@1 SYNONYM kuala lumpur@1)))"},
      // The words keep their own weight; the expression's term joins KL's.
      {"Kuala Lumpur", "Query(((Zkuala@1 OR Zlumpur@2) SYNONYM Zkl@1 SYNONYM kuala lumpur@1))",
       "Query(((Zkuala@1 OR Zlumpur@2) OR (Zkl@1 SYNONYM kuala lumpur@1)))"},
      {"title:KL", "Query((ZSkl@1 SYNONYM Skuala lumpur@1))",
       "Query((ZSkl@1 OR (ZSkl@1 SYNONYM Skuala lumpur@1)))"},
      // Phrases, wildcards and NEAR are not expanded.
      {"\"KL\" office", "Query((Zkl@1 OR Zoffic@2))", "Query((Zkl@1 OR Zoffic@2))"},
      {"\"Kuala Lumpur\"", "Query((Zkuala@1 PHRASE 2 Zlumpur@2))",
       "Query((Zkuala@1 PHRASE 2 Zlumpur@2))"},
      {"kual*", "Query(WILDCARD SYNONYM Zkual)", "Query(WILDCARD SYNONYM Zkual)"},
      {"KL NEAR floods", "Query((Zkl@1 NEAR 11 Zflood@2))", "Query((Zkl@1 NEAR 11 Zflood@2))"},
      // Boolean structure around an expansion is kept.
      {"KL AND floods", "Query(((Zkl@1 SYNONYM kuala lumpur@1) AND Zflood@2))",
       "Query(((Zkl@1 OR (Zkl@1 SYNONYM kuala lumpur@1)) AND Zflood@2))"},
      {"floods -KL", "Query((Zflood@1 AND_NOT (Zkl@2 SYNONYM kuala lumpur@2)))",
       "Query((Zflood@1 AND_NOT (Zkl@2 OR (Zkl@2 SYNONYM kuala lumpur@2))))"},
      {"source:bernama KL", "Query(((Zkl@1 SYNONYM kuala lumpur@1) FILTER XSRCbernama))",
       "Query(((Zkl@1 OR (Zkl@1 SYNONYM kuala lumpur@1)) FILTER XSRCbernama))"},
      {"prime minister", "Query(((Zprime@1 OR Zminist@2) SYNONYM Zpm@1 SYNONYM prime minister@1))",
       "Query(((Zprime@1 OR Zminist@2) OR (Zpm@1 SYNONYM prime minister@1)))"},
      // Words without synonyms are left alone.
      {"floods", "Query(Zflood@1)", "Query(Zflood@1)"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    const Xapian::Query parsed = parser.parse(c.text);
    CHECK(parsed.get_description() == c.parsed);
    CHECK(rebalance_synonyms(parsed).get_description() == c.rebalanced);
  }
}

TEST_CASE("queries without synonym expansions come back unchanged", "[synonyms][query]") {
  const Xapian::Query plain(Xapian::Query::OP_AND, Xapian::Query("Zflood"),
                            Xapian::Query("XSRCbernama"));
  CHECK(rebalance_synonyms(plain).get_description() == plain.get_description());
  CHECK(rebalance_synonyms(Xapian::Query()).empty());
  CHECK(rebalance_synonyms(Xapian::Query::MatchNothing).get_description() ==
        Xapian::Query::MatchNothing.get_description());
  // Scale factors are not exposed by Xapian, so such a part is kept whole.
  const Xapian::Query scaled(
      Xapian::Query::OP_SCALE_WEIGHT,
      Xapian::Query(Xapian::Query::OP_SYNONYM, Xapian::Query("kl"), Xapian::Query("kuala lumpur")),
      2.0);
  CHECK(rebalance_synonyms(scaled).get_description() == scaled.get_description());
}

}  // namespace
}  // namespace berita
