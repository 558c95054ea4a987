// The synthetic news archive: N articles in the corpus JSON Lines format
// (id, title, body, date, source, category, url, lang), deterministic from a
// seed, generated one at a time so a million articles stream through a
// constant amount of memory.
//
// Each article follows one fitted style (wire, broadcaster, local press):
// title and paragraph lengths, sources, categories and languages are drawn
// from that style's measured distributions; words from the shared Zipfian
// vocabulary with its collocations; dates uniformly over options.years
// years; a measured share of articles are near-duplicates of a recent one
// (a re-sent story with a changed word or a dropped paragraph).
#ifndef BERITA_BENCH_SYNTH_ARCHIVE_GENERATOR_H
#define BERITA_BENCH_SYNTH_ARCHIVE_GENERATOR_H

#include <cstdint>
#include <deque>
#include <ostream>
#include <string>
#include <vector>

#include "synth/corpus_profile.h"
#include "synth/random.h"
#include "synth/vocabulary.h"

namespace berita::synth {

struct ArchiveOptions {
  std::uint64_t count = 0;  // articles to write; must be at least 1
  std::uint64_t seed = 1;   // same seed and profile, same archive, byte for byte
  int first_year = 2006;    // dates fall in [first_year, first_year + years)
  int years = 20;
};

// Throws SynthError naming the bad option.
void validate(const ArchiveOptions& options);

struct SynthArticle {
  std::string id;
  std::string title;
  std::string body;      // paragraphs separated by a blank line
  std::string date;      // YYYY-MM-DD
  std::string source;
  std::string category;  // ';'-separated, may be empty
  std::string url;
  std::string lang;
};

class ArchiveGenerator {
 public:
  // Throws SynthError for invalid options.
  ArchiveGenerator(const CorpusProfile& profile, const ArchiveOptions& options);

  const Vocabulary& vocabulary() const { return vocabulary_; }
  // The next article; ids run synth-1, synth-2, ...
  void next(SynthArticle& article);

 private:
  struct Style {
    StyleProfile profile;  // a copy: the generator may outlive the caller's profile
    std::vector<std::string> sources;
    AliasSampler source_sampler;
    std::vector<std::string> categories;
    AliasSampler category_sampler;
    AliasSampler categories_per_doc;
    AliasSampler lang_sampler;
  };
  struct Remembered {
    std::size_t style;
    std::string title;
    std::vector<std::string> paragraphs;
  };

  void fresh_story(const Style& style, Remembered& story);
  void near_duplicate(Remembered& story);
  void append_sentence(std::size_t words, std::string& out);
  void append_word(std::size_t rank, bool capital, std::string& out) const;

  ArchiveOptions options_;
  Random random_;
  Vocabulary vocabulary_;
  double number_rate_;
  std::vector<Style> styles_;
  AliasSampler style_sampler_;
  std::deque<Remembered> recent_;  // candidates for near-duplicates
  std::uint64_t produced_ = 0;
};

// One JSON Lines record, newline included, appended to out.
void append_json_line(const SynthArticle& article, std::string& out);

// Streams options.count articles to out; returns how many were written.
std::uint64_t write_archive(const CorpusProfile& profile, const ArchiveOptions& options,
                            std::ostream& out);
// Same, into a new file at path ("-" is standard output). Throws SynthError
// when the file cannot be created or written.
std::uint64_t write_archive_file(const CorpusProfile& profile, const ArchiveOptions& options,
                                 const std::string& path);

}  // namespace berita::synth

#endif
