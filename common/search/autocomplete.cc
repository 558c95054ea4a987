#include "search/autocomplete.h"

#include <algorithm>

#include "index/article_codec.h"
#include "query/invalid_request.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// Scanning every term under a one-letter prefix of a large archive costs
// more than a search. The scan stops after this many terms (in alphabetical
// order), trading completeness on one- or two-letter input for a bounded
// cost; from three letters on, few prefixes reach it.
constexpr unsigned kMaxTermsScanned = 20000;
// Wildcard expansion of the partial word against titles: its most frequent
// completions only.
constexpr Xapian::termcount kMaxTitleExpansion = 64;

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

std::vector<Completion> complete_word(const Xapian::Database& db, const Input& input,
                                      unsigned limit) {
  std::vector<std::pair<Xapian::doccount, std::string>> best;
  unsigned scanned = 0;
  for (auto it = db.allterms_begin(input.partial);
       it != db.allterms_end(input.partial) && scanned < kMaxTermsScanned; ++it, ++scanned) {
    best.emplace_back(it.get_termfreq(), *it);
  }
  const auto more_common = [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const std::size_t keep = std::min<std::size_t>(limit, best.size());
  std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(keep), best.end(),
                    more_common);
  std::string lead;
  for (const auto& word : input.words) lead += word + ' ';
  std::vector<Completion> out;
  for (std::size_t i = 0; i < keep; ++i) {
    Completion c;
    c.kind = Completion::Kind::kWord;
    c.text = lead + best[i].second;
    c.count = best[i].first;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Completion> complete_title(const Xapian::Database& db, const ArticleCodec& codec,
                                       const Input& input, unsigned limit) {
  std::vector<Xapian::Query> parts;
  for (const auto& word : input.words) parts.emplace_back(schema::prefix::kTitle + word);
  if (!input.partial.empty()) {
    parts.emplace_back(Xapian::Query::OP_WILDCARD, schema::prefix::kTitle + input.partial,
                       kMaxTitleExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
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
  return complete(db, ArticleCodec::for_database(db), prefix, limit);
}

std::vector<Completion> complete(const Xapian::Database& db, const ArticleCodec& codec,
                                 const std::string& prefix, unsigned limit) {
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
  std::vector<Completion> out;
  if (!input.partial.empty()) out = complete_word(db, input, limit);
  std::vector<Completion> titles = complete_title(db, codec, input, limit);
  out.insert(out.end(), std::make_move_iterator(titles.begin()),
             std::make_move_iterator(titles.end()));
  return out;
}

}  // namespace berita
