#include "text/analyzer.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <unordered_set>

#include "schema/schema.h"
#include "text/stem_cache.h"
#include "text/utf8.h"
#include "text/words.h"

namespace berita {
namespace {

// Gap between fields and paragraphs, so a phrase never matches across them.
constexpr Xapian::termpos kFieldGap = 100;

// Wildcards over a large archive could expand to thousands of terms; keep the
// most frequent ones, which is what a user typing "elect*" means.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

// Boolean filter values are normalised the way the indexer wrote them, so
// "source:Bernama" and "source:bernama" both match (QueryParser would
// otherwise take the value byte for byte).
class NormalisingFieldProcessor : public Xapian::FieldProcessor {
 public:
  using Normalise = std::string (*)(std::string_view);
  NormalisingFieldProcessor(std::string prefix, Normalise normalise)
      : prefix_(std::move(prefix)), normalise_(normalise) {}
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(prefix_ + normalise_(value));
  }

 private:
  std::string prefix_;
  Normalise normalise_;
};

std::string keep_as_is(std::string_view value) { return std::string(value); }

NormalisingFieldProcessor::Normalise normaliser_for(const char* prefix) {
  const std::string_view p(prefix);
  if (p == schema::prefix::kSource || p == schema::prefix::kCategory) return &slugify;
  if (p == schema::prefix::kLang) return &ascii_lower;
  return &keep_as_is;
}

// Function words that carry no topic. Kept short on purpose: words such as
// "information", "system" or "use" are frequent in the test collections but
// are real content in other archives, and BM25's idf already discounts them.
constexpr const char* kEnglishStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down",
    "during", "each", "either", "etc", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more",
    "most", "must", "my", "myself", "neither", "no", "nor", "not", "of", "off", "on",
    "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
    "own", "same", "shall", "she", "should", "so", "some", "such", "than", "that", "the",
    "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was",
    "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "would", "you", "your", "yours", "yourself",
    "yourselves",
};

Xapian::Stem make_stemmer(const std::string& language) {
  if (language.empty() || language == "none") return Xapian::Stem();
  return Xapian::Stem(language);
}

}  // namespace

bool is_english_stopword(const std::string& word) {
  // Asked for every candidate term of feedback's expansion, where comparing
  // against each entry in turn was an eighth of a feedback query's time.
  static const std::unordered_set<std::string_view> stopwords(std::begin(kEnglishStopwords),
                                                              std::end(kEnglishStopwords));
  return stopwords.count(word) > 0;
}

Analyzer::Analyzer(AnalyzerConfig config)
    : config_(std::move(config)),
      stemmer_(make_stemmer(config_.stem_language)),
      indexing_stemmer_(config_.stem_language, config_.collect_spelling),
      synonym_terms_(config_.synonyms, stemmer_) {
  // Stems only, with positions; with no language the caching stemmer leaves
  // words as they are, so the terms have the same form either way.
  generator_.set_stemmer(indexing_stemmer_.stem());
  generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

void Analyzer::index_phrases(const std::string& text, Xapian::termcount weight,
                             const char* prefix, Xapian::Document& doc) {
  if (!synonym_terms_.has_phrases()) return;
  split_words(text, words_);
  synonym_terms_.find_phrases(words_, phrases_found_);
  for (const auto& [phrase, count] : phrases_found_) {
    // Same wdf as the field's words get, so a synonym weighs what its
    // words would.
    doc.add_term(*phrase, count * weight);
    if (prefix != nullptr) doc.add_term(prefix + *phrase, count);
  }
}

void Analyzer::index_text(const Article& article, Xapian::Document& doc) {
  generator_.set_document(doc);

  // Each field is indexed twice: with its prefix for field search, and
  // without (with the field's weight) for plain search across all fields.
  const std::string all_fields = schema::prefix::kStemmed;
  const auto field = [&](const std::string& text, unsigned weight, const char* prefix) {
    if (text.empty()) return;
    generator_.index_text(text, 1, schema::stemmed_prefix(prefix));
    generator_.increase_termpos(kFieldGap);
    generator_.index_text(text, weight, all_fields);
    generator_.increase_termpos(kFieldGap);
    index_phrases(text, weight, prefix, doc);
  };
  field(article.title, config_.title_weight, schema::prefix::kTitle);
  field(article.standfirst, config_.standfirst_weight, schema::prefix::kStandfirst);
  field(article.location, 1, schema::prefix::kLocation);
  field(article.byline, 1, schema::prefix::kByline);
  for (const auto& caption : article.captions) field(caption, 1, schema::prefix::kCaption);
  for (const auto& paragraph : article.paragraphs) {
    generator_.index_text(paragraph, 1, all_fields);
    generator_.increase_termpos(kFieldGap);
    index_phrases(paragraph, 1, nullptr, doc);
  }
}

SynonymTable Analyzer::synonym_table() const {
  std::vector<std::string> prefixes;
  for (const auto& field : schema::kQueryFields) {
    if (field.kind != schema::FieldKind::kFreeText) continue;
    if (std::find(prefixes.begin(), prefixes.end(), field.prefix) == prefixes.end()) {
      prefixes.emplace_back(field.prefix);
    }
  }
  return synonym_terms_.table(prefixes);
}

Xapian::QueryParser Analyzer::make_query_parser(const Xapian::Database& db) const {
  Xapian::QueryParser parser;
  parser.set_stemmer(stemmer_);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  // Words with no field are looked up among the stems of all fields.
  parser.add_prefix("", schema::prefix::kStemmed);
  parser.set_database(db);
  parser.set_default_op(config_.query_default_op);
  if (config_.query_stopwords) {
    auto* stopper = new Xapian::SimpleStopper(std::begin(kEnglishStopwords),
                                              std::end(kEnglishStopwords));
    parser.set_stopper(stopper->release());
  }
  parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const auto& field : schema::kQueryFields) {
    if (field.kind == schema::FieldKind::kBoolean) {
      auto* processor = new NormalisingFieldProcessor(field.prefix, normaliser_for(field.prefix));
      parser.add_boolean_prefix(field.name, processor->release());
    } else {
      parser.add_prefix(field.name, schema::stemmed_prefix(field.prefix));
    }
  }
  return parser;
}

}  // namespace berita
