#include "synth/query_generator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "synth/random.h"

namespace berita::synth {
namespace {

constexpr double kCommonShare = 0.02;
constexpr double kRareShare = 0.0005;
constexpr double kMinRareDocs = 2;
// In a small archive 0.05% is less than one article; rare then means fewer
// than this many.
constexpr double kMinRareCeiling = 10;
constexpr const char* kBands[] = {"rare", "medium", "common"};

int band_of(double df, double archive_size) {
  if (df >= kCommonShare * archive_size) return 2;
  if (df >= std::max(kRareShare * archive_size, kMinRareCeiling)) return 1;
  if (df >= kMinRareDocs) return 0;
  return -1;
}

// Expected number of articles containing an item that one emission picks
// with probability p, when an article makes `emissions` such picks.
double expected_df(double p, double emissions, double archive_size) {
  return archive_size * -std::expm1(-p * emissions);
}

std::string joined(const std::vector<std::string>& words, const char* before, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += sep;
    out += before;
    out += words[i];
  }
  return out;
}

}  // namespace

void validate(const QueryOptions& options) {
  if (options.archive_size == 0) {
    throw SynthError("--count must be at least 1 (the size of the archive the queries are for)");
  }
  if (options.per_class == 0) throw SynthError("--per-class must be at least 1");
}

std::vector<SynthQuery> generate_queries(const CorpusProfile& profile,
                                         const Vocabulary& vocabulary,
                                         const QueryOptions& options) {
  validate(options);
  const auto n = static_cast<double>(options.archive_size);
  const double tokens = mean_article_tokens(profile) * (1.0 - profile.number_rate);
  const double collocation_tokens = tokens * profile.collocation_rate;
  const double word_emissions = tokens - collocation_tokens;
  const double collocation_emissions = collocation_tokens / 2;

  std::vector<std::size_t> words[3], collocations[3];
  for (std::size_t rank = 0; rank < vocabulary.size(); ++rank) {
    const int band = band_of(expected_df(vocabulary.probability(rank), word_emissions, n), n);
    if (band >= 0) words[band].push_back(rank);
  }
  for (std::size_t i = 0; i < vocabulary.collocations().size(); ++i) {
    const double df = expected_df(vocabulary.collocation_probability(i), collocation_emissions, n);
    const int band = band_of(df, n);
    if (band >= 0) collocations[band].push_back(i);
  }

  Random random(options.seed ^ 0x7175657279ULL);
  std::vector<SynthQuery> queries;
  const auto add = [&](const char* query_class, int band, std::string text) {
    char id[16];
    std::snprintf(id, sizeof id, "s%04zu", queries.size() + 1);
    queries.push_back({id, query_class, kBands[band], std::move(text)});
  };
  const auto pick_words = [&](int band, std::size_t count) {
    std::vector<std::string> picked;
    for (std::size_t i = 0; i < count; ++i) {
      picked.push_back(vocabulary.word(words[band][random.below(words[band].size())]));
    }
    return picked;
  };
  for (int band = 0; band < 3; ++band) {
    if (words[band].empty()) continue;
    for (std::size_t i = 0; i < options.per_class; ++i) add("term", band, pick_words(band, 1)[0]);
    for (std::size_t i = 0; i < options.per_class; ++i) {
      add("and", band, joined(pick_words(band, 2 + random.below(2)), "+", " "));
    }
    for (std::size_t i = 0; i < options.per_class; ++i) {
      add("or", band, joined(pick_words(band, 2 + random.below(2)), "", " "));
    }
  }
  for (int band = 0; band < 3; ++band) {
    if (collocations[band].empty()) continue;
    for (std::size_t i = 0; i < options.per_class; ++i) {
      const auto& pair =
          vocabulary.collocations()[collocations[band][random.below(collocations[band].size())]];
      add("phrase", band, "\"" + vocabulary.word(pair[0]) + " " + vocabulary.word(pair[1]) + "\"");
    }
  }
  return queries;
}

void write_queries(const std::vector<SynthQuery>& queries, std::ostream& out) {
  for (const auto& q : queries) {
    out << q.id << '\t' << q.query_class << '\t' << q.band << '\t' << q.text << '\n';
  }
}

}  // namespace berita::synth
