#include "schema/schema.h"

#include <xapian.h>

#include "text/utf8.h"

namespace berita::schema {

std::string id_term(std::string_view id) { return prefix::kId + std::string(id); }
std::string source_term(std::string_view source) { return prefix::kSource + slugify(source); }
std::string category_term(std::string_view category) {
  return prefix::kCategory + slugify(category);
}
std::string lang_term(std::string_view lang) { return prefix::kLang + ascii_lower(lang); }

std::string date_slot_value(std::string_view iso_date) {
  if (iso_date.size() < 10) return {};
  std::string out;
  out.reserve(8);
  out.append(iso_date.substr(0, 4)).append(iso_date.substr(5, 2)).append(iso_date.substr(8, 2));
  return out;
}

long days_since_epoch(std::string_view iso_date) {
  // Howard Hinnant's days_from_civil algorithm.
  const auto number = [&](std::size_t at, std::size_t len) {
    return std::stol(std::string(iso_date.substr(at, len)));
  };
  long y = number(0, 4);
  const long m = number(5, 2);
  const long d = number(8, 2);
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

namespace {

void check_values(const std::string& version, const std::string& stem, const std::string& want_stem,
                  bool check_stem) {
  if (version != std::to_string(kVersion)) {
    throw SchemaMismatch("database has schema version " + version + ", this build uses " +
                         std::to_string(kVersion) + "; rebuild it with berita-indexer --rebuild");
  }
  if (check_stem && stem != want_stem) {
    throw SchemaMismatch("database was indexed with stemming language '" + stem +
                         "', not '" + want_stem + "'; rebuild it to change language");
  }
}

}  // namespace

bool is_word_term(std::string_view term) {
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return false;
  for (const char c : term) {
    if (c == ' ' || (c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string stemmed_prefix(std::string_view field_prefix) {
  return prefix::kStemmed + std::string(field_prefix);
}

std::string stemmed_term(std::string_view field_prefix, const Xapian::Stem& stemmer,
                         const std::string& word) {
  return stemmed_prefix(field_prefix) + stemmer(word);
}

std::string word_prefix_bucket_key(std::string_view word) {
  return kWordKeyPrefix + std::string(code_point_prefix(word, kWordBucketLetters));
}

std::string word_bucket_key(std::string_view reversed_word) {
  return kReversedWordKeyPrefix + std::string(code_point_prefix(reversed_word, kWordBucketLetters));
}

Xapian::Stem stemmer_for(const Xapian::Database& db) {
  const std::string language = db.get_metadata(kStemLanguageKey);
  return language.empty() || language == "none" ? Xapian::Stem() : Xapian::Stem(language);
}

void stamp_or_check(Xapian::WritableDatabase& db, const std::string& stem_language) {
  const std::string version = db.get_metadata(kVersionKey);
  if (version.empty()) {
    if (db.get_doccount() != 0) {
      throw SchemaMismatch("database has documents but no Berita schema version; "
                           "it was not made by berita-indexer");
    }
    db.set_metadata(kVersionKey, std::to_string(kVersion));
    db.set_metadata(kStemLanguageKey, stem_language);
    return;
  }
  check_values(version, db.get_metadata(kStemLanguageKey), stem_language, true);
}

void check(const Xapian::Database& db) {
  const std::string version = db.get_metadata(kVersionKey);
  if (version.empty() && db.get_doccount() == 0) return;
  if (version.empty()) {
    throw SchemaMismatch("database has no Berita schema version; it was not made by berita-indexer");
  }
  check_values(version, {}, {}, false);
}

}  // namespace berita::schema
