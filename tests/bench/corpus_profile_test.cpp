#include "synth/corpus_profile.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <numeric>
#include <sstream>

#include "synth/archive_generator.h"

namespace berita::synth {
namespace {

// Few enough lines that the test stays fast under the sanitizers.
constexpr std::size_t kLinesPerCorpus = 300;

void require_corpora() {
  for (const auto& name : fitted_corpora()) {
    const std::string path = std::string(BERITA_SHARED_DIR) + "/corpora/" + name + "/docs.jsonl";
    INFO("missing test data file " << path << " (BERITA_SHARED_DIR must hold corpora/)");
    REQUIRE(std::filesystem::exists(path));
  }
}

TEST_CASE("Quantiles interpolate between the measured points", "[bench][synth]") {
  Quantiles q;
  q.points = {0, 10, 30};
  CHECK(q.at(0.0) == Approx(0));
  CHECK(q.at(0.25) == Approx(5));
  CHECK(q.at(0.75) == Approx(20));
  CHECK(q.at(1.0) == Approx(30));
  CHECK(q.mean() == Approx(12.5));
}

TEST_CASE("fit_profile measures the real news corpora", "[bench][synth]") {
  require_corpora();
  const CorpusProfile profile = fit_profile(BERITA_SHARED_DIR, kLinesPerCorpus);
  REQUIRE(profile.styles.size() == 3);
  CHECK(profile.documents == 3 * kLinesPerCorpus);
  CHECK(profile.zipf_exponent > 0.6);
  CHECK(profile.zipf_exponent < 2.0);
  CHECK(profile.vocabulary_size > 1000);
  CHECK(profile.number_rate > 0.0);
  CHECK(profile.number_rate < 0.3);
  for (const auto& style : profile.styles) {
    INFO(style.name);
    CHECK(std::is_sorted(style.paragraph_words.points.begin(), style.paragraph_words.points.end()));
    CHECK(style.title_words.mean() > 1);
    CHECK(std::accumulate(style.source_shares.begin(), style.source_shares.end(), 0.0) ==
          Approx(1.0));
    CHECK(std::is_sorted(style.source_shares.rbegin(), style.source_shares.rend()));
  }
  // Reuters is one outlet; the Malaysian crawl has many, mostly not English.
  CHECK(profile.styles[0].source_shares.size() == 1);
  CHECK(profile.styles[2].source_shares.size() > 10);
  CHECK(describe(profile).find("zipf exponent") != std::string::npos);

  // The fitted profile drives the generator end to end.
  ArchiveOptions options;
  options.count = 50;
  std::ostringstream out;
  CHECK(write_archive(profile, options, out) == 50);
}

TEST_CASE("fit_profile names the corpus file it cannot find", "[bench][synth]") {
  const auto dir = std::filesystem::temp_directory_path() / "berita-synth-empty-shared";
  std::filesystem::create_directories(dir / "corpora");
  CHECK_THROWS_WITH(fit_profile(dir.string()),
                    Catch::Contains("missing corpus file") &&
                        Catch::Contains("corpora/reuters21578/docs.jsonl"));
  std::filesystem::remove_all(dir);
  CHECK_THROWS_WITH(fit_profile(dir.string()), Catch::Contains("missing folder"));
}

}  // namespace
}  // namespace berita::synth
