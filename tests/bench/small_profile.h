// A hand-made corpus profile: small enough that generator tests run in
// milliseconds without reading the real corpora.
#ifndef BERITA_TESTS_BENCH_SMALL_PROFILE_H
#define BERITA_TESTS_BENCH_SMALL_PROFILE_H

#include "synth/corpus_profile.h"

namespace berita::synth {

inline CorpusProfile small_profile() {
  CorpusProfile profile;
  profile.zipf_exponent = 1.0;
  profile.vocabulary_size = 3000;
  profile.word_chars.points = {2, 4, 6, 8, 12};
  profile.number_rate = 0.05;
  profile.collocation_rate = 0.1;
  profile.collocations = 200;

  StyleProfile wire;
  wire.name = "wire";
  wire.weight = 0.5;
  wire.title_words.points = {3, 6, 9};
  wire.paragraph_words.points = {10, 25, 40};
  wire.body_words.points = {20, 100, 250};
  wire.sentence_words.points = {5, 15, 30};
  wire.source_shares = {1.0};
  wire.category_shares = {0.5, 0.3, 0.2};
  wire.categories_per_doc = {0.4, 0.5, 0.1};
  wire.lang_shares = {{"en", 1.0}};
  wire.duplicate_rate = 0.1;

  StyleProfile local = wire;
  local.name = "local";
  local.source_shares = {0.6, 0.3, 0.1};
  local.category_shares = {};
  local.categories_per_doc = {1.0};
  local.lang_shares = {{"ms", 0.8}, {"en", 0.2}};
  profile.styles = {wire, local};
  return profile;
}

}  // namespace berita::synth

#endif
