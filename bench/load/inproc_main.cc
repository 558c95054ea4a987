// berita-load-inproc: the in-process baseline of the HTTP load benchmark.
// Runs the same query list as bench/load/queries.lua through Searcher (with
// snippets) and the JSON renderer, one Searcher per thread, for a fixed time
// after one untimed warm-up pass over the list, and prints one line: threads, requests, errors,
// throughput, p50/p95/p99.
//
//   berita-load-inproc DB QUERIES.tsv THREADS SECONDS
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "query/invalid_request.h"
#include "render/json_render.h"
#include "search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> load_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::vector<std::string> queries;
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    if (tab != std::string::npos) queries.push_back(line.substr(tab + 1));
  }
  if (queries.empty()) throw std::runtime_error("no queries in " + path);
  return queries;
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size()));
  return sorted[std::min(rank, sorted.size() - 1)];
}

struct WorkerResult {
  std::vector<double> latencies_ms;
  std::size_t errors = 0;
  std::size_t bytes = 0;
  double timed_seconds = 0;
};

// Each thread starts at a different place in the list, as wrk's connections do.
void worker(const std::string& db, const std::vector<std::string>& queries, std::size_t start,
            Clock::duration run_time, WorkerResult& out) {
  berita::Searcher searcher(db);
  // One untimed pass first: the daemon being compared has warm searchers.
  for (const auto& query : queries) {
    berita::SearchRequest request;
    request.query = query;
    try {
      berita::render_result_json(searcher.search(request));
    } catch (const berita::InvalidRequest&) {
    }
  }
  const auto timed_start = Clock::now();
  const auto until = timed_start + run_time;
  for (std::size_t i = start; Clock::now() < until; ++i) {
    berita::SearchRequest request;
    request.query = queries[i % queries.size()];
    const auto begin = Clock::now();
    try {
      out.bytes += berita::render_result_json(searcher.search(request)).size();
    } catch (const berita::InvalidRequest& e) {
      out.bytes += berita::render_error_json(e.code(), e.what(), e.parameter()).size();
      ++out.errors;
    }
    out.latencies_ms.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
  }
  out.timed_seconds = std::chrono::duration<double>(Clock::now() - timed_start).count();
}

}  // namespace

int main(int argc, char* argv[]) {
  if (argc != 5) {
    std::cerr << "usage: berita-load-inproc DB QUERIES.tsv THREADS SECONDS\n";
    return 2;
  }
  try {
    const std::string db = argv[1];
    const auto queries = load_queries(argv[2]);
    const unsigned threads = static_cast<unsigned>(std::stoul(argv[3]));
    const double seconds = std::stod(argv[4]);
    std::vector<WorkerResult> results(threads);
    std::vector<std::thread> pool;
    const auto run_time =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back(
          [&, t] { worker(db, queries, t * queries.size() / threads, run_time, results[t]); });
    }
    for (auto& thread : pool) thread.join();
    double elapsed = 0;
    for (const auto& r : results) elapsed = std::max(elapsed, r.timed_seconds);
    std::vector<double> all;
    std::size_t errors = 0;
    for (const auto& r : results) {
      all.insert(all.end(), r.latencies_ms.begin(), r.latencies_ms.end());
      errors += r.errors;
    }
    std::sort(all.begin(), all.end());
    std::printf(
        "inproc threads=%u requests=%zu errors=%zu qps=%.1f p50_ms=%.3f p95_ms=%.3f "
        "p99_ms=%.3f\n",
        threads, all.size(), errors, static_cast<double>(all.size()) / elapsed, percentile(all, 50),
        percentile(all, 95), percentile(all, 99));
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "berita-load-inproc: " << e.what() << "\n";
    return 2;
  }
}
