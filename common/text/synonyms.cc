#include "text/synonyms.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <stdexcept>

#include "text/utf8.h"
#include "text/words.h"

namespace berita {
namespace {

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

// The group on one line without its comment, or the reason it is bad.
// Returns an empty group for a line with nothing on it.
struct LineResult {
  std::vector<std::string> entries;
  std::optional<std::string> problem;
};

LineResult parse_line(const std::string& raw) {
  LineResult result;
  if (find_invalid_utf8(raw) != std::string_view::npos) {
    result.problem = "invalid UTF-8";
    return result;
  }
  const std::string line = collapse_whitespace(raw.substr(0, raw.find('#')));
  if (line.empty()) return result;

  std::vector<std::string> words;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::string written =
        collapse_whitespace(line.substr(start, comma == std::string::npos ? comma : comma - start));
    if (written.empty()) {
      result.problem = "empty expression (two commas in a row, or a comma at the start or end)";
      return result;
    }
    split_words(written, words);
    if (words.empty()) {
      result.problem = "expression " + quoted(written) + " has no letters or digits";
      return result;
    }
    if (words.size() > kMaxEntryWords) {
      result.problem = "expression " + quoted(written) + " has " + std::to_string(words.size()) +
                       " words; at most " + std::to_string(kMaxEntryWords) + " are allowed";
      return result;
    }
    std::string entry = words.front();
    for (std::size_t i = 1; i < words.size(); ++i) entry += ' ' + words[i];
    if (entry.size() > kMaxEntryBytes) {
      result.problem = "expression " + quoted(written) + " is too long (" +
                       std::to_string(entry.size()) + " bytes; at most " +
                       std::to_string(kMaxEntryBytes) + ")";
      return result;
    }
    // "KL, kl" is one expression written twice, not two.
    if (std::find(result.entries.begin(), result.entries.end(), entry) == result.entries.end()) {
      result.entries.push_back(std::move(entry));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (result.entries.size() < 2) {
    result.problem = "only one expression (" + quoted(result.entries.front()) +
                     "); a group needs at least two, separated by commas";
  }
  return result;
}

}  // namespace

SynonymFile parse_synonyms(std::istream& in, const std::string& file_name) {
  SynonymFile file;
  std::string raw;
  long line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    LineResult parsed = parse_line(raw);
    if (parsed.problem) {
      file.problems.push_back({file_name, line_no, *parsed.problem});
    } else if (!parsed.entries.empty()) {
      file.groups.push_back({std::move(parsed.entries), line_no});
    }
  }
  return file;
}

SynonymFile load_synonyms_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open synonyms file " + path);
  SynonymFile file = parse_synonyms(in, path);
  if (in.bad()) throw std::runtime_error("error reading synonyms file " + path);
  return file;
}

}  // namespace berita
