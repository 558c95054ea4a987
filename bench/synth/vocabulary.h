// The synthetic language: pseudo-words (letters in consonant-vowel patterns,
// lengths fitted to real words, shorter words more frequent), a Zipf law over
// their ranks, and a table of two-word collocations so phrase queries match.
// Nothing here comes from real text; only the profile's numbers shape it.
//
// Deterministic: the same profile and seed give the same vocabulary.
#ifndef BERITA_BENCH_SYNTH_VOCABULARY_H
#define BERITA_BENCH_SYNTH_VOCABULARY_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "synth/corpus_profile.h"
#include "synth/random.h"

namespace berita::synth {

class Vocabulary {
 public:
  Vocabulary(const CorpusProfile& profile, std::uint64_t seed);

  std::size_t size() const { return words_.size(); }
  const std::string& word(std::size_t rank) const { return words_[rank]; }
  // Probability that one emitted word token is this word (collocations
  // excluded).
  double probability(std::size_t rank) const { return probability_[rank]; }
  std::size_t sample_word(Random& random) const { return words_sampler_.sample(random); }

  using Collocation = std::array<std::uint32_t, 2>;  // word ranks
  const std::vector<Collocation>& collocations() const { return collocations_; }
  double collocation_probability(std::size_t i) const { return collocation_probability_[i]; }
  std::size_t sample_collocation(Random& random) const {
    return collocation_sampler_.sample(random);
  }
  // Chance that the next emission is a collocation rather than one word.
  double collocation_emission() const { return collocation_emission_; }

 private:
  std::vector<std::string> words_;
  std::vector<double> probability_;
  AliasSampler words_sampler_;
  std::vector<Collocation> collocations_;
  std::vector<double> collocation_probability_;
  AliasSampler collocation_sampler_;
  double collocation_emission_ = 0;
};

}  // namespace berita::synth

#endif
