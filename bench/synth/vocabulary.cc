#include "synth/vocabulary.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

namespace berita::synth {
namespace {

constexpr std::string_view kConsonants = "bdfghjklmnprstvwyz";
constexpr std::string_view kVowels = "aeiou";
// Collocations pair content words, not the most frequent function words.
constexpr std::size_t kCollocationFirstRank = 50;
constexpr std::size_t kMinWordChars = 2;
constexpr std::size_t kMaxWordChars = 16;

std::string make_word(std::size_t length, Random& random) {
  std::string word;
  bool vowel = random.chance(0.3);
  while (word.size() < length) {
    const std::string_view letters = vowel ? kVowels : kConsonants;
    word += letters[random.below(letters.size())];
    vowel = !vowel;
  }
  return word;
}

}  // namespace

Vocabulary::Vocabulary(const CorpusProfile& profile, std::uint64_t seed) {
  Random random(seed ^ 0x766f636162756c61ULL);
  const std::size_t n = std::max<std::size_t>(profile.vocabulary_size, 100);

  // Frequent words are short: sort the sampled lengths and hand the shortest
  // to the top ranks, with a little jitter so length is not a rank code.
  std::vector<double> lengths(n);
  for (auto& length : lengths) {
    length = std::clamp(profile.word_chars.at(random.uniform()),
                        static_cast<double>(kMinWordChars), static_cast<double>(kMaxWordChars)) +
             random.uniform() * 2.0;
  }
  std::sort(lengths.begin(), lengths.end());

  std::unordered_set<std::string> seen;
  seen.reserve(n * 2);
  words_.reserve(n);
  for (std::size_t rank = 0; rank < n; ++rank) {
    auto length = static_cast<std::size_t>(lengths[rank]);
    std::string word = make_word(length, random);
    for (int attempt = 0; !seen.insert(word).second; ++attempt) {
      // Short patterns run out; grow the word until it is new.
      if (attempt % 8 == 7) ++length;
      word = make_word(length, random);
    }
    words_.push_back(std::move(word));
  }

  probability_.resize(n);
  double norm = 0;
  for (std::size_t rank = 0; rank < n; ++rank) {
    probability_[rank] = std::pow(static_cast<double>(rank + 1), -profile.zipf_exponent);
    norm += probability_[rank];
  }
  for (auto& p : probability_) p /= norm;
  words_sampler_ = AliasSampler(probability_);

  const std::size_t count = std::max<std::size_t>(profile.collocations, 10);
  collocations_.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Collocation pair{};
    for (auto& rank : pair) {
      std::size_t r;
      do r = words_sampler_.sample(random);
      while (r < kCollocationFirstRank && n > 2 * kCollocationFirstRank);
      rank = static_cast<std::uint32_t>(r);
    }
    if (pair[0] == pair[1]) pair[1] = static_cast<std::uint32_t>((pair[1] + 1) % n);
    collocations_.push_back(pair);
  }
  collocation_probability_.resize(count);
  norm = 0;
  for (std::size_t i = 0; i < count; ++i) {
    collocation_probability_[i] = 1.0 / static_cast<double>(i + 1);
    norm += collocation_probability_[i];
  }
  for (auto& p : collocation_probability_) p /= norm;
  collocation_sampler_ = AliasSampler(collocation_probability_);
  // A share c of tokens inside two-word collocations means a collocation is
  // emitted with chance p where 2p / (2p + 1 - p) = c.
  const double c = std::clamp(profile.collocation_rate, 0.0, 0.5);
  collocation_emission_ = c / (2.0 - c);
}

}  // namespace berita::synth
