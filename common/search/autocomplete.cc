#include "search/autocomplete.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "index/article_codec.h"
#include "index/word_keys.h"
#include "query/invalid_request.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// The words under a one- or two-letter prefix of a large archive are many,
// and each costs a look-up of its stem's frequency. The scan stops after
// this many words (in alphabetical order), trading completeness on one- or
// two-letter input for a bounded cost; from three letters on, the words
// come from one entry and few reach it.
constexpr unsigned kMaxWordsScanned = 2000;
// Headlines are searched for the stems of the partial word's most frequent
// completions only.
constexpr std::size_t kMaxTitleStems = 64;

struct Input {
  std::vector<std::string> words;  // complete words before the partial one
  std::string partial;             // the word being typed (may be empty)
};

// Splits like the indexer does (Unicode word characters, lower-cased), so the
// pieces are index terms.
Input split(const std::string& prefix) {
  Input input;
  std::string word;
  for (Xapian::Utf8Iterator it(prefix); it != Xapian::Utf8Iterator(); ++it) {
    if (Xapian::Unicode::is_wordchar(*it)) {
      Xapian::Unicode::append_utf8(word, Xapian::Unicode::tolower(*it));
    } else if (!word.empty()) {
      input.words.push_back(std::move(word));
      word.clear();
    }
  }
  // Input ending in a space has no partial word: "kuala " completes nothing
  // but still finds headlines with "kuala".
  input.partial = std::move(word);
  return input;
}

// One completion per stem: the articles a search for the word finds are its
// stem's, whatever form was typed.
struct StemCompletion {
  std::string stem_term;
  std::string word;  // the shortest written form, alphabetically first on ties
  Xapian::doccount count = 0;
};

// The written words starting with partial (index/word_keys.h), grouped by
// stem, most common first.
std::vector<StemCompletion> completions_of(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                           const std::string& partial) {
  std::vector<std::string> words;
  const auto take = [&](std::string_view entry) {
    for (auto& word : decode_word_bucket(entry)) {
      if (words.size() >= kMaxWordsScanned) return;
      if (word.compare(0, partial.size(), partial) == 0 && schema::is_word_term(word)) {
        words.push_back(std::move(word));
      }
    }
  };
  if (code_points(partial).size() >= schema::kWordBucketLetters) {
    take(db.get_metadata(schema::word_prefix_bucket_key(partial)));
  } else {
    const std::string keys = schema::kWordKeyPrefix + partial;
    for (auto key = db.metadata_keys_begin(keys);
         key != db.metadata_keys_end(keys) && words.size() < kMaxWordsScanned; ++key) {
      take(db.get_metadata(*key));
    }
  }
  std::unordered_map<std::string, StemCompletion> by_stem;
  for (auto& word : words) {
    std::string term = schema::stemmed_term("", stemmer, word);
    auto [it, fresh] = by_stem.try_emplace(term);
    StemCompletion& c = it->second;
    if (fresh) {
      c.stem_term = term;
      c.count = db.get_termfreq(term);
      c.word = std::move(word);
    } else if (word.size() < c.word.size() || (word.size() == c.word.size() && word < c.word)) {
      c.word = std::move(word);
    }
  }
  std::vector<StemCompletion> out;
  for (auto& [term, c] : by_stem) {
    if (c.count > 0) out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const StemCompletion& a, const StemCompletion& b) {
    return a.count != b.count ? a.count > b.count : a.word < b.word;
  });
  return out;
}

std::vector<Completion> complete_word(const std::vector<StemCompletion>& stems, const Input& input,
                                      unsigned limit) {
  std::string lead;
  for (const auto& word : input.words) lead += word + ' ';
  std::vector<Completion> out;
  for (std::size_t i = 0; i < stems.size() && i < limit; ++i) {
    Completion c;
    c.kind = Completion::Kind::kWord;
    c.text = lead + stems[i].word;
    c.count = stems[i].count;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Completion> complete_title(const Xapian::Database& db, const ArticleCodec& codec,
                                       const Xapian::Stem& stemmer, const Input& input,
                                       const std::vector<StemCompletion>& stems, unsigned limit) {
  std::vector<Xapian::Query> parts;
  for (const auto& word : input.words) {
    parts.emplace_back(schema::stemmed_term(schema::prefix::kTitle, stemmer, word));
  }
  if (!input.partial.empty()) {
    std::vector<Xapian::Query> endings;
    const std::string title = schema::stemmed_prefix(schema::prefix::kTitle);
    const std::size_t stemmed = std::string(schema::prefix::kStemmed).size();
    for (std::size_t i = 0; i < stems.size() && i < kMaxTitleStems; ++i) {
      endings.emplace_back(title + stems[i].stem_term.substr(stemmed));
    }
    // Nothing written starts so: no headline can match.
    if (endings.empty()) return {};
    parts.emplace_back(Xapian::Query::OP_OR, endings.begin(), endings.end());
  }
  if (parts.empty()) return {};
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
  // Among matching headlines, the newest: a search box is mostly used for
  // the running story.
  enquire.set_sort_by_value_then_relevance(schema::slot::kDate, true);
  const Xapian::MSet mset = enquire.get_mset(0, limit);
  std::vector<Completion> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ArticleSummary summary = codec.decode_summary(it.get_document());
    Completion c;
    c.kind = Completion::Kind::kTitle;
    c.text = std::move(summary.title);
    c.id = std::move(summary.id);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

std::vector<Completion> complete(const Xapian::Database& db, const std::string& prefix,
                                 unsigned limit) {
  return complete(db, ArticleCodec::for_database(db), schema::stemmer_for(db), prefix, limit);
}

std::vector<Completion> complete(const Xapian::Database& db, const ArticleCodec& codec,
                                 const Xapian::Stem& stemmer, const std::string& prefix,
                                 unsigned limit) {
  if (prefix.size() > kMaxPrefixBytes) {
    throw InvalidRequest("bad_parameter", "prefix",
                         "prefix is longer than " + std::to_string(kMaxPrefixBytes) + " bytes");
  }
  if (find_invalid_utf8(prefix) != std::string::npos) {
    throw InvalidRequest("bad_parameter", "prefix", "prefix is not valid UTF-8");
  }
  if (limit < 1 || limit > kMaxCompletions) {
    throw InvalidRequest("bad_parameter", "limit",
                         "limit must be between 1 and " + std::to_string(kMaxCompletions));
  }
  const Input input = split(prefix);
  if (input.words.empty() && input.partial.empty()) {
    throw InvalidRequest("bad_parameter", "prefix", "prefix must contain a letter or digit");
  }
  const std::vector<StemCompletion> stems =
      input.partial.empty() ? std::vector<StemCompletion>()
                            : completions_of(db, stemmer, input.partial);
  std::vector<Completion> out = complete_word(stems, input, limit);
  std::vector<Completion> titles = complete_title(db, codec, stemmer, input, stems, limit);
  out.insert(out.end(), std::make_move_iterator(titles.begin()),
             std::make_move_iterator(titles.end()));
  return out;
}

}  // namespace berita
