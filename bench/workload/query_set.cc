#include "workload/query_set.h"

#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace berita::bench {
namespace {

// Prefix queries: the first letters of a word, like a user typing "elect*".
constexpr std::size_t kPrefixLetters = 4;
constexpr std::size_t kMinPrefixWordLetters = 6;

std::ifstream open_or_throw(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("missing query file " + path);
  return in;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  return fields;
}

}  // namespace

std::vector<BenchQuery> load_aol_queries(const std::string& shared_dir) {
  const std::string dir = shared_dir + "/corpora/aol-benchmark-queries/";
  std::map<std::string, std::string> first_tag;
  {
    auto in = open_or_throw(dir + "queries-tags.tsv");
    for (std::string line; std::getline(in, line);) {
      const auto fields = split(line, '\t');
      if (fields.size() == 2) first_tag[fields[0]] = split(fields[1], ',').front();
    }
  }
  const std::map<std::string, std::string> class_of_tag = {
      {"intersection", "and"}, {"union", "or"}, {"phrase", "phrase"}, {"term", "term"}};

  std::vector<BenchQuery> queries, derived;
  std::set<std::string> words_seen;
  auto in = open_or_throw(dir + "queries.tsv");
  for (std::string line; std::getline(in, line);) {
    const auto fields = split(line, '\t');
    if (fields.size() != 2) continue;
    const auto tag = class_of_tag.find(first_tag[fields[0]]);
    if (tag == class_of_tag.end()) continue;
    queries.push_back({fields[0], tag->second, "", fields[1]});
    if (tag->second != "or") continue;
    const auto words = split(fields[1], ' ');
    std::string field_query;
    for (const auto& word : words) {
      if (word.empty()) continue;
      field_query += (field_query.empty() ? "title:" : " title:") + word;
      if (!words_seen.insert(word).second) continue;
      derived.push_back({fields[0] + "-t-" + word, "term", "", word});
      if (word.size() >= kMinPrefixWordLetters) {
        derived.push_back({fields[0] + "-p-" + word, "prefix", "", word.substr(0, kPrefixLetters) + "*"});
      }
    }
    if (words.size() <= 3) derived.push_back({fields[0] + "-f", "field", "", field_query});
  }
  queries.insert(queries.end(), derived.begin(), derived.end());
  return queries;
}

std::vector<BenchQuery> load_synth_queries(const std::string& path) {
  std::vector<BenchQuery> queries;
  auto in = open_or_throw(path);
  for (std::string line; std::getline(in, line);) {
    const auto fields = split(line, '\t');
    if (fields.size() != 4) continue;
    queries.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  if (queries.empty()) throw std::runtime_error("no queries in " + path);
  return queries;
}

std::map<std::string, std::vector<BenchQuery>> by_class(const std::vector<BenchQuery>& queries,
                                                        bool with_band) {
  std::map<std::string, std::vector<BenchQuery>> groups;
  for (const auto& q : queries) {
    groups[with_band && !q.band.empty() ? q.query_class + "/" + q.band : q.query_class].push_back(q);
  }
  return groups;
}

}  // namespace berita::bench
