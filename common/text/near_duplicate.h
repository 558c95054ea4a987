// Near-duplicate detection for wire stories republished with small edits.
//
// MinHash over word 3-shingles: for each of kMinHashes hash functions the
// sketch keeps the smallest shingle hash, and the share of equal positions in
// two sketches estimates the Jaccard similarity of their shingle sets. We
// measured SimHash first: on a 190-word story, a repost with three words
// changed and a sign-off added moved a 64-bit SimHash by 6 bits, as far as
// some unrelated stories, because each small edit shifts many bit votes. The
// MinHash estimate for that pair is about 0.9 against about 0 for a different
// story on the same topic, a wide margin.
#ifndef BERITA_TEXT_NEAR_DUPLICATE_H
#define BERITA_TEXT_NEAR_DUPLICATE_H

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

inline constexpr std::size_t kMinHashes = 64;
// Estimated Jaccard similarity from which two stories count as one.
inline constexpr double kNearDuplicateSimilarity = 0.7;
// Texts shorter than this have too few shingles for a reliable sketch.
inline constexpr std::size_t kMinSketchWords = 20;

// 16 bits of each minimum are kept: two different minima collide with
// probability 1/65536, negligible next to the sampling error of 64 hashes,
// and the sketch fits in 128 bytes.
using MinHashSketch = std::array<std::uint16_t, kMinHashes>;

// The sketch of text (case and punctuation ignored), or nullopt when the
// text is too short.
std::optional<MinHashSketch> minhash_sketch(std::string_view text);

double estimated_similarity(const MinHashSketch& a, const MinHashSketch& b);

// A sketch as bytes for a Xapian value slot, and back (nullopt if malformed).
std::string serialise_sketch(const MinHashSketch& sketch);
std::optional<MinHashSketch> parse_sketch(std::string_view bytes);

// Groups sketches whose estimated similarity reaches threshold (transitively).
// Returns for each input the index of its group's first member; a missing
// sketch forms a group of its own. Candidates are found by locality-sensitive
// hashing (16 bands of 4 hashes), then checked by the full estimate.
std::vector<std::size_t> group_near_duplicates(
    const std::vector<std::optional<MinHashSketch>>& sketches,
    double threshold = kNearDuplicateSimilarity);

}  // namespace berita

#endif
