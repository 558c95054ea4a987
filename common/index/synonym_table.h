// Keeps a database's synonym table equal to the synonyms file: the file is
// authoritative, so after an indexing run the table holds exactly what the
// analyzer derives from it (Analyzer::synonym_table), nothing older.
#ifndef BERITA_INDEX_SYNONYM_TABLE_H
#define BERITA_INDEX_SYNONYM_TABLE_H

#include <xapian.h>

#include <cstddef>

#include "text/synonym_terms.h"

namespace berita {

struct SynonymTableChange {
  std::size_t keys_removed = 0;  // keys dropped or rewritten
  std::size_t keys_written = 0;  // keys added or rewritten
  // A multi-word key came or went: articles indexed before lack (or still
  // carry) the terms those expressions add, until the next rebuild.
  bool phrases_changed = false;

  bool changed() const { return keys_removed + keys_written > 0; }
};

// The synonym table as stored in db.
SynonymTable read_synonym_table(const Xapian::Database& db);

// Rewrites only the keys whose values differ, so an unchanged file costs a
// read and no write. Not committed: the caller's next commit makes it
// durable together with the articles.
SynonymTableChange replace_synonym_table(Xapian::WritableDatabase& db, const SynonymTable& wanted);

}  // namespace berita

#endif
