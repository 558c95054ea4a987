#include "index/word_keys.h"

#include <algorithm>
#include <map>

#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// Xapian terms are at most 245 bytes, so one byte holds any length here;
// a longer word (not from Xapian) is left out rather than stored wrong.
constexpr std::size_t kMaxWordBytes = 255;

std::size_t shared_prefix(const std::string& a, const std::string& b) {
  const std::size_t n = std::min({a.size(), b.size(), kMaxWordBytes});
  std::size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

// Bucket entries' words (forwards or backwards, as the key says) by key.
using Buckets = std::map<std::string, std::vector<std::string>>;

void add_word(Buckets& buckets, const std::string& word) {
  buckets[schema::word_prefix_bucket_key(word)].push_back(word);
  std::string reversed = reverse_code_points(word);
  std::string key = schema::word_bucket_key(reversed);
  buckets[std::move(key)].push_back(std::move(reversed));
}

}  // namespace

std::string encode_word_bucket(const std::vector<std::string>& sorted_reversed_words) {
  std::string out;
  const std::string* previous = nullptr;
  for (const auto& word : sorted_reversed_words) {
    if (word.empty() || word.size() > kMaxWordBytes) continue;
    if (previous != nullptr && word == *previous) continue;
    const std::size_t shared = previous == nullptr ? 0 : shared_prefix(*previous, word);
    out += static_cast<char>(shared);
    out += static_cast<char>(word.size() - shared);
    out.append(word, shared, std::string::npos);
    previous = &word;
  }
  return out;
}

std::vector<std::string> decode_word_bucket(std::string_view entry) {
  std::vector<std::string> words;
  std::string word;
  std::size_t pos = 0;
  while (pos + 2 <= entry.size()) {
    const auto shared = static_cast<unsigned char>(entry[pos]);
    const auto rest = static_cast<unsigned char>(entry[pos + 1]);
    pos += 2;
    if (shared > word.size() || rest > entry.size() - pos) break;
    word.resize(shared);
    word.append(entry.substr(pos, rest));
    pos += rest;
    words.push_back(word);
  }
  return words;
}

std::string merge_word_buckets(const std::vector<std::string_view>& entries) {
  std::vector<std::string> words;
  for (const auto entry : entries) {
    std::vector<std::string> more = decode_word_bucket(entry);
    words.insert(words.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  std::sort(words.begin(), words.end());
  return encode_word_bucket(words);
}

void WordKeyCollector::note(std::vector<std::string> words) {
  for (auto& word : words) {
    if (schema::is_word_term(word)) words_.insert(std::move(word));
  }
}

std::size_t WordKeyCollector::write(Xapian::WritableDatabase& db) {
  Buckets buckets;
  for (const auto& word : words_) add_word(buckets, word);
  words_.clear();
  std::size_t added = 0;
  for (auto& [key, fresh] : buckets) {
    const std::string old_entry = db.get_metadata(key);
    std::vector<std::string> words = decode_word_bucket(old_entry);
    const std::size_t before = words.size();
    words.insert(words.end(), fresh.begin(), fresh.end());
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    if (words.size() == before) continue;
    // Each word is in one entry of each kind; count it once.
    if (key.rfind(schema::kWordKeyPrefix, 0) == 0) added += words.size() - before;
    db.set_metadata(key, encode_word_bucket(words));
  }
  return added;
}

bool is_word_bucket_key(std::string_view key) {
  return key.rfind(schema::kWordKeyPrefix, 0) == 0 ||
         key.rfind(schema::kReversedWordKeyPrefix, 0) == 0;
}

std::size_t add_word_keys(Xapian::WritableDatabase& db, std::vector<std::string> words,
                          std::size_t per_commit) {
  per_commit = std::max<std::size_t>(1, per_commit);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  Buckets buckets;
  std::size_t written = 0;
  for (const auto& word : words) {
    if (!schema::is_word_term(word)) continue;
    add_word(buckets, word);
    ++written;
  }
  std::size_t since_commit = 0;
  for (auto& [key, bucket_words] : buckets) {
    std::sort(bucket_words.begin(), bucket_words.end());
    db.set_metadata(key, encode_word_bucket(bucket_words));
    if (++since_commit >= per_commit) {
      db.commit();
      since_commit = 0;
    }
  }
  db.commit();
  return written;
}

}  // namespace berita
