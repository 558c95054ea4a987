// berita-query-run: per-class query latency of Berita against baseline (b)
// on two databases of the same archive, for the scaling run.
//   berita-query-run --berita-db DIR --plain-db DIR --queries FILE [--rounds N] [--snippets]
// Queries come from `berita-synth queries`. Each query runs on every engine
// back to back (rotating which goes first), so all see the same machine
// load; after one warm-up pass, --rounds passes are measured. Engines:
// plain (baseline b), berita (Searcher with its default ranking) and
// berita_nofb (the same with pseudo-relevance feedback off, to show its
// cost). Prints one tab-separated line per class/band and engine:
//   group engine queries mean_us p50_us p95_us p99_us qps cpu_p50_us cpu_qps cpu_ratio
// Wall-clock columns suffer from preemption on a busy machine; the cpu_
// columns (the thread's CPU time per query) much less, so cpu_ratio (CPU
// throughput relative to plain) is the comparison to read.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include "render/json_render.h"
#include "search/ranking.h"
#include "search/searcher.h"
#include "workload/latency.h"
#include "workload/plain_engine.h"
#include "workload/query_set.h"

namespace {

using Clock = std::chrono::steady_clock;

double micros_since(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

int run(int argc, char* argv[]) {
  std::map<std::string, std::string> args;
  bool snippets = false;
  for (int i = 1; i < argc; ++i) {
    const std::string key = argv[i];
    if (key == "--snippets") {
      snippets = true;
    } else if (i + 1 < argc) {
      args[key] = argv[++i];
    } else {
      throw std::runtime_error("option " + key + " needs a value");
    }
  }
  for (const char* required : {"--berita-db", "--plain-db", "--queries"}) {
    if (!args.count(required)) throw std::runtime_error(std::string(required) + " is required");
  }
  const int rounds = args.count("--rounds") ? std::atoi(args["--rounds"].c_str()) : 3;
  if (rounds < 1) throw std::runtime_error("--rounds must be at least 1");

  const auto groups = berita::bench::by_class(
      berita::bench::load_synth_queries(args["--queries"]), true);
  berita::Searcher searcher(args["--berita-db"]);
  berita::RankingConfig no_feedback;
  no_feedback.feedback_docs = 0;
  berita::Searcher searcher_nofb(args["--berita-db"], no_feedback);
  berita::bench::PlainSearcher plain(args["--plain-db"]);

  std::printf(
      "group\tengine\tqueries\tmean_us\tp50_us\tp95_us\tp99_us\tqps\tcpu_p50_us\tcpu_qps\tcpu_ratio\n");
  for (const auto& [group, queries] : groups) {
    std::vector<double> wall[3], cpu[3];
    for (int round = 0; round <= rounds; ++round) {
      for (std::size_t i = 0; i < queries.size(); ++i) {
        berita::bench::PlainRequest p;
        p.text = queries[i].text;
        berita::SearchRequest b;
        b.query = queries[i].text;
        b.snippets = snippets;
        const std::size_t first = (i + static_cast<std::size_t>(round)) % 3;
        for (std::size_t turn = 0; turn < 3; ++turn) {
          const std::size_t engine = (first + turn) % 3;
          const auto start = Clock::now();
          const double cpu_start = thread_cpu_us();
          if (engine == 0) {
            plain.search(p);
          } else {
            const std::string json = berita::render_result_json(
                (engine == 1 ? searcher : searcher_nofb).search(b));
          }
          if (round == 0) continue;
          cpu[engine].push_back(thread_cpu_us() - cpu_start);
          wall[engine].push_back(micros_since(start));
        }
      }
    }
    const auto plain_cpu = berita::bench::summarize(cpu[0]);
    const char* names[3] = {"plain", snippets ? "berita_snippets" : "berita",
                            snippets ? "berita_nofb_snippets" : "berita_nofb"};
    for (int e = 0; e < 3; ++e) {
      const auto w = berita::bench::summarize(wall[e]);
      const auto c = berita::bench::summarize(cpu[e]);
      std::printf("%s\t%s\t%zu\t%.1f\t%.1f\t%.1f\t%.1f\t%.0f\t%.1f\t%.0f\t%.2f\n", group.c_str(),
                  names[e], w.count, w.mean_us, w.p50_us, w.p95_us, w.p99_us, w.qps, c.p50_us, c.qps,
                  plain_cpu.qps > 0 ? c.qps / plain_cpu.qps : 0.0);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "berita-query-run: " << e.what() << "\n";
  } catch (const Xapian::Error& e) {
    std::cerr << "berita-query-run: " << e.get_description() << "\n";
  }
  return 2;
}
