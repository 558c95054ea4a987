// The neighbour search against brute force: for words with edits anywhere
// (first letter, early, late, across the middle, last letter; short and long
// words; absent and present words), find_neighbours must return exactly the
// indexed words that is_one_edit accepts, in a real database built by each
// indexing mode.
#include "search/word_neighbours.h"

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "index/word_keys.h"
#include "schema/schema.h"
#include "search/news_archive.h"

namespace berita {
namespace {

using test::NewsArchive;

std::vector<unsigned> letters(const std::string& word) {
  return std::vector<unsigned>(Xapian::Utf8Iterator(word), Xapian::Utf8Iterator());
}

std::string utf8(const std::vector<unsigned>& code_points) {
  std::string out;
  for (const unsigned ch : code_points) Xapian::Unicode::append_utf8(out, ch);
  return out;
}

// Every word the indexer kept, from the prefix buckets, with its stem's
// article count.
std::map<std::string, Xapian::doccount> written_words(const Xapian::Database& db) {
  const Xapian::Stem stemmer = schema::stemmer_for(db);
  std::map<std::string, Xapian::doccount> out;
  const std::string keys = schema::kWordKeyPrefix;
  for (auto key = db.metadata_keys_begin(keys); key != db.metadata_keys_end(keys); ++key) {
    for (const auto& word : decode_word_bucket(db.get_metadata(*key))) {
      out[word] = db.get_termfreq(schema::stemmed_term("", stemmer, word));
    }
  }
  return out;
}

std::map<std::string, Xapian::doccount> brute_force(const std::map<std::string, Xapian::doccount>& words,
                                                    const std::string& word) {
  std::map<std::string, Xapian::doccount> out;
  for (const auto& [candidate, frequency] : words) {
    if (!schema::is_word_term(candidate) || candidate == word || frequency == 0) continue;
    if (is_one_edit(letters(word), letters(candidate))) out[candidate] = frequency;
  }
  return out;
}

// Probe words made from the archive's own words by one random edit at every
// position, so slips land in both halves and across the middle.
std::vector<std::string> probes(const std::map<std::string, Xapian::doccount>& written) {
  std::vector<std::string> words;
  for (const auto& [word, frequency] : written) {
    if (schema::is_word_term(word) && letters(word).size() >= 4 && frequency >= 2) {
      words.push_back(word);
    }
  }
  std::mt19937 random(7);
  std::vector<std::string> out = {"mahatir", "mhathir", "kleantan", "putrjaaya", "kelantan",
                                  "selangor", "zzzz", "café", "kafé", "über"};
  for (int n = 0; n < 60 && !words.empty(); ++n) {
    std::vector<unsigned> w = letters(words[random() % words.size()]);
    const std::size_t at = random() % (w.size() + 1);
    const unsigned letter = 'a' + random() % 26;
    switch (at == w.size() ? 1 : random() % 4) {
      case 0: w.erase(w.begin() + at); break;
      case 1: w.insert(w.begin() + at, letter); break;
      case 2: w[at] = letter; break;
      default:
        if (at + 1 < w.size()) std::swap(w[at], w[at + 1]);
    }
    out.push_back(utf8(w));
  }
  return out;
}

TEST_CASE("find_neighbours finds exactly the indexed words one edit away", "[spelling]") {
  const auto mode = GENERATE(NewsArchive::Mode::kUpdate, NewsArchive::Mode::kRebuild);
  NewsArchive archive;
  archive.add("accents", test::article_text("Kafe opens in Ipoh",
                                            "The café near the über-modern station served kopi."));
  archive.build(mode);
  const Xapian::Database db(archive.db_path());
  const Xapian::Stem stemmer = schema::stemmer_for(db);
  const auto written = written_words(db);
  // The archive's words are all kept (a sample of them, checked directly).
  for (const char* word : {"kelantan", "café", "über", "modern", "station"}) {
    CAPTURE(word);
    CHECK(written.count(word) == 1);
  }
  std::size_t with_neighbours = 0;
  for (const auto& word : probes(written)) {
    CAPTURE(word);
    std::map<std::string, Xapian::doccount> found;
    for (const auto& n : find_neighbours(db, stemmer, word)) {
      CHECK(found.emplace(n.word, n.frequency).second);  // no word twice
    }
    const auto expected = brute_force(written, word);
    CHECK(found == expected);
    if (!expected.empty()) ++with_neighbours;
  }
  // The probes must exercise the search, not only find nothing.
  CHECK(with_neighbours > 30);
}

TEST_CASE("one edit, and the edits that count as typing slips", "[spelling]") {
  const auto edit = [](const std::string& a, const std::string& b) {
    return is_one_edit(letters(a), letters(b));
  };
  CHECK(edit("bowel", "towel"));   // first letter changed
  CHECK(edit("bowel", "bowl"));    // dropped
  CHECK(edit("bowl", "bowls"));    // added at the end
  CHECK(edit("obwl", "bowl"));     // first two swapped
  CHECK(edit("kafé", "kafe"));     // changed, code points
  CHECK_FALSE(edit("bowl", "bowl"));
  CHECK_FALSE(edit("bowl", "blow"));
  CHECK_FALSE(edit("bowl", "bowling"));
  CHECK_FALSE(edit("", ""));
  CHECK(edit("", "a"));

  const auto slip = [](const std::string& a, const std::string& b, bool substitution) {
    return is_typing_slip(letters(a), letters(b), substitution);
  };
  CHECK(slip("mahatir", "mahathir", false));   // letter dropped
  CHECK(slip("mahathhir", "mahathir", false));  // letter added
  CHECK(slip("kleantan", "kelantan", false));  // neighbours swapped
  CHECK_FALSE(slip("kelantam", "kelantan", false));
  CHECK(slip("kelamtan", "kelantan", true));  // changed inside, when allowed
  CHECK_FALSE(slip("kelamtan", "kelantan", false));
  CHECK_FALSE(slip("tanker", "banker", true));     // first letter
  CHECK_FALSE(slip("worthy", "worth", false));     // last letter
  CHECK_FALSE(slip("kelantan", "kelantan", true));  // the same word
  CHECK_FALSE(slip("kelantan", "kelan", true));     // more than one edit
  CHECK(slip("cafe", "caffe", false));
  CHECK(slip("kafé", "kaffé", false));  // code points, not bytes
}

}  // namespace
}  // namespace berita
