#include "ratio_reporter.h"

#include <cstdio>

#include "workload/latency.h"

namespace berita::bench {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const auto& run : runs) {
    if (run.error_occurred) continue;
    // With --benchmark_display_aggregates_only only the aggregates arrive
    // here; the median aggregate then stands for the repetitions.
    const bool median_aggregate = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
    if (run.run_type != Run::RT_Iteration && !median_aggregate) continue;
    const std::string& name = run.run_name.function_name;  // as registered
    auto& samples = median_aggregate ? medians_[name] : samples_[name];
    samples.time_us.push_back(run.GetAdjustedRealTime());
    samples.cpu_us.push_back(run.GetAdjustedCPUTime());
    const auto counter = [&](const char* key) {
      const auto it = run.counters.find(key);
      return it == run.counters.end() ? 0.0 : static_cast<double>(it->second);
    };
    samples.p50.push_back(counter("p50_us"));
    samples.p99.push_back(counter("p99_us"));
    samples.cpu_p50.push_back(counter("cpu_p50_us"));
  }
}

void RatioReporter::Finalize() {
  ConsoleReporter::Finalize();
  std::printf(
      "\nMedians over repetitions. Throughput from CPU time per query (robust to the\n"
      "preemption of a shared machine); ratio = Berita / baseline (a). p50 columns: CPU\n"
      "median per query, then wall-clock p50|p99, in microseconds.\n");
  std::printf("%-26s %8s %8s %6s %8s %6s %8s %8s %8s  %s\n", "class/page", "xapian/s", "berita/s",
              "ratio", "snip/s", "ratio", "cpu p50", "cpu p50", "cpu p50",
              "wall p50|p99: xapian  berita  snippets");
  std::printf("%-26s %8s %8s %6s %8s %6s %8s %8s %8s\n", "", "", "", "", "", "", "xapian",
              "berita", "snip");
  for (const auto& case_key : case_keys_) {
    const std::string key = "/" + case_key;
    const auto base = find("xapian" + key), bare = find("berita" + key),
               snip = find("berita_snippets" + key);
    if (!base || !bare || !snip) continue;
    const double q0 = 1e6 / median(base->cpu_us), q1 = 1e6 / median(bare->cpu_us),
                 q2 = 1e6 / median(snip->cpu_us);
    std::printf("%-26s %8.0f %8.0f %5.2f%s %8.0f %5.2f%s %8.0f %8.0f %8.0f  %.0f|%.0f  %.0f|%.0f  %.0f|%.0f\n",
                key.c_str() + 1, q0, q1, q1 / q0, q1 / q0 >= 0.85 ? " " : "!", q2, q2 / q0,
                q2 / q0 >= 0.5 ? " " : "!", median(base->cpu_p50), median(bare->cpu_p50),
                median(snip->cpu_p50), median(base->p50), median(base->p99),
                median(bare->p50), median(bare->p99), median(snip->p50), median(snip->p99));
  }
  std::printf("('!' marks a ratio below its target: 0.85 without snippets, 0.5 with)\n");
  if (feature_cases_.empty()) return;
  std::printf(
      "\nNews features: cost = CPU per query with the feature / CPU per query of the same\n"
      "queries plain (Berita, page 1, no snippets), medians over repetitions.\n");
  std::printf("%-22s %-8s %10s %10s %6s %7s\n", "feature", "class", "plain us", "feature us",
              "cost", "target");
  for (const auto& c : feature_cases_) {
    const auto plain = find("news/plain/" + c.query_class);
    const auto with = find("news/" + c.feature + "/" + c.query_class);
    if (!plain || !with) continue;
    const double p = median(plain->cpu_us), w = median(with->cpu_us);
    const bool over = c.target > 0 && w / p > c.target;
    std::printf("%-22s %-8s %10.1f %10.1f %5.2f%s %7s\n", c.feature.c_str(), c.query_class.c_str(),
                p, w, w / p, over ? "!" : " ",
                c.target > 0 ? ("<= " + std::to_string(c.target).substr(0, 3)).c_str() : "-");
  }
  std::printf("('!' marks a cost above its target)\n");
}

const RatioReporter::Samples* RatioReporter::find(const std::string& name) const {
  const auto median = medians_.find(name);
  if (median != medians_.end()) return &median->second;
  const auto it = samples_.find(name);
  return it == samples_.end() ? nullptr : &it->second;
}

}  // namespace berita::bench
