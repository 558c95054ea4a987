// Writes the reversed-word keys (schema::kReversedWordKeyPrefix) that "did
// you mean" looks words up by (search/word_neighbours.h), in both indexing
// modes. They replace Xapian's spelling table, whose fragment lists cost a
// quarter of indexing time and about 1 ms of search per rare query word.
//
// A key is never removed: a word whose last article left the archive keeps
// its key, and the search side skips words with no articles.
#ifndef BERITA_INDEX_WORD_KEYS_H
#define BERITA_INDEX_WORD_KEYS_H

#include <xapian.h>

#include <cstddef>
#include <string>
#include <unordered_set>

namespace berita {

// The words of one update batch, gathered as its documents are built.
class WordKeyCollector {
 public:
  void note(const Xapian::Document& doc);
  // Adds a key for each noted word that has none, inside the caller's
  // transaction, and forgets the words. Returns how many keys were added.
  std::size_t write(Xapian::WritableDatabase& db);

 private:
  std::unordered_set<std::string> words_;
};

// Adds a key for every word term of db (a rebuild shard, whose terms are all
// new), committing after every per_commit keys so memory stays bounded.
// The merge keeps one key of each word the shards share. Returns how many
// keys were written.
std::size_t add_word_keys_from_terms(Xapian::WritableDatabase& db, std::size_t per_commit);

}  // namespace berita

#endif
