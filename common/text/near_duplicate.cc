#include "text/near_duplicate.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace berita {
namespace {

constexpr std::size_t kShingleWords = 3;

// FNV-1a: stable across platforms and runs, unlike std::hash.
std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// splitmix64 finaliser; seeded, it gives the independent hash functions.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// The words of a text, lower-cased into one buffer: word i is
// text.substr(starts[i], starts[i + 1] - starts[i] - 1), each followed by a
// space, so a shingle is a contiguous run of the buffer.
struct Words {
  std::string text;
  std::vector<std::size_t> starts;
  std::size_t size() const { return starts.empty() ? 0 : starts.size() - 1; }
};

Words words_of(std::string_view text) {
  Words words;
  words.text.reserve(text.size() + 1);
  bool in_word = false;
  for (unsigned char c : text) {
    if (is_word_byte(c)) {
      if (!in_word) words.starts.push_back(words.text.size());
      words.text += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      in_word = true;
    } else if (in_word) {
      words.text += ' ';
      in_word = false;
    }
  }
  if (in_word) words.text += ' ';
  words.starts.push_back(words.text.size());
  return words;
}

constexpr std::array<std::uint64_t, kMinHashes> make_seeds() {
  std::array<std::uint64_t, kMinHashes> seeds{};
  for (std::size_t h = 0; h < kMinHashes; ++h) seeds[h] = h * 0xd6e8feb86659fd93ULL;
  return seeds;
}
constexpr std::array<std::uint64_t, kMinHashes> kSeeds = make_seeds();

// The 64 hash functions are independent lanes, so this loop vectorises;
// the clones let CPUs with AVX2 or AVX-512 use it (64-bit multiplies are
// what it spends its time on). A rebuild computes a sketch per article,
// and this loop was 15% of building a document.
[[gnu::target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")]] void fold_minima(
    const std::uint64_t* bases, std::size_t count, std::uint64_t* minima) {
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint64_t base = bases[i];
    for (std::size_t h = 0; h < kMinHashes; ++h) {
      const std::uint64_t hash = mix(base ^ kSeeds[h]);
      minima[h] = hash < minima[h] ? hash : minima[h];
    }
  }
}

class DisjointSets {
 public:
  explicit DisjointSets(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index becomes the root, so a group is named by its first member.
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

}  // namespace

std::optional<MinHashSketch> minhash_sketch(std::string_view text) {
  const Words words = words_of(text);
  if (words.size() < kMinSketchWords) return std::nullopt;
  std::vector<std::uint64_t> shingle_hashes;
  shingle_hashes.reserve(words.size());
  for (std::size_t i = 0; i + kShingleWords <= words.size(); ++i) {
    const std::size_t begin = words.starts[i];
    shingle_hashes.push_back(
        fnv1a(std::string_view(words.text).substr(begin, words.starts[i + kShingleWords] - begin)));
  }
  std::array<std::uint64_t, kMinHashes> minima;
  minima.fill(~std::uint64_t{0});
  fold_minima(shingle_hashes.data(), shingle_hashes.size(), minima.data());
  MinHashSketch sketch;
  for (std::size_t h = 0; h < kMinHashes; ++h) sketch[h] = static_cast<std::uint16_t>(minima[h]);
  return sketch;
}

double estimated_similarity(const MinHashSketch& a, const MinHashSketch& b) {
  std::size_t equal = 0;
  for (std::size_t h = 0; h < kMinHashes; ++h) equal += a[h] == b[h];
  return static_cast<double>(equal) / kMinHashes;
}

std::string serialise_sketch(const MinHashSketch& sketch) {
  std::string bytes;
  bytes.reserve(2 * kMinHashes);
  for (std::uint16_t value : sketch) {
    bytes += static_cast<char>(value >> 8);
    bytes += static_cast<char>(value & 0xFF);
  }
  return bytes;
}

std::optional<MinHashSketch> parse_sketch(std::string_view bytes) {
  if (bytes.size() != 2 * kMinHashes) return std::nullopt;
  MinHashSketch sketch;
  for (std::size_t h = 0; h < kMinHashes; ++h) {
    sketch[h] = static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[2 * h]) << 8 |
                                           static_cast<unsigned char>(bytes[2 * h + 1]));
  }
  return sketch;
}

std::array<std::uint64_t, kLshBands> lsh_band_hashes(const MinHashSketch& sketch) {
  std::array<std::uint64_t, kLshBands> hashes;
  for (std::size_t band = 0; band < kLshBands; ++band) {
    std::uint64_t rows = 0;
    for (std::size_t row = 0; row < kLshBandRows; ++row) {
      rows = rows << 16 | sketch[band * kLshBandRows + row];
    }
    // Seeding with the band number keeps equal rows in different bands apart;
    // mixing spreads every row over all bits, so a cut hash still sees them all.
    hashes[band] = mix(rows ^ mix(band + 1));
  }
  return hashes;
}

std::vector<std::size_t> group_near_duplicates(
    const std::vector<std::optional<MinHashSketch>>& sketches, double threshold) {
  DisjointSets sets(sketches.size());
  std::vector<std::array<std::uint64_t, kLshBands>> band_hashes(sketches.size());
  for (std::size_t i = 0; i < sketches.size(); ++i) {
    if (sketches[i]) band_hashes[i] = lsh_band_hashes(*sketches[i]);
  }
  for (std::size_t band = 0; band < kLshBands; ++band) {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < sketches.size(); ++i) {
      if (sketches[i]) buckets[band_hashes[i][band]].push_back(i);
    }
    for (const auto& [key, members] : buckets) {
      for (std::size_t a = 0; a < members.size(); ++a) {
        for (std::size_t b = a + 1; b < members.size(); ++b) {
          if (sets.find(members[a]) == sets.find(members[b])) continue;
          if (estimated_similarity(*sketches[members[a]], *sketches[members[b]]) >= threshold) {
            sets.join(members[a], members[b]);
          }
        }
      }
    }
  }
  std::vector<std::size_t> groups(sketches.size());
  for (std::size_t i = 0; i < sketches.size(); ++i) groups[i] = sets.find(i);
  return groups;
}

}  // namespace berita
