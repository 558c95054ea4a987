// Randomness with the same output on every platform and library: the
// standard distributions may differ between implementations, so the
// generator draws only from these.
#ifndef BERITA_BENCH_SYNTH_RANDOM_H
#define BERITA_BENCH_SYNTH_RANDOM_H

#include <cstdint>
#include <vector>

namespace berita::synth {

// xoshiro256** seeded through SplitMix64.
class Random {
 public:
  explicit Random(std::uint64_t seed);

  std::uint64_t next();
  // Uniform in [0, 1).
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  bool chance(double p) { return uniform() < p; }

 private:
  std::uint64_t s_[4];
};

// Draws index i with probability weights[i] / sum(weights) in constant time
// (Vose's alias method), so sampling a word from a large vocabulary costs the
// same as sampling from a small one.
class AliasSampler {
 public:
  AliasSampler() = default;
  explicit AliasSampler(const std::vector<double>& weights);

  std::size_t sample(Random& random) const;
  std::size_t size() const { return probability_.size(); }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace berita::synth

#endif
