#include "index/synonym_table.h"

namespace berita {

SynonymTable read_synonym_table(const Xapian::Database& db) {
  SynonymTable table;
  for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
    auto& values = table[*key];
    for (auto value = db.synonyms_begin(*key); value != db.synonyms_end(*key); ++value) {
      values.insert(*value);
    }
  }
  return table;
}

SynonymTableChange replace_synonym_table(Xapian::WritableDatabase& db, const SynonymTable& wanted) {
  const SynonymTable stored = read_synonym_table(db);
  SynonymTableChange change;
  for (const auto& [key, values] : stored) {
    const auto want = wanted.find(key);
    if (want != wanted.end() && want->second == values) continue;
    db.clear_synonyms(key);
    ++change.keys_removed;
    change.phrases_changed = change.phrases_changed || (want == wanted.end() && has_space(key));
  }
  for (const auto& [key, values] : wanted) {
    const auto have = stored.find(key);
    if (have != stored.end() && have->second == values) continue;
    for (const auto& value : values) db.add_synonym(key, value);
    ++change.keys_written;
    change.phrases_changed = change.phrases_changed || (have == stored.end() && has_space(key));
  }
  return change;
}

}  // namespace berita
