// The index schema: term prefixes, value slots, the fields users may name in
// queries, and the schema version. Defined here and nowhere else; the
// indexer, query parser, searcher and tools all read it from this header.
//
// Prefixes follow Xapian's conventions (omega's termprefixes): Q unique id,
// S title, A author, L language, Y/M/D year/month/day, X... our own.
#ifndef BERITA_SCHEMA_SCHEMA_H
#define BERITA_SCHEMA_SCHEMA_H

#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

namespace Xapian {
class Database;
class WritableDatabase;
}  // namespace Xapian

namespace berita::schema {

// Bump when terms, slots or stored data change meaning; a database with
// another version is refused and must be rebuilt.
inline constexpr int kVersion = 5;
inline constexpr const char* kVersionKey = "berita.schema_version";
inline constexpr const char* kStemLanguageKey = "berita.stem_language";
// The zstd dictionary stored articles are compressed with (index/article_codec);
// absent when they are stored uncompressed.
inline constexpr const char* kArticleDictionaryKey = "berita.article_dictionary";

// The index holds stems, not words as written (prefix::kStemmed), so the
// words themselves are kept apart, for "did you mean" and completion: every
// indexed word, packed into user metadata entries by its first
// kWordBucketLetters code points (word_prefix_bucket_key), and again spelt
// backwards (word_bucket_key; format in index/word_keys.h). "Did you mean"
// finds the words that begin like a query word through the first and the
// words that end like it through the second, so a slip anywhere in a word
// costs an entry's read instead of Xapian's spelling search.
inline constexpr const char* kWordKeyPrefix = "berita.w:";
inline constexpr const char* kReversedWordKeyPrefix = "berita.rw:";
// "Did you mean" only looks for beginnings and endings of this many letters
// or more (search/word_neighbours), so one entry holds every word it could
// want.
inline constexpr std::size_t kWordBucketLetters = 3;

namespace prefix {
// Free text is indexed as stems only, with positions, each term "Z", then
// its field's prefix, then the stem: "Zflood" for any field, "ZSflood" for
// the headline. Keeping the words as written too (Xapian's STEM_SOME)
// indexed every word twice, which made a Reuters rebuild about 1.4 times as
// slow and its database a fifth larger, for a distinction ("floods" typed
// in quotes) that ranking measured no gain from (docs/PERFORMANCE.md,
// "Stems only").
inline constexpr const char* kStemmed = "Z";
inline constexpr const char* kId = "Q";
inline constexpr const char* kTitle = "S";
inline constexpr const char* kByline = "A";
inline constexpr const char* kStandfirst = "XST";
inline constexpr const char* kCaption = "XCAP";
inline constexpr const char* kLocation = "XLOC";
inline constexpr const char* kSource = "XSRC";      // boolean, slug of the outlet name
inline constexpr const char* kCategory = "XCAT";    // boolean, slug of each category
inline constexpr const char* kLang = "L";           // boolean, ISO 639-1 code
inline constexpr const char* kYear = "Y";           // boolean, YYYY
inline constexpr const char* kMonth = "M";          // boolean, YYYYMM
inline constexpr const char* kDay = "D";            // boolean, YYYYMMDD
// Boolean: the near-duplicate cluster an article belongs to (the cluster key
// of slot::kCluster), so the other members of a cluster can be listed.
inline constexpr const char* kCluster = "XCL";
}  // namespace prefix

namespace slot {
inline constexpr Xapian::valueno kDate = 0;       // "YYYYMMDD": ranges and date sort
inline constexpr Xapian::valueno kDayNumber = 1;  // sortable_serialise(days since 1970-01-01)
inline constexpr Xapian::valueno kSource = 2;     // outlet slug, for facets and collapsing
inline constexpr Xapian::valueno kLang = 3;       // language code, for facets
inline constexpr Xapian::valueno kCategory = 4;   // first category slug, for facets
// Near-duplicate cluster key (the id of the cluster's first article), empty
// for an article with no known duplicate: Enquire's collapse key.
inline constexpr Xapian::valueno kCluster = 5;
// The locality-sensitive hash bands of the article's MinHash sketch
// (encode_band_keys); articles sharing a band are near-duplicate candidates.
// A value rather than a term per band: as terms they were 10 single-posting
// lists per article, a tenth of the compacted database; as one value they
// cost 40 bytes, and the linker reads them as a stream.
inline constexpr Xapian::valueno kNearDuplicateBands = 6;
// The stored article (index/article_codec), rather than the document data:
// Xapian zlib-compresses every document data entry it writes, and its
// compaction tries again for each entry that did not shrink. A compressed
// article never shrinks, so as data each one paid for two failed deflates
// (a rebuild's merge took 0.9 s instead of 0.4 on Reuters); a value is
// stored as it is.
inline constexpr Xapian::valueno kStoredArticle = 7;
}  // namespace slot

// Facets users may ask for, and the slot each one counts. year and month are
// counted from the date slot's first 4 and 6 characters.
struct FacetField {
  const char* name;
  Xapian::valueno slot;
  unsigned value_length;  // 0 = the whole value
};
inline constexpr FacetField kFacetFields[] = {
    {"source", slot::kSource, 0},
    {"category", slot::kCategory, 0},
    {"lang", slot::kLang, 0},
    {"year", slot::kDate, 4},
    {"month", slot::kDate, 6},
};

enum class FieldKind { kFreeText, kBoolean };

struct QueryField {
  const char* name;    // what users type before the colon
  const char* prefix;
  FieldKind kind;
};

// Fields users may name in a query ("title:flood", "source:bernama").
inline constexpr QueryField kQueryFields[] = {
    {"title", prefix::kTitle, FieldKind::kFreeText},
    {"headline", prefix::kTitle, FieldKind::kFreeText},
    {"standfirst", prefix::kStandfirst, FieldKind::kFreeText},
    {"caption", prefix::kCaption, FieldKind::kFreeText},
    {"location", prefix::kLocation, FieldKind::kFreeText},
    {"byline", prefix::kByline, FieldKind::kFreeText},
    {"author", prefix::kByline, FieldKind::kFreeText},
    {"source", prefix::kSource, FieldKind::kBoolean},
    {"category", prefix::kCategory, FieldKind::kBoolean},
    {"lang", prefix::kLang, FieldKind::kBoolean},
    {"id", prefix::kId, FieldKind::kBoolean},
    {"year", prefix::kYear, FieldKind::kBoolean},
};

// The id term of an article: the key of replace-by-id.
std::string id_term(std::string_view id);
// Boolean filter terms; values are slugified so "Free Malaysia Today",
// "free-malaysia-today" and "FREE MALAYSIA TODAY" all mean the same.
std::string source_term(std::string_view source);
std::string category_term(std::string_view category);
std::string lang_term(std::string_view lang);

// The term free text of a field is indexed under: kStemmed + field_prefix
// (kStemmed alone for the text of all fields).
std::string stemmed_prefix(std::string_view field_prefix);
// The term of a word in a field's text: stemmed_prefix(field_prefix) + stem.
std::string stemmed_term(std::string_view field_prefix, const Xapian::Stem& stemmer,
                         const std::string& word);

// True for the words "did you mean" and completion keep (the analyzer's
// lower-cased words): not empty, no capital lead, no space, no digit, as
// numbers and codes are left alone.
bool is_word_term(std::string_view term);
// The metadata key of the entry holding a word: kWordKeyPrefix + its first
// kWordBucketLetters code points.
std::string word_prefix_bucket_key(std::string_view word);
// The metadata key of the entry holding a word spelt backwards:
// kReversedWordKeyPrefix + its first kWordBucketLetters code points.
std::string word_bucket_key(std::string_view reversed_word);

// "2018-07-05" -> "20180705", the form stored in slot::kDate.
std::string date_slot_value(std::string_view iso_date);
// Days since 1970-01-01 for an ISO date (proleptic Gregorian).
long days_since_epoch(std::string_view iso_date);

// The stemmer db was indexed with (kStemLanguageKey; none when absent or
// "none").
Xapian::Stem stemmer_for(const Xapian::Database& db);

// Writes the schema version and stemming language into a new database, or
// checks them in an existing one. Throws SchemaMismatch on a mismatch.
void stamp_or_check(Xapian::WritableDatabase& db, const std::string& stem_language);
// Checks an existing database opened for reading; an empty database with no
// version is accepted. Throws SchemaMismatch.
void check(const Xapian::Database& db);

class SchemaMismatch : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace berita::schema

#endif
