#include "eval/trec_files.h"

#include <fstream>
#include <sstream>

namespace berita::eval {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

bool parse_int(const std::string& text, int& value) {
  std::size_t used = 0;
  try {
    value = std::stoi(text, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used == text.size();
}

std::ifstream open_or_throw(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw EvalInputError(path, 0, "cannot open file");
  return in;
}

}  // namespace

std::vector<EvalQuery> read_queries(std::istream& in, const std::string& file_name) {
  std::vector<EvalQuery> queries;
  std::map<std::string, std::size_t> seen;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (trim(line).empty()) continue;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      throw EvalInputError(file_name, number, "expected 'qid<TAB>text', found no tab");
    }
    EvalQuery query{trim(line.substr(0, tab)), trim(line.substr(tab + 1))};
    if (query.qid.empty()) throw EvalInputError(file_name, number, "empty query id");
    if (query.text.empty()) {
      throw EvalInputError(file_name, number, "query " + query.qid + " has no text");
    }
    const auto [previous, inserted] = seen.emplace(query.qid, number);
    if (!inserted) {
      throw EvalInputError(
          file_name, number,
          "query id " + query.qid + " repeats line " + std::to_string(previous->second));
    }
    queries.push_back(std::move(query));
  }
  return queries;
}

Qrels read_qrels(std::istream& in, const std::string& file_name) {
  Qrels qrels;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    std::istringstream fields(line);
    std::vector<std::string> parts;
    for (std::string part; fields >> part;) parts.push_back(part);
    if (parts.empty()) continue;
    if (parts.size() != 4) {
      throw EvalInputError(
          file_name, number,
          "expected 'qid iter docid relevance', found " + std::to_string(parts.size()) + " fields");
    }
    int relevance = 0;
    if (!parse_int(parts[3], relevance)) {
      throw EvalInputError(file_name, number, "relevance '" + parts[3] + "' is not an integer");
    }
    qrels[parts[0]][parts[2]] = relevance;
  }
  return qrels;
}

std::vector<EvalQuery> read_queries_file(const std::string& path) {
  std::ifstream in = open_or_throw(path);
  return read_queries(in, path);
}

Qrels read_qrels_file(const std::string& path) {
  std::ifstream in = open_or_throw(path);
  return read_qrels(in, path);
}

void write_run(std::ostream& out, const std::string& qid, const std::vector<RankedDoc>& ranking,
               const std::string& tag) {
  // Scores keep enough digits that trec_eval, which re-sorts by score, sees
  // the same order.
  std::ostringstream line;
  line.precision(10);
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    line.str({});
    line << qid << " Q0 " << ranking[i].id << ' ' << (i + 1) << ' ' << ranking[i].score << ' '
         << tag << '\n';
    out << line.str();
  }
}

}  // namespace berita::eval
