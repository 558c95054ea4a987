// The analyzer: the ONE place that configures how text becomes terms, for
// indexing (TermGenerator), for queries (QueryParser) and for snippets (the
// stemmer). Keeping all three here is what guarantees a query word matches
// the indexed word and a snippet highlights it.
//
// Thread safety: an Analyzer holds a TermGenerator and is used by one thread;
// make one per thread. make_query_parser returns an independent object.
#ifndef BERITA_TEXT_ANALYZER_H
#define BERITA_TEXT_ANALYZER_H

#include <string>
#include <vector>

#include <xapian.h>

#include "article/article.h"
#include "text/stem_cache.h"
#include "text/synonym_terms.h"
#include "text/synonyms.h"

namespace berita {

struct AnalyzerConfig {
  // Snowball stemmer name; "none" disables stemming.
  std::string stem_language = "english";
  // Title words count this many times a body word (wdf), so a headline match
  // outranks a passing mention.
  unsigned title_weight = 3;
  // Standfirst words count this many times a body word.
  unsigned standfirst_weight = 2;
  // Record each indexed word as written (index/word_keys.h), which "did you
  // mean" and word completion offer; the index itself holds stems. Costs a
  // little index time and space.
  bool collect_spelling = true;
  // Groups of equivalent expressions (text/synonyms.h). Indexing adds a
  // term for each occurrence of a multi-word expression, which the synonym
  // table points at (text/synonym_terms.h); changing the multi-word
  // expressions needs a re-index for articles already indexed.
  std::vector<SynonymGroup> synonyms;

  // Query side only (no re-indexing needed); the Searcher sets these from
  // its RankingConfig. Drop English stop words (is_english_stopword) from
  // free-text queries; QueryParser keeps them inside phrases and when a
  // query has nothing else.
  bool query_stopwords = false;
  // Operator between query words given without one.
  Xapian::Query::op query_default_op = Xapian::Query::OP_OR;
};

// True for the common English function words Berita drops from queries
// (lower-case, unstemmed: "the", "of", "what").
bool is_english_stopword(const std::string& word);

class Analyzer {
 public:
  explicit Analyzer(AnalyzerConfig config = {});

  const AnalyzerConfig& config() const { return config_; }
  const Xapian::Stem& stemmer() const { return stemmer_; }

  // Adds the article's free-text terms with positions to doc: stems only
  // (schema::prefix::kStemmed).
  void index_text(const Article& article, Xapian::Document& doc);

  // The words as written (lower-cased) that index_text met for the first
  // time since the last call, each once; empty unless config().collect_spelling.
  // The index holds only stems; these are what "did you mean" and completion
  // offer (index/word_keys.h).
  std::vector<std::string> take_new_words() { return indexing_stemmer_.take_new_words(); }

  // A QueryParser configured with the same stemmer, the schema's field
  // prefixes, and db for wildcard, spelling and synonym expansion.
  Xapian::QueryParser make_query_parser(const Xapian::Database& db) const;

  // What the database's synonym table must hold for config().synonyms: keys
  // and values for unprefixed text and for every free-text field.
  SynonymTable synonym_table() const;

 private:
  void index_phrases(const std::string& text, Xapian::termcount weight, const char* prefix,
                     Xapian::Document& doc);

  AnalyzerConfig config_;
  Xapian::Stem stemmer_;
  // The TermGenerator's own stemmer: the same stems, cached
  // (text/stem_cache.h), kept apart from stemmer_ so the cache is only
  // touched by the thread that indexes.
  CachingStemmer indexing_stemmer_;
  Xapian::TermGenerator generator_;
  SynonymTerms synonym_terms_;
  // Scratch space for index_phrases, kept to save allocations per field.
  std::vector<std::string> words_;
  SynonymTerms::Occurrences phrases_found_;
};

}  // namespace berita

#endif
