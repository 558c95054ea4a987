// The files of a TREC-style test collection: topics as `qid<TAB>text`
// (queries.tsv), judgments as `qid iter docid relevance` (qrels), and runs as
// `qid Q0 docid rank score tag`. Readers take a stream and the file's name,
// so errors can say where they are and tests need no files.
#ifndef BERITA_EVAL_TREC_FILES_H
#define BERITA_EVAL_TREC_FILES_H

#include <cstddef>
#include <istream>
#include <map>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace berita::eval {

struct EvalQuery {
  std::string qid;
  std::string text;
};

// docid -> relevance level; levels <= 0 mean judged non-relevant.
using Judgments = std::map<std::string, int>;
// qid -> that query's judgments.
using Qrels = std::map<std::string, Judgments>;

// A malformed line: what() reads "FILE:LINE: reason".
class EvalInputError : public std::runtime_error {
 public:
  EvalInputError(const std::string& file, std::size_t line, const std::string& reason)
      : std::runtime_error(file + ":" + std::to_string(line) + ": " + reason) {}
};

// Queries in file order. Blank lines are skipped; a line without a tab, with
// an empty id or text, or repeating an id is an EvalInputError.
std::vector<EvalQuery> read_queries(std::istream& in, const std::string& file_name);

// Blank lines are skipped; a line that is not four fields with an integer
// relevance is an EvalInputError. A pair judged twice keeps the last level
// (as trec_eval does).
Qrels read_qrels(std::istream& in, const std::string& file_name);

// Opens path and calls the reader; an unreadable file is an EvalInputError
// at line 0.
std::vector<EvalQuery> read_queries_file(const std::string& path);
Qrels read_qrels_file(const std::string& path);

struct RankedDoc {
  std::string id;
  double score = 0;
};

// One query's ranking as run lines, ranks from 1.
void write_run(std::ostream& out, const std::string& qid, const std::vector<RankedDoc>& ranking,
               const std::string& tag);

}  // namespace berita::eval

#endif
