// The synonyms file: groups of expressions that mean the same thing, which
// the indexer loads into the database's synonym table so that a query for
// one expression also finds the others ("KL" finds "Kuala Lumpur").
//
// File format (UTF-8), one group a line:
//   kl, kuala lumpur
//   macc, sprm, malaysian anti-corruption commission
// - Expressions are separated by commas; a line needs at least two
//   different ones.
// - Case and punctuation inside an expression do not matter: expressions are
//   split into words the way the indexer splits text (text/words.h), so
//   "Yang di-Pertuan Agong" is the words "yang di pertuan agong".
// - '#' starts a comment that runs to the end of the line; blank lines are
//   ignored.
// - An expression is at most kMaxEntryBytes bytes and kMaxEntryWords words.
// - An expression may appear in several groups; it then stands for the
//   expressions of all of them.
// A bad line is reported with its line number and skipped; the rest load.
#ifndef BERITA_TEXT_SYNONYMS_H
#define BERITA_TEXT_SYNONYMS_H

#include <istream>
#include <string>
#include <vector>

#include "article/parse_error.h"

namespace berita {

inline constexpr std::size_t kMaxEntryBytes = 80;
inline constexpr std::size_t kMaxEntryWords = 8;

struct SynonymGroup {
  // Each expression's words, lower-cased and joined by single spaces
  // ("kuala lumpur"); no two are equal, and there are at least two.
  std::vector<std::string> entries;
  long line = 0;  // where the group was written, for messages

  bool operator==(const SynonymGroup& other) const { return entries == other.entries; }
};

struct SynonymFile {
  std::vector<SynonymGroup> groups;
  std::vector<ParseError> problems;  // one per bad line, in file order
};

// Reads groups from a stream; file_name only labels the problems.
SynonymFile parse_synonyms(std::istream& in, const std::string& file_name);

// Reads groups from a file; throws std::runtime_error naming the file if it
// cannot be read.
SynonymFile load_synonyms_file(const std::string& path);

}  // namespace berita

#endif
