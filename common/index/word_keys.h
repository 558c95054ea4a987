// Writes the indexed words as written, which the index itself does not hold
// (it holds their stems): "did you mean" (search/word_neighbours.h) and
// completion (search/autocomplete.h) look words up here, in both indexing
// modes. They replace Xapian's spelling table, whose fragment lists cost a
// quarter of indexing time and about 1 ms of search per rare query word.
//
// Every indexed word is stored twice, in the metadata entry of its bucket
// by its first three letters (schema::word_prefix_bucket_key) and spelt
// backwards in the entry of its bucket by its last three
// (schema::word_bucket_key), each bucket's words sorted and front-coded.
// One metadata key per word cost about 45 bytes a word in a compacted
// database (2.1 MB on Reuters, 46,000 words); a bucket of words shares one
// key and the letters its words have in common. The price is paid by
// updates: a batch rewrites the entries of every bucket it adds a word to
// (on Reuters reversed entries average 36 bytes; the largest, words ending
// in -ing, is 11 KB).
//
// A word is never removed: a word whose last article left the archive stays,
// and the search side skips words whose stem has no articles.
#ifndef BERITA_INDEX_WORD_KEYS_H
#define BERITA_INDEX_WORD_KEYS_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace berita {

// A bucket's entry: sorted, distinct reversed words, each as the length of
// the prefix it shares with the one before, its own length left, and those
// bytes (one byte per length: Xapian terms are under 256 bytes).
std::string encode_word_bucket(const std::vector<std::string>& sorted_reversed_words);
// The reversed words of an entry, sorted; a damaged entry yields the words
// before the damage.
std::vector<std::string> decode_word_bucket(std::string_view entry);
// The union of several entries of one bucket (a rebuild's shards each write
// their own).
std::string merge_word_buckets(const std::vector<std::string_view>& entries);

// The words of one update batch, gathered as its documents are built
// (Analyzer::take_new_words).
class WordKeyCollector {
 public:
  void note(std::vector<std::string> words);
  // Adds each noted word its bucket lacks, inside the caller's transaction,
  // and forgets the words. Returns how many words were added.
  std::size_t write(Xapian::WritableDatabase& db);

 private:
  std::unordered_set<std::string> words_;
};

// Writes the bucket entries of words into db, a rebuild segment that has no
// word entries yet, committing after every per_commit entries. The merge
// joins the entries segments share (merge_word_buckets). Returns how many
// words were written (schema::is_word_term; others are left out).
std::size_t add_word_keys(Xapian::WritableDatabase& db, std::vector<std::string> words,
                          std::size_t per_commit);

// True for the metadata keys of word entries (both kinds), whose values
// merge_word_buckets joins.
bool is_word_bucket_key(std::string_view key);

}  // namespace berita

#endif
