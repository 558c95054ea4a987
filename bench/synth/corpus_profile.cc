#include "synth/corpus_profile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

namespace berita::synth {
namespace {

constexpr std::size_t kQuantilePoints = 41;
constexpr double kTopQuantile = 0.995;
// Ranks used to fit the Zipf exponent: past the function words, before the
// long tail of typos and one-off names.
constexpr std::size_t kZipfFirstRank = 10;
constexpr std::size_t kZipfLastRank = 10000;
// A collocation: a word pair seen this often, and this many times more often
// than its words' frequencies predict.
constexpr std::uint32_t kCollocationMinCount = 20;
constexpr double kCollocationMinLift = 100;
// Sources and categories seen fewer times than this are folded into the tail
// shares anyway; cap the lists so the profile stays small.
constexpr std::size_t kMaxShares = 400;

Quantiles quantiles_of(std::vector<double> values) {
  Quantiles q;
  if (values.empty()) values.push_back(0);
  std::sort(values.begin(), values.end());
  q.points.resize(kQuantilePoints);
  for (std::size_t i = 0; i < kQuantilePoints; ++i) {
    const double pos =
        static_cast<double>(i) / (kQuantilePoints - 1) * kTopQuantile * static_cast<double>(values.size() - 1);
    q.points[i] = values[static_cast<std::size_t>(std::lround(pos))];
  }
  return q;
}

std::vector<double> shares_of(const std::map<std::string, std::size_t>& counts) {
  std::vector<double> shares;
  double total = 0;
  for (const auto& [key, count] : counts) {
    shares.push_back(static_cast<double>(count));
    total += static_cast<double>(count);
  }
  std::sort(shares.rbegin(), shares.rend());
  if (shares.size() > kMaxShares) shares.resize(kMaxShares);
  const double kept = std::accumulate(shares.begin(), shares.end(), 0.0);
  for (auto& s : shares) s /= (kept > 0 ? kept : total);
  return shares;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Lower-cased words and numbers of text; '.' after a word marks a sentence end.
struct Token {
  std::string text;
  bool number = false;
  bool ends_sentence = false;
};

void tokenize(std::string_view text, std::vector<Token>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    Token token;
    while (i < text.size()) {
      const auto c = static_cast<unsigned char>(text[i]);
      const bool inner = (c == '.' || c == ',') && i + 1 < text.size() &&
                         std::isdigit(static_cast<unsigned char>(text[i + 1])) &&
                         !token.text.empty() && std::isdigit(static_cast<unsigned char>(token.text.back()));
      if (!is_word_byte(c) && !inner) break;
      if (std::isdigit(c)) token.number = true;
      token.text += static_cast<char>(std::tolower(c));
      ++i;
    }
    if (i < text.size() && (text[i] == '.' || text[i] == '!' || text[i] == '?')) {
      token.ends_sentence = true;
    }
    out.push_back(std::move(token));
  }
}

std::size_t count_words(std::string_view text) {
  std::vector<Token> tokens;
  tokenize(text, tokens);
  return tokens.size();
}

std::string string_or_empty(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

// Everything measured while reading the corpora, before it becomes a profile.
struct Tally {
  std::unordered_map<std::string, std::uint32_t> word_ids;
  std::vector<std::uint64_t> word_counts;
  std::unordered_map<std::uint64_t, std::uint32_t> bigrams;
  std::size_t tokens = 0;
  std::size_t numbers = 0;
  std::size_t documents = 0;

  std::uint32_t id_of(const std::string& word) {
    const auto [it, added] =
        word_ids.emplace(word, static_cast<std::uint32_t>(word_counts.size()));
    if (added) word_counts.push_back(0);
    return it->second;
  }
};

void split_paragraphs(const std::string& body, std::vector<std::string_view>& out) {
  out.clear();
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find("\n\n", start);
    if (end == std::string::npos) end = body.size();
    if (end > start) out.emplace_back(body.data() + start, end - start);
    start = end + 2;
  }
}

StyleProfile fit_style(const std::string& name, const std::string& path, std::size_t max_docs,
                       Tally& tally) {
  std::ifstream in(path);
  if (!in) {
    throw SynthError("missing corpus file " + path +
                     " (the generator fits itself to the real corpora; pass --shared DIR, the "
                     "folder holding corpora/)");
  }
  StyleProfile style;
  style.name = name;
  std::vector<double> title_words, body_words, paragraph_words, sentence_words;
  std::map<std::string, std::size_t> sources, categories, langs;
  std::map<std::size_t, std::size_t> categories_per_doc;
  std::unordered_set<std::string> titles;
  std::size_t duplicates = 0, docs = 0;
  std::vector<Token> tokens;
  std::vector<std::string_view> paras;
  std::string line;
  long line_no = 0;
  while (std::getline(in, line) && (max_docs == 0 || docs < max_docs)) {
    ++line_no;
    if (line.empty()) continue;
    nlohmann::json record;
    try {
      record = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      throw SynthError(path + ":" + std::to_string(line_no) + ": not JSON: " + e.what());
    }
    ++docs;
    const std::string title = string_or_empty(record, "title");
    const std::string body = string_or_empty(record, "body");
    title_words.push_back(static_cast<double>(count_words(title)));
    if (!title.empty() && !titles.insert(title).second) ++duplicates;
    sources[string_or_empty(record, "source")]++;
    langs[string_or_empty(record, "lang")]++;
    std::size_t cats = 0;
    std::stringstream category_list(string_or_empty(record, "category"));
    for (std::string category; std::getline(category_list, category, ';');) {
      if (category.empty()) continue;
      categories[category]++;
      ++cats;
    }
    categories_per_doc[cats]++;

    split_paragraphs(body, paras);
    std::size_t words_in_body = 0;
    for (const auto para : paras) {
      tokens.clear();
      tokenize(para, tokens);
      if (tokens.empty()) continue;
      paragraph_words.push_back(static_cast<double>(tokens.size()));
      words_in_body += tokens.size();
      std::size_t sentence = 0;
      std::uint32_t previous = UINT32_MAX;
      for (const auto& token : tokens) {
        ++sentence;
        ++tally.tokens;
        if (token.number) {
          ++tally.numbers;
          previous = UINT32_MAX;
        } else {
          const std::uint32_t id = tally.id_of(token.text);
          tally.word_counts[id]++;
          if (previous != UINT32_MAX) tally.bigrams[(std::uint64_t{previous} << 32) | id]++;
          previous = id;
        }
        if (token.ends_sentence) {
          sentence_words.push_back(static_cast<double>(sentence));
          sentence = 0;
          previous = UINT32_MAX;
        }
      }
      if (sentence > 0) sentence_words.push_back(static_cast<double>(sentence));
    }
    body_words.push_back(static_cast<double>(words_in_body));
  }
  if (docs == 0) throw SynthError("corpus file " + path + " holds no articles");
  tally.documents += docs;

  style.weight = 1;
  style.title_words = quantiles_of(std::move(title_words));
  style.paragraph_words = quantiles_of(std::move(paragraph_words));
  style.body_words = quantiles_of(std::move(body_words));
  style.sentence_words = quantiles_of(std::move(sentence_words));
  style.source_shares = shares_of(sources);
  style.category_shares = shares_of(categories);
  const std::size_t max_cats = categories_per_doc.rbegin()->first;
  style.categories_per_doc.assign(max_cats + 1, 0.0);
  for (const auto& [k, n] : categories_per_doc) {
    style.categories_per_doc[k] = static_cast<double>(n) / static_cast<double>(docs);
  }
  for (const auto& [lang, n] : langs) {
    style.lang_shares.emplace_back(lang.empty() ? "en" : lang,
                                   static_cast<double>(n) / static_cast<double>(docs));
  }
  style.duplicate_rate = static_cast<double>(duplicates) / static_cast<double>(docs);
  return style;
}

// Least-squares slope of log(frequency) against log(rank).
double fit_zipf_exponent(const std::vector<std::uint64_t>& sorted_counts) {
  const std::size_t last = std::min(kZipfLastRank, sorted_counts.size() / 2);
  if (last <= kZipfFirstRank + 10) return 1.0;
  double sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;
  for (std::size_t r = kZipfFirstRank; r <= last; ++r) {
    const double x = std::log(static_cast<double>(r));
    const double y = std::log(static_cast<double>(sorted_counts[r - 1]));
    sx += x; sy += y; sxx += x * x; sxy += x * y; n += 1;
  }
  const double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return std::clamp(-slope, 0.6, 2.0);
}

double expected_distinct(double exponent, std::size_t vocabulary, double tokens) {
  double norm = 0;
  for (std::size_t r = 1; r <= vocabulary; ++r) norm += std::pow(static_cast<double>(r), -exponent);
  double distinct = 0;
  for (std::size_t r = 1; r <= vocabulary; ++r) {
    distinct += -std::expm1(-tokens * std::pow(static_cast<double>(r), -exponent) / norm);
  }
  return distinct;
}

// The vocabulary size for which a Zipf law with this exponent shows as many
// distinct words in as many tokens as the real corpora did.
std::size_t fit_vocabulary(double exponent, std::size_t observed, double tokens) {
  std::size_t low = observed, high = observed * 8;
  if (expected_distinct(exponent, high, tokens) < static_cast<double>(observed)) return high;
  for (int i = 0; i < 20 && high - low > observed / 200 + 1; ++i) {
    const std::size_t mid = low + (high - low) / 2;
    if (expected_distinct(exponent, mid, tokens) < static_cast<double>(observed)) {
      low = mid;
    } else {
      high = mid;
    }
  }
  return high;
}

}  // namespace

double Quantiles::at(double u) const {
  if (points.empty()) return 0;
  const double pos = std::clamp(u, 0.0, 1.0) * static_cast<double>(points.size() - 1);
  const auto i = static_cast<std::size_t>(pos);
  if (i + 1 >= points.size()) return points.back();
  const double frac = pos - static_cast<double>(i);
  return points[i] + (points[i + 1] - points[i]) * frac;
}

double Quantiles::mean() const {
  if (points.size() < 2) return points.empty() ? 0 : points[0];
  double sum = 0;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) sum += (points[i] + points[i + 1]) / 2;
  return sum / static_cast<double>(points.size() - 1);
}

const std::vector<std::string>& fitted_corpora() {
  static const std::vector<std::string> names = {"reuters21578", "bbc-news",
                                                 "malaysian-news-2018"};
  return names;
}

CorpusProfile fit_profile(const std::string& shared_dir, std::size_t max_docs_per_corpus) {
  if (!std::filesystem::is_directory(shared_dir + "/corpora")) {
    throw SynthError("missing folder " + shared_dir +
                     "/corpora (pass --shared DIR, the folder holding the real corpora)");
  }
  CorpusProfile profile;
  Tally tally;
  tally.bigrams.reserve(1 << 22);
  for (const auto& name : fitted_corpora()) {
    profile.styles.push_back(fit_style(name, shared_dir + "/corpora/" + name + "/docs.jsonl",
                                       max_docs_per_corpus, tally));
  }
  // Equal thirds: an archive mixing wire copy, a broadcaster and local press,
  // rather than one dominated by the largest collection.
  for (auto& style : profile.styles) style.weight = 1.0 / static_cast<double>(profile.styles.size());

  std::vector<std::uint64_t> counts = tally.word_counts;
  std::sort(counts.rbegin(), counts.rend());
  const std::size_t word_tokens = tally.tokens - tally.numbers;
  profile.zipf_exponent = fit_zipf_exponent(counts);
  profile.vocabulary_size =
      fit_vocabulary(profile.zipf_exponent, counts.size(), static_cast<double>(word_tokens));
  profile.number_rate = static_cast<double>(tally.numbers) / static_cast<double>(tally.tokens);
  profile.documents = tally.documents;
  profile.tokens = tally.tokens;

  std::vector<double> chars;
  chars.reserve(tally.word_ids.size());
  for (const auto& [word, id] : tally.word_ids) chars.push_back(static_cast<double>(word.size()));
  profile.word_chars = quantiles_of(std::move(chars));

  std::uint64_t in_collocations = 0;
  for (const auto& [key, count] : tally.bigrams) {
    if (count < kCollocationMinCount) continue;
    const double a = static_cast<double>(tally.word_counts[key >> 32]);
    const double b = static_cast<double>(tally.word_counts[key & 0xffffffffu]);
    const double lift = static_cast<double>(count) * static_cast<double>(word_tokens) / (a * b);
    if (lift < kCollocationMinLift) continue;
    ++profile.collocations;
    in_collocations += 2 * count;
  }
  profile.collocation_rate =
      std::min(0.5, static_cast<double>(in_collocations) / static_cast<double>(word_tokens));
  return profile;
}

double mean_article_tokens(const CorpusProfile& profile) {
  double total = 0, weights = 0;
  for (const auto& style : profile.styles) {
    total += style.weight *
             (style.title_words.mean() + style.body_words.mean());
    weights += style.weight;
  }
  return weights > 0 ? total / weights : 0;
}

std::string describe(const CorpusProfile& profile) {
  std::ostringstream out;
  out << "fitted to " << profile.documents << " articles, " << profile.tokens << " tokens\n"
      << "zipf exponent " << profile.zipf_exponent << ", vocabulary " << profile.vocabulary_size
      << ", numbers " << profile.number_rate << ", collocations " << profile.collocations
      << " covering " << profile.collocation_rate << " of word tokens\n"
      << "mean article tokens " << mean_article_tokens(profile) << "\n";
  for (const auto& style : profile.styles) {
    out << style.name << ": weight " << style.weight << ", title words "
        << style.title_words.mean() << ", body words " << style.body_words.mean()
        << " in paragraphs of " << style.paragraph_words.mean() << ", sentence "
        << style.sentence_words.mean() << " words, sources " << style.source_shares.size()
        << ", categories " << style.category_shares.size() << ", duplicate headlines "
        << style.duplicate_rate << "\n";
  }
  return out.str();
}

}  // namespace berita::synth
