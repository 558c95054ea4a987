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

// Locality-sensitive hashing: the first kLshBands * kLshBandRows minima are
// cut into bands; two sketches sharing any whole band are candidates, to be
// checked by the full estimate. A pair with similarity s becomes a candidate
// with probability 1 - (1 - s^3)^10: 0.985 at 0.7, 0.74 at 0.5, 0.24 at 0.3.
// A pair whose estimate reaches 0.7 is missed with probability 0.006 at
// worst (exactly 45 of 64 minima equal) and 0.002 at similarity 0.7. Each
// band is an index term per article, so the count of bands sets the index
// cost: 10 bands of 3 find what 16 bands of 4 find for 5/8 of the space, at
// the price of more candidates of low similarity, which are cheap to reject
// (docs/NEAR_DUPLICATES.md has the curves and the measurements).
inline constexpr std::size_t kLshBandRows = 3;
inline constexpr std::size_t kLshBands = 10;
static_assert(kLshBands * kLshBandRows <= kMinHashes);

// One well-mixed 64-bit hash per band: equal bands give equal hashes, and
// different bands collide only by chance.
std::array<std::uint64_t, kLshBands> lsh_band_hashes(const MinHashSketch& sketch);

// Groups sketches whose estimated similarity reaches threshold (transitively).
// Returns for each input the index of its group's first member; a missing
// sketch forms a group of its own. Candidates are found by the LSH bands
// above, then checked by the full estimate.
std::vector<std::size_t> group_near_duplicates(
    const std::vector<std::optional<MinHashSketch>>& sketches,
    double threshold = kNearDuplicateSimilarity);

}  // namespace berita

#endif
