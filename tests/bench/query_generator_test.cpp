#include "synth/query_generator.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <sstream>

#include "bench/small_profile.h"
#include "synth/archive_generator.h"

namespace berita::synth {
namespace {

constexpr std::uint64_t kArchiveSize = 2000;

std::vector<SynthQuery> queries_for(std::uint64_t seed) {
  const CorpusProfile profile = small_profile();
  const Vocabulary vocabulary(profile, seed);
  QueryOptions options;
  options.archive_size = kArchiveSize;
  options.per_class = 10;
  options.seed = seed;
  return generate_queries(profile, vocabulary, options);
}

std::string as_text(const std::vector<SynthQuery>& queries) {
  std::ostringstream out;
  write_queries(queries, out);
  return out.str();
}

// Articles (bodies with their title) of the archive the queries were made for.
std::vector<std::string> archive_texts(std::uint64_t seed) {
  ArchiveOptions options;
  options.count = kArchiveSize;
  options.seed = seed;
  ArchiveGenerator generator(small_profile(), options);
  std::vector<std::string> texts;
  SynthArticle article;
  for (std::uint64_t i = 0; i < kArchiveSize; ++i) {
    generator.next(article);
    std::string text = " " + article.title + " " + article.body + " ";
    for (auto& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == '.' || c == '\n') c = ' ';
    }
    texts.push_back(std::move(text));
  }
  return texts;
}

double document_frequency(const std::vector<std::string>& texts, const std::string& words) {
  std::size_t df = 0;
  for (const auto& text : texts) df += text.find(" " + words + " ") != std::string::npos;
  return static_cast<double>(df);
}

TEST_CASE("queries are deterministic by seed and cover classes and bands", "[bench][synth]") {
  const auto queries = queries_for(5);
  CHECK(as_text(queries) == as_text(queries_for(5)));
  CHECK(as_text(queries) != as_text(queries_for(6)));
  std::set<std::string> classes, bands;
  for (const auto& q : queries) {
    classes.insert(q.query_class);
    bands.insert(q.band);
    CHECK(q.text.find('\t') == std::string::npos);
  }
  CHECK(classes == std::set<std::string>{"and", "or", "phrase", "term"});
  CHECK(bands == std::set<std::string>{"common", "medium", "rare"});
}

TEST_CASE("query bands follow the real document frequency in the archive", "[bench][synth]") {
  const auto texts = archive_texts(5);
  std::map<std::string, double> df_sum, count;
  std::size_t phrases_matching = 0, phrases = 0;
  for (const auto& q : queries_for(5)) {
    if (q.query_class == "term") {
      df_sum[q.band] += document_frequency(texts, q.text);
      count[q.band] += 1;
    } else if (q.query_class == "phrase") {
      ++phrases;
      const std::string words = q.text.substr(1, q.text.size() - 2);
      if (document_frequency(texts, words) > 0) ++phrases_matching;
    }
  }
  const double rare = df_sum["rare"] / count["rare"];
  const double medium = df_sum["medium"] / count["medium"];
  const double common = df_sum["common"] / count["common"];
  CHECK(rare < medium);
  CHECK(medium < common);
  CHECK(common >= 0.02 * kArchiveSize);
  // Collocations are emitted as such, so phrase queries find articles.
  CHECK(phrases_matching * 10 >= phrases * 9);
}

TEST_CASE("bad query options are refused with a message naming them", "[bench][synth]") {
  const CorpusProfile profile = small_profile();
  const Vocabulary vocabulary(profile, 1);
  QueryOptions options;
  options.archive_size = 0;
  CHECK_THROWS_WITH(generate_queries(profile, vocabulary, options), Catch::Contains("--count"));
  options.archive_size = 10;
  options.per_class = 0;
  CHECK_THROWS_WITH(generate_queries(profile, vocabulary, options), Catch::Contains("--per-class"));
}

}  // namespace
}  // namespace berita::synth
