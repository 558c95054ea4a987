// The shape of real news archives as numbers: length distributions, Zipf
// exponent, vocabulary size, source/category/language shares, collocation
// and duplicate rates. fit_profile measures them in ../shared/corpora at run
// time, so the synthetic archive follows the real data without copying any
// of its text: only counts and shares leave this module, never words.
#ifndef BERITA_BENCH_SYNTH_CORPUS_PROFILE_H
#define BERITA_BENCH_SYNTH_CORPUS_PROFILE_H

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace berita::synth {

// Bad arguments, missing corpus files, unwritable outputs: the message names
// the argument or path and says what to do.
class SynthError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An empirical distribution kept as evenly spaced quantiles (minimum to the
// 99.5th percentile: a handful of freak records, such as a crawled page of
// 500 paragraphs, would otherwise inflate the mean) and sampled by
// interpolating between them.
struct Quantiles {
  std::vector<double> points;

  // u in [0, 1): the value at that probability.
  double at(double u) const;
  double mean() const;
};

// One real corpus' shape; a generated article follows one style.
struct StyleProfile {
  std::string name;            // the corpus folder, e.g. "reuters21578"
  double weight = 1;           // share of generated articles
  Quantiles title_words;
  Quantiles body_words;        // words (and numbers) per body
  Quantiles paragraph_words;   // a body is cut into paragraphs of these lengths
  Quantiles sentence_words;
  std::vector<double> source_shares;        // descending, sum 1
  std::vector<double> category_shares;      // descending, sum 1 (empty: none)
  std::vector<double> categories_per_doc;   // P(k categories), k = 0, 1, ...
  std::vector<std::pair<std::string, double>> lang_shares;  // code, share
  double duplicate_rate = 0;   // share of articles repeating an earlier headline
};

struct CorpusProfile {
  std::vector<StyleProfile> styles;
  double zipf_exponent = 1.0;      // word frequency ~ rank^-s
  std::size_t vocabulary_size = 0; // words the Zipf law ranges over
  Quantiles word_chars;            // letters per distinct word
  double number_rate = 0;          // share of tokens that are numbers
  double collocation_rate = 0;     // share of tokens inside frequent collocations
  std::size_t collocations = 0;    // distinct frequent collocations (two-word)
  std::size_t documents = 0;       // real articles measured
  std::size_t tokens = 0;          // real word tokens measured
};

// The corpora the generator is fitted to, as folders under <shared>/corpora.
const std::vector<std::string>& fitted_corpora();

// Reads <shared_dir>/corpora/<name>/docs.jsonl for every fitted corpus.
// max_docs_per_corpus > 0 reads only that many lines of each (for tests).
// Throws SynthError naming a missing or unreadable file.
CorpusProfile fit_profile(const std::string& shared_dir, std::size_t max_docs_per_corpus = 0);

// Mean tokens (title + body) of a generated article.
double mean_article_tokens(const CorpusProfile& profile);

// Human-readable summary of the fitted numbers, for docs and --verbose.
std::string describe(const CorpusProfile& profile);

}  // namespace berita::synth

#endif
