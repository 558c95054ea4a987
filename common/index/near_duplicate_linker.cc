#include "index/near_duplicate_linker.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>

#include "index/article_codec.h"
#include "index/side_by_side.h"
#include "schema/schema.h"

namespace berita {
namespace {

using Clock = std::chrono::steady_clock;
using Fingerprint = NearDuplicateLinker::Fingerprint;
using FingerprintCache = std::unordered_map<Xapian::docid, Fingerprint>;

// Xapian refuses terms longer than 240 bytes; a cluster key is cut so that
// its term fits.
constexpr std::size_t kMaxKeyBytes =
    240 - std::char_traits<char>::length(schema::prefix::kCluster);
// One number for a band's key in a given band, so equal keys of different
// bands stay apart.
std::uint64_t bucket_id(std::size_t band, std::uint32_t key) {
  return (static_cast<std::uint64_t>(band) << 32) | key;
}

std::string cluster_term(const std::string& key) { return schema::prefix::kCluster + key; }

std::string cut_key(std::string key, std::size_t room = kMaxKeyBytes) {
  if (key.size() > room) key.resize(room);
  return key;
}

std::string key_of(const Xapian::Document& doc) { return doc.get_value(schema::slot::kCluster); }

// The first document indexed by term, or 0.
Xapian::docid first_doc(const Xapian::Database& db, const std::string& term) {
  const auto it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

std::vector<Xapian::docid> docs_with(const Xapian::Database& db, const std::string& term) {
  std::vector<Xapian::docid> docs;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) docs.push_back(*it);
  return docs;
}

// Throws Xapian::DocNotFoundError for a missing document.
const Fingerprint& cached_fingerprint(FingerprintCache& cache, const Xapian::Database& db,
                                      const ArticleCodec& codec, Xapian::docid did) {
  auto it = cache.find(did);
  if (it != cache.end()) return it->second;
  const std::string data = stored_article_of(db.get_document(did));
  Fingerprint fingerprint;
  try {
    const Article article = codec.decode(data);
    fingerprint.sketch = article_sketch(article);
    if (!article.date.empty()) fingerprint.day = schema::days_since_epoch(article.date);
  } catch (const std::exception&) {
    // Data we did not write, or a date we cannot read: the document is
    // left out, or compared without a date.
  }
  // References into an unordered_map survive later insertions.
  return cache.emplace(did, fingerprint).first->second;
}

// The dates a cluster covers; undated members do not count.
struct DateSpan {
  std::optional<long> first;
  std::optional<long> last;

  DateSpan with(std::optional<long> day) const { return with(DateSpan{day, day}); }
  DateSpan with(const DateSpan& other) const {
    if (!other.first) return *this;
    if (!first) return other;
    return {std::min(*first, *other.first), std::max(*last, *other.last)};
  }
  bool within(long max_days_apart) const { return !first || *last - *first <= max_days_apart; }
};

// The key for a new cluster: the id of its earliest member (undated ones
// last, then by id), or the next one whose id names no other cluster.
std::string new_cluster_key(const Xapian::Database& db, const ArticleCodec& codec,
                            const std::vector<Xapian::docid>& members,
                            const std::function<bool(const std::string&)>& in_use) {
  std::vector<std::tuple<bool, std::string, std::string>> by_date;
  for (Xapian::docid did : members) {
    try {
      ArticleSummary summary = codec.decode_summary(db.get_document(did));
      by_date.emplace_back(summary.date.empty(), std::move(summary.date), cut_key(summary.id));
    } catch (const std::runtime_error&) {
      // Not our data (members normally are): it cannot name the cluster.
    }
  }
  std::sort(by_date.begin(), by_date.end());
  for (const auto& candidate : by_date) {
    if (!in_use(std::get<2>(candidate))) return std::get<2>(candidate);
  }
  // Every member's id still names another cluster: each of them was
  // replaced with new text that left its old cluster. Extremely rare.
  const std::string base =
      by_date.empty() ? "cluster-" + std::to_string(members.front()) : std::get<2>(by_date.front());
  for (unsigned n = 2;; ++n) {
    const std::string suffix = "#" + std::to_string(n);
    std::string key = cut_key(base, kMaxKeyBytes - suffix.size()) + suffix;
    if (!in_use(key)) return key;
  }
}

// Union-find over document ids for the rebuild's one pass over all buckets;
// a union that would stretch a set's dates too far is refused.
class DocSets {
 public:
  explicit DocSets(long max_days_apart) : max_days_apart_(max_days_apart) {}

  Xapian::docid find(Xapian::docid did) {
    Xapian::docid root = did;
    for (auto up = parent_.find(root); up != parent_.end() && up->second != root;
         up = parent_.find(root)) {
      root = up->second;
    }
    while (did != root) did = std::exchange(parent_[did], root);
    return root;
  }
  void join(Xapian::docid a, std::optional<long> day_a, Xapian::docid b,
            std::optional<long> day_b) {
    a = root_with(a, day_a);
    b = root_with(b, day_b);
    if (a == b) return;
    const DateSpan span = spans_[a].with(spans_[b]);
    if (!span.within(max_days_apart_)) return;
    if (a > b) std::swap(a, b);
    parent_[b] = a;
    spans_[a] = span;
    spans_.erase(b);
  }
  // Every set of two or more documents, each sorted.
  std::vector<std::vector<Xapian::docid>> groups() {
    std::unordered_map<Xapian::docid, std::vector<Xapian::docid>> by_root;
    std::vector<Xapian::docid> members;
    for (const auto& entry : parent_) members.push_back(entry.first);
    for (Xapian::docid did : members) by_root[find(did)].push_back(did);
    std::vector<std::vector<Xapian::docid>> out;
    for (auto& entry : by_root) {
      if (entry.second.size() < 2) continue;
      std::sort(entry.second.begin(), entry.second.end());
      out.push_back(std::move(entry.second));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  Xapian::docid root_with(Xapian::docid did, std::optional<long> day) {
    if (parent_.emplace(did, did).second) spans_[did] = DateSpan{day, day};
    return find(did);
  }

  long max_days_apart_;
  std::unordered_map<Xapian::docid, Xapian::docid> parent_;
  std::unordered_map<Xapian::docid, DateSpan> spans_;  // by root
};

// Every cluster of db: band buckets of two or more documents, each member
// compared with up to candidates_per_band earlier members of its bucket.
std::vector<std::vector<Xapian::docid>> find_clusters(const Xapian::Database& db,
                                                      const ArticleCodec& codec,
                                                      const NearDuplicateOptions& options,
                                                      std::uint64_t& compared) {
  // (key, document) per band; sorted, equal keys are a bucket in id order.
  std::array<std::vector<std::pair<std::uint32_t, Xapian::docid>>, kLshBands> by_band;
  const Xapian::valueno slot = schema::slot::kNearDuplicateBands;
  for (auto value = db.valuestream_begin(slot); value != db.valuestream_end(slot); ++value) {
    const auto keys = decode_band_keys(*value);
    if (!keys) continue;
    for (std::size_t band = 0; band < kLshBands; ++band) {
      by_band[band].emplace_back((*keys)[band], value.get_docid());
    }
  }
  FingerprintCache fingerprints;
  DocSets sets(options.max_days_apart);
  std::vector<Xapian::docid> bucket;
  for (auto& entries : by_band) {
    std::sort(entries.begin(), entries.end());
    for (std::size_t start = 0; start < entries.size();) {
      std::size_t end = start + 1;
      while (end < entries.size() && entries[end].first == entries[start].first) ++end;
      bucket.clear();
      for (std::size_t i = start; i < end; ++i) bucket.push_back(entries[i].second);
      start = end;
      for (std::size_t i = 1; i < bucket.size(); ++i) {
        const Fingerprint& mine = cached_fingerprint(fingerprints, db, codec, bucket[i]);
        if (!mine.sketch) continue;
        const std::size_t limit = std::min(i, options.candidates_per_band);
        for (std::size_t j = 0; j < limit; ++j) {
          if (sets.find(bucket[i]) == sets.find(bucket[j])) continue;
          const Fingerprint& other = cached_fingerprint(fingerprints, db, codec, bucket[j]);
          ++compared;
          if (other.sketch &&
              estimated_similarity(*mine.sketch, *other.sketch) >= options.threshold) {
            sets.join(bucket[i], mine.day, bucket[j], other.day);
          }
        }
      }
    }
    entries = {};  // this band's memory back before the next one is sorted
  }
  return sets.groups();
}

// False when the document already had this key.
bool write_key(Xapian::WritableDatabase& db, Xapian::docid did, const std::string& key) {
  Xapian::Document doc = db.get_document(did);
  const std::string old_key = key_of(doc);
  if (old_key == key) return false;
  if (!old_key.empty()) doc.remove_term(cluster_term(old_key));
  doc.add_value(schema::slot::kCluster, key);
  doc.add_boolean_term(cluster_term(key));
  db.replace_document(did, doc);
  return true;
}

class Stopwatch {
 public:
  explicit Stopwatch(double& total) : total_(total) {}
  ~Stopwatch() { total_ += std::chrono::duration<double>(Clock::now() - start_).count(); }
  Stopwatch(const Stopwatch&) = delete;
  Stopwatch& operator=(const Stopwatch&) = delete;

 private:
  double& total_;
  Clock::time_point start_ = Clock::now();
};

}  // namespace

std::optional<MinHashSketch> article_sketch(const Article& article) {
  std::string text = article.title;
  for (const auto& paragraph : article.paragraphs) {
    text += '\n';
    text += paragraph;
  }
  return minhash_sketch(text);
}

BandKeys band_keys(const MinHashSketch& sketch) {
  const auto hashes = lsh_band_hashes(sketch);
  BandKeys keys;
  // The band hashes are well mixed, so their low bits are as good as any.
  for (std::size_t band = 0; band < kLshBands; ++band) {
    keys[band] = static_cast<std::uint32_t>(hashes[band]);
  }
  return keys;
}

std::string encode_band_keys(const BandKeys& keys) {
  std::string value;
  value.reserve(keys.size() * 4);
  for (const std::uint32_t key : keys) {
    for (unsigned shift = 0; shift < 32; shift += 8) value += static_cast<char>((key >> shift) & 0xFF);
  }
  return value;
}

std::optional<BandKeys> decode_band_keys(std::string_view value) {
  BandKeys keys;
  if (value.size() != keys.size() * 4) return std::nullopt;
  for (std::size_t band = 0; band < keys.size(); ++band) {
    std::uint32_t key = 0;
    for (unsigned byte = 0; byte < 4; ++byte) {
      key |= static_cast<std::uint32_t>(static_cast<unsigned char>(value[band * 4 + byte]))
             << (8 * byte);
    }
    keys[band] = key;
  }
  return keys;
}

// A document's cluster as it stands: all members under its key, or the
// document alone.
struct NearDuplicateLinker::Group {
  std::string key;
  std::vector<Xapian::docid> docs;
  DateSpan span;
};

NearDuplicateLinker::NearDuplicateLinker(Xapian::WritableDatabase& db,
                                         NearDuplicateOptions options)
    : NearDuplicateLinker(db, ArticleCodec::for_database(db), options) {}

NearDuplicateLinker::NearDuplicateLinker(Xapian::WritableDatabase& db, ArticleCodec codec,
                                         NearDuplicateOptions options)
    : db_(db), codec_(std::move(codec)), options_(options) {}

void NearDuplicateLinker::note_added(Xapian::docid did, const Xapian::Document& doc) {
  fingerprints_.erase(did);  // replace_document can reuse the id for different text
  const auto keys = decode_band_keys(doc.get_value(schema::slot::kNearDuplicateBands));
  if (keys) {
    pending_[did] = *keys;
  } else {
    pending_.erase(did);  // too short to compare
  }
}

void NearDuplicateLinker::note_leaving(const std::string& id_term) {
  const Xapian::docid did = first_doc(db_, id_term);
  if (did == 0) return;
  fingerprints_.erase(did);
  linked_.erase(did);
  const std::string key = key_of(db_.get_document(did, Xapian::DOC_ASSUME_VALID));
  if (!key.empty()) left_clusters_.insert(key);
}

void NearDuplicateLinker::link_pending() {
  Stopwatch watch(seconds_);
  if (fingerprints_.size() > options_.cache_limit) fingerprints_.clear();
  std::vector<std::pair<Xapian::docid, BandKeys>> batch(pending_.begin(), pending_.end());
  pending_.clear();
  std::sort(batch.begin(), batch.end());  // earlier documents first, as they were added
  const Buckets buckets = buckets_of(batch);
  for (const auto& [did, keys] : batch) {
    bool shared = false;
    for (std::size_t band = 0; band < kLshBands && !shared; ++band) {
      const auto bucket = buckets.find(bucket_id(band, keys[band]));
      shared = bucket != buckets.end() && bucket->second.size() > 1;
    }
    if (!shared) continue;
    std::optional<MinHashSketch> sketch;
    try {
      sketch = fingerprint(did).sketch;
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // added and deleted in the same batch
    }
    if (!sketch) continue;
    const std::vector<Xapian::docid> matches = matches_of(did, *sketch, keys, buckets);
    if (!matches.empty()) join(did, matches);
  }
  for (const auto& key : left_clusters_) dissolve_if_alone(key);
  left_clusters_.clear();
}

NearDuplicateLinker::Buckets NearDuplicateLinker::buckets_of(
    const std::vector<std::pair<Xapian::docid, BandKeys>>& batch) const {
  Buckets buckets;
  if (batch.empty()) return buckets;
  for (const auto& entry : batch) {
    for (std::size_t band = 0; band < kLshBands; ++band) {
      buckets.try_emplace(bucket_id(band, entry.second[band]));
    }
  }
  const std::size_t room = options_.candidates_per_band + 1;
  const Xapian::valueno slot = schema::slot::kNearDuplicateBands;
  for (auto value = db_.valuestream_begin(slot); value != db_.valuestream_end(slot); ++value) {
    const auto keys = decode_band_keys(*value);
    if (!keys) continue;
    for (std::size_t band = 0; band < kLshBands; ++band) {
      const auto bucket = buckets.find(bucket_id(band, (*keys)[band]));
      if (bucket != buckets.end() && bucket->second.size() < room) {
        bucket->second.push_back(value.get_docid());
      }
    }
  }
  return buckets;
}

NearDuplicateStats NearDuplicateLinker::stats() const {
  NearDuplicateStats stats;
  stats.linked = linked_.size();
  std::unordered_set<std::string> keys;
  for (const auto& entry : linked_) keys.insert(entry.second);
  stats.clusters = keys.size();
  stats.dissolved = dissolved_;
  stats.compared = compared_;
  stats.seconds = seconds_;
  return stats;
}

const NearDuplicateLinker::Fingerprint& NearDuplicateLinker::fingerprint(Xapian::docid did) {
  return cached_fingerprint(fingerprints_, db_, codec_, did);
}

// Documents similar enough to did, most similar first.
std::vector<Xapian::docid> NearDuplicateLinker::matches_of(Xapian::docid did,
                                                           const MinHashSketch& sketch,
                                                           const BandKeys& keys,
                                                           const Buckets& buckets) {
  std::vector<std::pair<double, Xapian::docid>> matches;
  std::unordered_set<Xapian::docid> seen{did};
  for (std::size_t band = 0; band < kLshBands; ++band) {
    const auto bucket = buckets.find(bucket_id(band, keys[band]));
    if (bucket == buckets.end() || bucket->second.size() < 2) continue;
    std::size_t examined = 0;
    for (const Xapian::docid other_did : bucket->second) {
      if (other_did == did) continue;
      if (++examined > options_.candidates_per_band) break;
      if (!seen.insert(other_did).second) continue;
      const Fingerprint& other = fingerprint(other_did);
      ++compared_;
      if (!other.sketch) continue;
      const double similarity = estimated_similarity(sketch, *other.sketch);
      if (similarity >= options_.threshold) matches.emplace_back(-similarity, other_did);
    }
  }
  std::sort(matches.begin(), matches.end());
  std::vector<Xapian::docid> docs;
  for (const auto& match : matches) docs.push_back(match.second);
  return docs;
}

NearDuplicateLinker::Group NearDuplicateLinker::group_of(Xapian::docid did) {
  Group group;
  group.key = key_of(db_.get_document(did, Xapian::DOC_ASSUME_VALID));
  group.docs = group.key.empty() ? std::vector<Xapian::docid>{did}
                                 : docs_with(db_, cluster_term(group.key));
  for (Xapian::docid member : group.docs) group.span = group.span.with(fingerprint(member).day);
  return group;
}

// Joins did with the clusters of its matches, most similar first, as long as
// the dates allow.
void NearDuplicateLinker::join(Xapian::docid did, const std::vector<Xapian::docid>& matches) {
  std::vector<Group> groups{group_of(did)};
  std::unordered_set<Xapian::docid> inside(groups.front().docs.begin(), groups.front().docs.end());
  DateSpan span = groups.front().span;
  for (Xapian::docid match : matches) {
    if (inside.count(match) > 0) continue;
    Group group = group_of(match);
    const DateSpan joined = span.with(group.span);
    if (!joined.within(options_.max_days_apart)) continue;
    span = joined;
    inside.insert(group.docs.begin(), group.docs.end());
    groups.push_back(std::move(group));
  }
  if (groups.size() < 2) return;

  // The largest cluster keeps its key: fewest documents rewritten, and the
  // name readers are most likely to have seen survives.
  const Group* named = nullptr;
  for (const auto& group : groups) {
    if (group.key.empty()) continue;
    if (named == nullptr || group.docs.size() > named->docs.size() ||
        (group.docs.size() == named->docs.size() && group.key < named->key)) {
      named = &group;
    }
  }
  std::vector<Xapian::docid> members(inside.begin(), inside.end());
  std::sort(members.begin(), members.end());
  const std::string key =
      named != nullptr ? named->key
                       : new_cluster_key(db_, codec_, members, [this](const std::string& k) {
                           return db_.term_exists(cluster_term(k));
                         });
  for (Xapian::docid member : members) set_key(member, key);
}

void NearDuplicateLinker::set_key(Xapian::docid did, const std::string& key) {
  if (write_key(db_, did, key)) linked_[did] = key;
}

void NearDuplicateLinker::dissolve_if_alone(const std::string& key) {
  const std::string term = cluster_term(key);
  if (db_.get_termfreq(term) != 1) return;
  const Xapian::docid last = first_doc(db_, term);
  Xapian::Document doc = db_.get_document(last);
  doc.remove_term(term);
  doc.remove_value(schema::slot::kCluster);
  db_.replace_document(last, doc);
  linked_.erase(last);
  ++dissolved_;
}

NearDuplicateStats link_near_duplicates(const std::vector<std::string>& shard_paths,
                                        unsigned threads, NearDuplicateOptions options) {
  NearDuplicateStats stats;
  const auto start = Clock::now();
  // Document d of the combined view is document (d - 1) / n + 1 of shard
  // (d - 1) % n: Xapian interleaves the ids of the databases it combines.
  std::vector<std::vector<std::pair<Xapian::docid, std::string>>> keys_by_shard(shard_paths.size());
  {
    Xapian::Database all;
    for (const auto& path : shard_paths) all.add_database(Xapian::Database(path));
    std::unordered_set<std::string> claimed;
    const auto in_use = [&claimed](const std::string& key) { return claimed.count(key) > 0; };
    const ArticleCodec codec = ArticleCodec::for_database(all);
    for (const auto& members : find_clusters(all, codec, options, stats.compared)) {
      const std::string key = new_cluster_key(all, codec, members, in_use);
      claimed.insert(key);
      ++stats.clusters;
      for (Xapian::docid did : members) {
        const std::size_t n = shard_paths.size();
        keys_by_shard[(did - 1) % n].emplace_back((did - 1) / n + 1, key);
        ++stats.linked;
      }
    }
  }
  // Each key costs a rewrite of its document (Xapian 1.4 reads back every
  // position list of a document whose terms change), about 0.6 ms on
  // Reuters, so the shards are written side by side. They are scratch
  // databases until merged, and the merge's output is synced.
  run_side_by_side(shard_paths.size(), [&](std::size_t shard) {
    if (keys_by_shard[shard].empty()) return;
    Xapian::WritableDatabase db(shard_paths[shard], Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
    for (const auto& [did, key] : keys_by_shard[shard]) write_key(db, did, key);
    db.commit();
  }, threads);
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return stats;
}

}  // namespace berita
