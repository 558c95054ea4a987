// Queries for a synthetic archive: words and collocations of its vocabulary
// chosen by expected document frequency band (rare, medium, common), issued
// as single terms, AND of 2-3 terms, OR of 2-3 terms, and phrases. The
// expected frequencies come from the generator's own model, so the queries
// can be made before (and without) indexing the archive.
#ifndef BERITA_BENCH_SYNTH_QUERY_GENERATOR_H
#define BERITA_BENCH_SYNTH_QUERY_GENERATOR_H

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "synth/corpus_profile.h"
#include "synth/vocabulary.h"

namespace berita::synth {

struct QueryOptions {
  std::uint64_t archive_size = 0;  // articles in the archive; must be at least 1
  std::size_t per_class = 25;      // queries per class and band; at least 1
  std::uint64_t seed = 1;          // the archive's seed (it fixes the vocabulary)
};

// Throws SynthError naming the bad option.
void validate(const QueryOptions& options);

struct SynthQuery {
  std::string id;           // "s0001", ...
  std::string query_class;  // "term", "and", "or", "phrase"
  std::string band;         // "rare", "medium", "common"
  std::string text;         // QueryParser syntax
};

// Bands are fractions of the archive: common matches at least 2% of the
// articles, medium 0.05% (at least 10 articles) to 2%, rare fewer (but at
// least two articles).
// A band with no candidate word at this archive size yields no queries.
std::vector<SynthQuery> generate_queries(const CorpusProfile& profile,
                                         const Vocabulary& vocabulary,
                                         const QueryOptions& options);

// Tab-separated: id, class, band, text; one query a line.
void write_queries(const std::vector<SynthQuery>& queries, std::ostream& out);

}  // namespace berita::synth

#endif
