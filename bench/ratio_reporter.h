// The query benchmark's reporter: Google Benchmark's console output as
// usual, then one table that puts each case ("term/offset:0") of the three
// engines side by side: baseline (a) "xapian/<case>", "berita/<case>" and
// "berita_snippets/<case>", as medians over the repetitions and as ratios to
// the baseline, flagged when below the targets (0.85 without snippets, 0.5
// with). Throughput comes from CPU time, which preemption on a shared
// machine inflates far less than wall-clock time.
#ifndef BERITA_BENCH_RATIO_REPORTER_H
#define BERITA_BENCH_RATIO_REPORTER_H

#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

namespace berita::bench {

// A news feature measured against Berita's own plain query of the same
// class: "news/<feature>/<class>" next to "news/plain/<class>". target is the
// largest cost ratio the issue allows (0 = none).
struct FeatureCase {
  std::string feature;
  std::string query_class;
  double target = 0;
};

class RatioReporter : public benchmark::ConsoleReporter {
 public:
  explicit RatioReporter(std::vector<std::string> case_keys,
                         std::vector<FeatureCase> feature_cases = {})
      : case_keys_(std::move(case_keys)), feature_cases_(std::move(feature_cases)) {}

  void ReportRuns(const std::vector<Run>& runs) override;
  void Finalize() override;

 private:
  struct Samples {
    std::vector<double> time_us, cpu_us, p50, p99, cpu_p50;
  };
  const Samples* find(const std::string& name) const;

  std::map<std::string, Samples> samples_;  // one entry per repetition
  std::map<std::string, Samples> medians_;  // the median aggregate, when reported
  std::vector<std::string> case_keys_;
  std::vector<FeatureCase> feature_cases_;
};

}  // namespace berita::bench

#endif
