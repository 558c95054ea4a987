// Wire-story collapsing, index side: links near-duplicate articles (the same
// story republished with small edits) into clusters inside the database.
//
// Every document carries the LSH band keys of its MinHash sketch in
// slot::kNearDuplicateBands (added by build_document). Documents sharing a
// band key are candidates; a candidate counts only when the full sketch
// estimate reaches the threshold, both sketches recomputed from the stored
// articles. Linked documents get the cluster key in slot::kCluster (Xapian's
// collapse key) and the boolean term prefix::kCluster + key, so a cluster's
// members can be listed. An article with no known duplicate has neither.
//
// Dates: the dated articles of one cluster lie at most max_days_apart days
// apart. Text alone cannot tell a republished story from a recurring
// template ("Fed adds reserves via customer repurchases", weekly grain
// figures): on Reuters, 15 of 40 checked pairs above the threshold were such
// templates days apart, and similarity chained 12 of them into one cluster
// spanning 42 days. Undated articles are not constrained.
//
// The key of a new cluster is the id of its earliest article (by date, then
// id); a document joining a cluster takes the cluster's key, so keys stay
// stable across updates. When one document matches members of two clusters,
// the clusters merge (if their dates allow) under the larger one's key. A
// key is never shared by two clusters: if the preferred id still names
// another cluster (its article was replaced with different text), another
// member's id or a suffixed id is used.
//
// Replaced and deleted articles: a replaced document is rebuilt without key,
// so it is linked afresh like a new one: unchanged text rejoins its cluster
// under the same key, changed text joins another cluster or none. The
// members it leaves keep their key (even when it was the leaving article's
// id, which then only names the cluster). A cluster left with one member is
// dissolved: that member's key and term are removed, so it is never
// collapsed with nothing. Clusters that a leaving article joined are not
// split again: if it was the only link between two groups, they stay one
// cluster until the next rebuild.
//
// Cost: each document looks at no more than candidates_per_band documents in
// each band, so a huge bucket of boilerplate text stays linear. Sketches are
// cached by document id. Finding who shares a band reads the band slot of
// every document once per rebuild, and once per committed batch in update
// mode (62 ns a document to read on Reuters; with ten lookups each, an
// estimated 0.3 s per batch at a million articles).
//
// Thread safety: none; one linker per WritableDatabase, used by the thread
// that writes to it.
#ifndef BERITA_INDEX_NEAR_DUPLICATE_LINKER_H
#define BERITA_INDEX_NEAR_DUPLICATE_LINKER_H

#include <xapian.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "article/article.h"
#include "index/article_codec.h"
#include "text/near_duplicate.h"

namespace berita {

// The sketch of an article's headline and body paragraphs; nullopt when they
// are too short to compare (kMinSketchWords).
std::optional<MinHashSketch> article_sketch(const Article& article);

// One key per LSH band: 32 bits of the band's hash. Two unrelated bands
// share a key by chance about once per band in 90,000 articles (n^2 / 2^33
// pairs), and a chance match only costs one comparison of sketches.
using BandKeys = std::array<std::uint32_t, kLshBands>;
BandKeys band_keys(const MinHashSketch& sketch);

// The value stored in slot::kNearDuplicateBands (4 bytes a band, little
// endian), and back; nullopt for a value of any other length.
std::string encode_band_keys(const BandKeys& keys);
std::optional<BandKeys> decode_band_keys(std::string_view value);

struct NearDuplicateOptions {
  // Estimated similarity from which two articles are one story.
  double threshold = kNearDuplicateSimilarity;
  // Widest date range of one cluster. One day keeps reposts dated across
  // midnight and next-morning reprints; on Reuters, pairs two or three days
  // apart were as often recurring templates as true reposts.
  long max_days_apart = 1;
  // Documents examined per band term of a document; bounds the work a bucket
  // of identical boilerplate can cause.
  std::size_t candidates_per_band = 32;
  // Documents whose sketch is kept between batches; the cache is emptied
  // when it grows past this (about 150 bytes each).
  std::size_t cache_limit = 200000;
};

struct NearDuplicateStats {
  std::uint64_t linked = 0;     // documents given a cluster key (or a new one) in this run
  std::uint64_t clusters = 0;   // distinct clusters those documents are in now
  std::uint64_t dissolved = 0;  // clusters left with one member and removed
  std::uint64_t compared = 0;   // candidate pairs whose sketches were compared
  double seconds = 0;           // time spent linking
};

class NearDuplicateLinker {
 public:
  // db must outlive the linker. codec reads db's stored articles; without
  // one the linker reads db's own (ArticleCodec::for_database).
  NearDuplicateLinker(Xapian::WritableDatabase& db, ArticleCodec codec,
                      NearDuplicateOptions options = {});
  explicit NearDuplicateLinker(Xapian::WritableDatabase& db, NearDuplicateOptions options = {});

  // Update mode. The writer reports each document it adds or replaces (doc
  // as written, for its band keys), and calls note_leaving before it
  // replaces or deletes the document indexed by id_term; link_pending,
  // called before each commit (inside the transaction), links the documents
  // added since the last call and dissolves clusters left with one member.
  // It reads every document's band keys once to find the batch's
  // candidates; most documents share no band with any other, and for them
  // linking costs nothing more.
  void note_added(Xapian::docid did, const Xapian::Document& doc);
  void note_leaving(const std::string& id_term);
  void link_pending();

  // Counts over the linker's lifetime.
  NearDuplicateStats stats() const;

  // What linking needs to know of a document, read from its stored article.
  struct Fingerprint {
    std::optional<MinHashSketch> sketch;
    std::optional<long> day;  // days since 1970-01-01; none when undated
  };

 private:
  struct Group;
  const Fingerprint& fingerprint(Xapian::docid did);
  // Documents sharing each band key of the batch, in id order, at most
  // candidates_per_band + 1 each (a document is in its own buckets).
  using Buckets = std::unordered_map<std::uint64_t, std::vector<Xapian::docid>>;
  Buckets buckets_of(const std::vector<std::pair<Xapian::docid, BandKeys>>& batch) const;
  std::vector<Xapian::docid> matches_of(Xapian::docid did, const MinHashSketch& sketch,
                                        const BandKeys& keys, const Buckets& buckets);
  Group group_of(Xapian::docid did);
  void join(Xapian::docid did, const std::vector<Xapian::docid>& matches);
  void set_key(Xapian::docid did, const std::string& key);
  void dissolve_if_alone(const std::string& key);

  Xapian::WritableDatabase& db_;
  ArticleCodec codec_;
  NearDuplicateOptions options_;
  std::unordered_map<Xapian::docid, Fingerprint> fingerprints_;
  std::unordered_map<Xapian::docid, BandKeys> pending_;
  std::unordered_set<std::string> left_clusters_;  // keys of replaced or deleted documents
  std::unordered_map<Xapian::docid, std::string> linked_;  // document -> its key now
  std::uint64_t dissolved_ = 0;
  std::uint64_t compared_ = 0;
  double seconds_ = 0;
};

// Rebuild mode: links every document of the shards of a new database
// before they are merged. Candidates come from one read-only view over all
// shards: the band keys of every document are read and sorted, and only
// keys shared by two or more documents are looked at (memory: 8 bytes a
// band, 80 bytes an article, while linking); the keys are then written into
// the shards, up to `threads` shards at a time, and each is committed. Linking
// before the merge keeps the compacted result compact: rewriting a few
// thousand documents of a compacted database splits its full blocks (on
// Reuters, 1,158 linked documents grew the database by 8 MB, 10%).
// Throws Xapian::Error.
NearDuplicateStats link_near_duplicates(const std::vector<std::string>& shard_paths,
                                        unsigned threads, NearDuplicateOptions options = {});

}  // namespace berita

#endif
