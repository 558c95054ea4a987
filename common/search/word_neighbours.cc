#include "search/word_neighbours.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_set>

#include "index/word_keys.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// A half shorter than this is shared by too many words (every word ending
// in "es"); the slips it would find are tried one spelling at a time.
constexpr std::size_t kMinScanLetters = 3;
static_assert(kMinScanLetters >= schema::kWordBucketLetters,
              "every ending scanned must lie within one word bucket");
// A slip changes a word by at most one code point, at most 4 bytes.
constexpr std::size_t kMaxByteDifference = 4;

std::string to_utf8(const std::vector<unsigned>& code_points) {
  std::string out;
  for (const unsigned ch : code_points) Xapian::Unicode::append_utf8(out, ch);
  return out;
}

class NeighbourSearch {
 public:
  NeighbourSearch(const Xapian::Database& db, const Xapian::Stem& stemmer, const std::string& word)
      : db_(db), stemmer_(stemmer), word_(word), letters_(code_points(word)) {}

  std::vector<WordNeighbour> run() {
    const std::size_t n = letters_.size();
    if (n == 0) return {};
    const std::size_t half = (n + 1) / 2;
    // Edits at index >= half keep the first half.
    if (half >= kMinScanLetters) {
      scan_prefix(half);
    } else {
      try_edits_at(half, n + 1);
    }
    // Edits at index < half keep the second half, except a swap across the
    // middle.
    if (n - half >= kMinScanLetters) {
      scan_suffix(half);
      try_edits_at(half - 1, half, /*swaps_only=*/true);
    } else {
      try_edits_at(0, half);
    }
    return std::move(found_);
  }

 private:
  bool plausible_length(const std::string& candidate) const {
    return plausible_length(candidate.size());
  }
  bool plausible_length(std::size_t bytes) const {
    const std::size_t a = bytes;
    const std::size_t b = word_.size();
    return (a > b ? a - b : b - a) <= kMaxByteDifference;
  }

  // Records candidate if it is a new neighbour of the word, written in the
  // archive (known_word, or found in the word entries) and whose stem is in
  // at least one article.
  void consider(const std::string& candidate, bool known_word) {
    if (candidate == word_ || !plausible_length(candidate) || !seen_.insert(candidate).second) return;
    if (!schema::is_word_term(candidate)) return;
    if (!is_one_edit(letters_, code_points(candidate))) return;
    if (!known_word && !is_written(candidate)) return;
    const Xapian::doccount frequency =
        db_.get_termfreq(schema::stemmed_term("", stemmer_, candidate));
    if (frequency > 0) found_.push_back({candidate, frequency});
  }

  // The sorted words of the entry holding the words that start like word.
  const std::vector<std::string>& words_starting_like(const std::string& word) {
    const std::string key = schema::word_prefix_bucket_key(word);
    auto found = prefix_buckets_.find(key);
    if (found == prefix_buckets_.end()) {
      found = prefix_buckets_.emplace(key, decode_word_bucket(db_.get_metadata(key))).first;
    }
    return found->second;
  }

  bool is_written(const std::string& word) {
    const auto& words = words_starting_like(word);
    return std::binary_search(words.begin(), words.end(), word);
  }

  void scan_prefix(std::size_t letters) {
    const std::string prefix =
        to_utf8(std::vector<unsigned>(letters_.begin(), letters_.begin() + letters));
    const auto& words = words_starting_like(prefix);
    for (auto it = std::lower_bound(words.begin(), words.end(), prefix);
         it != words.end() && it->compare(0, prefix.size(), prefix) == 0; ++it) {
      consider(*it, true);
    }
  }

  void scan_suffix(std::size_t from) {
    const std::string suffix = to_utf8(std::vector<unsigned>(letters_.begin() + from, letters_.end()));
    const std::string reversed = reverse_code_points(suffix);
    const std::string entry = db_.get_metadata(schema::word_bucket_key(reversed));
    for (const auto& word : decode_word_bucket(entry)) {
      // Most words of the bucket end otherwise, or are far longer or
      // shorter: skip them before paying for the reversal.
      if (word.compare(0, reversed.size(), reversed) != 0 || !plausible_length(word.size())) continue;
      consider(reverse_code_points(word), true);
    }
  }

  // Every spelling with an edit at an index in [from, to), looked up one by
  // one. Letters tried: a-z and the word's own other letters.
  void try_edits_at(std::size_t from, std::size_t to, bool swaps_only = false) {
    std::vector<unsigned> alphabet;
    if (!swaps_only) {
      for (unsigned ch = 'a'; ch <= 'z'; ++ch) alphabet.push_back(ch);
      for (const unsigned ch : letters_) {
        if (std::find(alphabet.begin(), alphabet.end(), ch) == alphabet.end()) alphabet.push_back(ch);
      }
    }
    const std::size_t n = letters_.size();
    for (std::size_t i = from; i < to && i <= n; ++i) {
      std::vector<unsigned> edit = letters_;
      if (i + 1 < n) {
        std::swap(edit[i], edit[i + 1]);
        consider(to_utf8(edit), false);
        std::swap(edit[i], edit[i + 1]);
      }
      if (swaps_only) continue;
      if (i < n) {
        edit.erase(edit.begin() + i);
        consider(to_utf8(edit), false);
        edit = letters_;
      }
      for (const unsigned ch : alphabet) {
        edit.insert(edit.begin() + i, ch);
        consider(to_utf8(edit), false);
        edit.erase(edit.begin() + i);
        if (i < n) {
          edit[i] = ch;
          consider(to_utf8(edit), false);
          edit[i] = letters_[i];
        }
      }
    }
  }

  const Xapian::Database& db_;
  const Xapian::Stem& stemmer_;
  const std::string& word_;
  const std::vector<unsigned> letters_;
  std::map<std::string, std::vector<std::string>> prefix_buckets_;
  std::unordered_set<std::string> seen_;
  std::vector<WordNeighbour> found_;
};

}  // namespace

bool is_one_edit(const std::vector<unsigned>& a, const std::vector<unsigned>& b) {
  const auto& longer = a.size() > b.size() ? a : b;
  const auto& shorter = a.size() > b.size() ? b : a;
  if (longer.size() > shorter.size() + 1) return false;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  if (longer.size() == shorter.size() + 1) {
    return std::equal(shorter.begin() + i, shorter.end(), longer.begin() + i + 1);
  }
  if (i == a.size()) return false;  // the same word
  if (std::equal(a.begin() + i + 1, a.end(), b.begin() + i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         std::equal(a.begin() + i + 2, a.end(), b.begin() + i + 2);
}

bool is_typing_slip(const std::vector<unsigned>& word, const std::vector<unsigned>& fix,
                    bool allow_substitution) {
  const auto& longer = word.size() > fix.size() ? word : fix;
  const auto& shorter = word.size() > fix.size() ? fix : word;
  std::size_t i = 0;
  while (i < shorter.size() && shorter[i] == longer[i]) ++i;
  if (i == 0) return false;
  if (longer.size() == shorter.size() + 1) {
    return i + 1 < longer.size() &&
           std::equal(shorter.begin() + i, shorter.end(), longer.begin() + i + 1);
  }
  if (word.size() != fix.size() || i + 1 >= word.size()) return false;
  if (allow_substitution && std::equal(word.begin() + i + 1, word.end(), fix.begin() + i + 1)) {
    return true;
  }
  return i + 2 < word.size() && word[i] == fix[i + 1] && word[i + 1] == fix[i] &&
         std::equal(word.begin() + i + 2, word.end(), fix.begin() + i + 2);
}

std::vector<WordNeighbour> find_neighbours(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                           const std::string& word) {
  return NeighbourSearch(db, stemmer, word).run();
}

}  // namespace berita
