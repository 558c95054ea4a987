#include "index/word_keys.h"

#include <algorithm>

#include "schema/schema.h"

namespace berita {
namespace {

// Xapian deletes a metadata entry set to "", so the key carries one byte.
constexpr const char* kPresent = "1";

}  // namespace

void WordKeyCollector::note(const Xapian::Document& doc) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (schema::is_word_term(term)) words_.insert(term);
  }
}

std::size_t WordKeyCollector::write(Xapian::WritableDatabase& db) {
  std::size_t added = 0;
  for (const auto& word : words_) {
    const std::string key = schema::reversed_word_key(word);
    if (!db.get_metadata(key).empty()) continue;
    db.set_metadata(key, kPresent);
    ++added;
  }
  words_.clear();
  return added;
}

std::size_t add_word_keys_from_terms(Xapian::WritableDatabase& db, std::size_t per_commit) {
  per_commit = std::max<std::size_t>(1, per_commit);
  // The term iterator is reopened after each commit instead of being
  // trusted across it.
  std::size_t written = 0;
  std::string last;
  for (bool done = false; !done;) {
    auto it = db.allterms_begin();
    if (!last.empty()) {
      it.skip_to(last);
      if (it != db.allterms_end() && *it == last) ++it;
    }
    for (std::size_t n = 0; it != db.allterms_end() && n < per_commit; ++it) {
      last = *it;
      if (!schema::is_word_term(last)) continue;
      db.set_metadata(schema::reversed_word_key(last), kPresent);
      ++n;
      ++written;
    }
    done = it == db.allterms_end();
    db.commit();
  }
  return written;
}

}  // namespace berita
