// Indexing benchmark: Berita's rebuild against a plain single-threaded
// Xapian loop over the same JSON Lines corpus, in the same run, so results
// are ratios (the machine is shared and noisy).
//
// The baseline is what a first Xapian indexer looks like: TermGenerator with
// the English stemmer (STEM_SOME) and positions over title and body,
// set_data, replace_document by an id term, the default flush threshold, one
// database, no compaction. Each measurement runs in a fresh child process so
// its peak resident memory (getrusage of that child) is its own.
//
// On a large corpus the plain loop can be stopped after --plain-seconds; its
// rate is then taken over the articles it managed, an upper bound on its
// rate over the whole corpus, since its cost per article grows with the
// database (so the ratio printed understates Berita's advantage).
//
//   index_bench [--corpus FILE] [--repetitions N] [--limit N] [--threads LIST]
//               [--flush LIST] [--segments LIST] [--plain-seconds S]
//               [--no-spelling-variant] [--no-update-variant] [--plain-only]
//               [--stems-only-variant]
//
// --stems-only-variant adds the same loop indexing stems alone (STEM_ALL,
// stems with positions, no unstemmed terms): what Xapian's write path costs
// without the exact word forms that STEM_SOME keeps beside every stem. It is
// not a baseline; ratios stay against the STEM_SOME loop.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "index/progress.h"

namespace fs = std::filesystem;

namespace {

struct Variant {
  std::string name;
  std::string kind;  // "plain", "plain-stems-only", "rebuild", "update"
  unsigned threads = 1;
  bool spelling = true;
  std::size_t flush = 0;    // rebuild flush_articles; 0 = default
  std::size_t segment = 0;  // rebuild segment_articles; 0 = default
};

struct Sample {
  double wall = 0;
  double cpu = 0;
  double peak_mib = 0;
  double db_mib = 0;
  std::uint64_t articles = 0;
};

double now_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double dir_mib(const fs::path& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) bytes += e.file_size();
  }
  return bytes / 1048576.0;
}

std::uint64_t plain_loop(const std::string& corpus, const std::string& db_path, long limit,
                         double max_seconds, Xapian::TermGenerator::stem_strategy strategy) {
  const double start = now_seconds();
  Xapian::WritableDatabase db(db_path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_stemming_strategy(strategy);
  std::ifstream in(corpus);
  std::string line;
  std::uint64_t articles = 0;
  while (std::getline(in, line) && (limit < 0 || static_cast<long>(articles) < limit)) {
    const auto record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object()) continue;
    const auto text = [&record](const char* key) {
      const auto it = record.find(key);
      return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    const std::string id = text("id");
    const std::string title = text("title");
    const std::string body = text("body");
    if (id.empty()) continue;
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(title, 1, "S");
    generator.index_text(title);
    generator.increase_termpos();
    generator.index_text(body);
    doc.set_data(title + "\n" + body);
    const std::string id_term = "Q" + id;
    doc.add_boolean_term(id_term);
    db.replace_document(id_term, doc);
    if (++articles % 100 == 0) {
      const double elapsed = now_seconds() - start;
      // How the loop's rate falls as its database grows.
      if (articles % 25000 == 0) {
        std::fprintf(stderr, "plain loop: %llu articles in %.1f s\n",
                     static_cast<unsigned long long>(articles), elapsed);
      }
      if (max_seconds > 0 && elapsed > max_seconds) break;
    }
  }
  db.commit();
  return articles;
}

std::uint64_t berita_run(const Variant& v, const std::string& corpus, const std::string& db_path) {
  berita::IndexerConfig config;
  config.db_path = db_path;
  config.inputs = {corpus};
  config.furniture_file = std::string(BERITA_DEFAULT_DATA_DIR) + "/furniture.txt";
  config.analyzer.collect_spelling = v.spelling;
  config.rebuild = v.kind == "rebuild";
  config.parallel.threads = v.threads;
  if (v.flush > 0) config.parallel.flush_articles = v.flush;
  if (v.segment > 0) config.parallel.segment_articles = v.segment;
  berita::IndexObserver quiet;
  const berita::IndexReport report = berita::run_indexer(config, quiet);
  // Where a rebuild's time goes matters as much as its total: the merge and
  // the check run on one core after the parallel index phase.
  if (config.rebuild) {
    std::fprintf(stderr, "%s phases: %s, link %.2f s\n", v.name.c_str(),
                 berita::describe_rebuild_phases(report.phases).c_str(), report.phases.link);
  }
  return report.added + report.replaced;
}

// Runs one measurement in a child process; the child reports its article
// count through a pipe, the parent times it and reads its rusage.
Sample measure(const Variant& v, const std::string& corpus, const fs::path& work, long limit,
               double plain_seconds) {
  const fs::path db = work / ("db-" + v.name);
  fs::remove_all(db);
  for (const auto& e : fs::directory_iterator(work)) {
    if (e.path().filename().string().rfind("db-" + v.name + ".", 0) == 0) fs::remove_all(e.path());
  }
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error("pipe failed");
  const double start = now_seconds();
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    std::uint64_t n = 0;
    try {
      if (v.kind == "plain") {
        n = plain_loop(corpus, db.string(), limit, plain_seconds,
                       Xapian::TermGenerator::STEM_SOME);
      } else if (v.kind == "plain-stems-only") {
        n = plain_loop(corpus, db.string(), limit, plain_seconds, Xapian::TermGenerator::STEM_ALL);
      } else {
        n = berita_run(v, corpus, db.string());
      }
    } catch (const std::exception& e) {
      std::cerr << v.name << ": " << e.what() << "\n";
      _exit(3);
    } catch (const Xapian::Error& e) {
      std::cerr << v.name << ": " << e.get_description() << "\n";
      _exit(3);
    }
    if (write(fds[1], &n, sizeof n) != sizeof n) _exit(4);
    _exit(0);
  }
  close(fds[1]);
  Sample s;
  if (read(fds[0], &s.articles, sizeof s.articles) != sizeof s.articles) s.articles = 0;
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  s.wall = now_seconds() - start;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(v.name + " failed");
  s.cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 + usage.ru_stime.tv_sec +
          usage.ru_stime.tv_usec / 1e6;
  s.peak_mib = usage.ru_maxrss / 1024.0;
  s.db_mib = dir_mib(fs::exists(db) ? fs::canonical(db) : db);
  return s;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

std::vector<unsigned> parse_list(const std::string& s) {
  std::vector<unsigned> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) out.push_back(static_cast<unsigned>(std::stoul(item)));
  return out;
}

}  // namespace

int main(int argc, char* argv[]) {
  std::string corpus = std::string(BERITA_SHARED_DIR) + "/corpora/reuters21578/docs.jsonl";
  int repetitions = 3;
  long limit = -1;
  std::vector<unsigned> threads = {1, 2};
  std::vector<std::size_t> flushes;
  std::vector<std::size_t> segments;
  double plain_seconds = 0;
  bool spelling_off = true;
  bool update_variant = true;
  bool plain_only = false;
  bool stems_only_variant = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--corpus")
      corpus = next();
    else if (arg == "--repetitions")
      repetitions = std::stoi(next());
    else if (arg == "--limit")
      limit = std::stol(next());
    else if (arg == "--threads")
      threads = parse_list(next());
    else if (arg == "--flush")
      for (auto f : parse_list(next())) flushes.push_back(f);
    else if (arg == "--segments")
      for (auto n : parse_list(next())) segments.push_back(n);
    else if (arg == "--plain-seconds")
      plain_seconds = std::stod(next());
    else if (arg == "--no-spelling-variant")
      spelling_off = false;
    else if (arg == "--no-update-variant")
      update_variant = false;
    else if (arg == "--plain-only")
      plain_only = true;
    else if (arg == "--stems-only-variant")
      stems_only_variant = true;
    else {
      std::cerr
          << "usage: index_bench [--corpus FILE] [--repetitions N] [--limit N]\n"
             "                   [--threads 1,2] [--flush 5000,20000] [--segments 10000,50000]\n"
             "                   [--plain-seconds S] [--no-spelling-variant] [--no-update-variant]\n"
             "                   [--plain-only] [--stems-only-variant]\n";
      return 2;
    }
  }
  if (!fs::exists(corpus)) {
    std::cerr << "index_bench: corpus " << corpus << " is missing\n";
    return 2;
  }
  std::string input = corpus;
  const fs::path work =
      fs::temp_directory_path() / ("berita-index-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  if (limit > 0) {
    // Both sides index the same first `limit` records.
    input = (work / "input.jsonl").string();
    std::ifstream in(corpus);
    std::ofstream out(input);
    std::string line;
    for (long n = 0; n < limit && std::getline(in, line); ++n) out << line << "\n";
  }
  const double input_mb = fs::file_size(input) / 1e6;
  // A plain loop stopped by --plain-seconds reads only part of the input, so
  // MB/s comes from the input's size per record.
  std::uint64_t corpus_articles = 0;
  {
    std::ifstream in(input);
    std::string line;
    while (std::getline(in, line)) corpus_articles += line.empty() ? 0 : 1;
  }

  std::vector<Variant> variants = {{"plain-loop", "plain", 1, false, 0}};
  if (stems_only_variant) variants.push_back({"plain-loop-stems-only", "plain-stems-only", 1, false, 0});
  for (unsigned t : plain_only ? std::vector<unsigned>{} : threads) {
    variants.push_back({"rebuild-t" + std::to_string(t), "rebuild", t, true, 0});
  }
  if (plain_only) {
    spelling_off = false;
    flushes.clear();
    segments.clear();
    update_variant = false;
  }
  if (spelling_off) {
    variants.push_back({"rebuild-t" + std::to_string(threads.back()) + "-nospell", "rebuild",
                        threads.back(), false, 0});
  }
  for (auto f : flushes) {
    variants.push_back({"rebuild-t" + std::to_string(threads.back()) + "-flush" + std::to_string(f),
                        "rebuild", threads.back(), true, f});
  }
  for (auto n : segments) {
    variants.push_back({"rebuild-t" + std::to_string(threads.back()) + "-segment" +
                            std::to_string(n),
                        "rebuild", threads.back(), true, 0, n});
  }
  if (update_variant) variants.push_back({"update-t1", "update", 1, true, 0});

  std::map<std::string, std::vector<Sample>> samples;
  for (int r = 0; r < repetitions; ++r) {
    // Interleaved, so load changes on the machine hit every variant alike.
    for (const auto& v : variants) {
      const Sample sample = measure(v, input, work, -1, plain_seconds);
      // Each run as it ends, so a noisy repetition can be seen, not just medians.
      std::fprintf(stderr, "rep %d %s: %.2f s wall, %.2f s CPU\n", r + 1, v.name.c_str(),
                   sample.wall, sample.cpu);
      samples[v.name].push_back(sample);
    }
  }
  // The size target compares with the plain loop's database after
  // compaction; the loop itself leaves it uncompacted (as timed).
  const fs::path plain_compacted = work / "plain-compacted";
  Xapian::Database((work / "db-plain-loop").string()).compact(plain_compacted.string());
  const double plain_compacted_mib = dir_mib(plain_compacted);
  double stems_only_compacted_mib = 0;
  if (stems_only_variant) {
    const fs::path compacted = work / "plain-stems-only-compacted";
    Xapian::Database((work / "db-plain-loop-stems-only").string()).compact(compacted.string());
    stems_only_compacted_mib = dir_mib(compacted);
  }
  fs::remove_all(work);

  const auto& base = samples["plain-loop"];
  std::vector<double> base_rate;
  std::vector<double> base_cpu;
  for (const auto& s : base) {
    base_rate.push_back(s.articles / s.wall);
    base_cpu.push_back(s.cpu);
  }
  const double base_median = median(base_rate);
#ifdef BERITA_WITH_JEMALLOC
  std::printf("allocator: jemalloc, for the plain loop and Berita alike\n");
#else
  std::printf("allocator: the C library's malloc\n");
#endif
  std::printf("corpus %s (%.1f MB), %d repetitions, medians; ratio = articles/s / plain loop's\n",
              input.c_str(), input_mb, repetitions);

  const double mb_per_article = corpus_articles > 0 ? input_mb / corpus_articles : 0;
  std::printf(
      "| variant | articles | articles/s | MB/s | ratio | CPU s | peak RSS MiB | DB MiB | DB bytes/article |\n"
      "|---|---|---|---|---|---|---|---|---|\n");
  for (const auto& v : variants) {
    std::vector<double> rate, mb, cpu, peak, size, per_article;
    for (const auto& s : samples[v.name]) {
      rate.push_back(s.articles / s.wall);
      mb.push_back(s.articles * mb_per_article / s.wall);
      cpu.push_back(s.cpu);
      peak.push_back(s.peak_mib);
      size.push_back(s.db_mib);
      per_article.push_back(s.articles > 0 ? s.db_mib * 1048576.0 / s.articles : 0);
    }
    std::printf("| %s | %llu | %.0f | %.2f | %.2f | %.1f | %.0f | %.1f | %.0f |\n", v.name.c_str(),
                static_cast<unsigned long long>(samples[v.name].front().articles), median(rate),
                median(mb), median(rate) / base_median, median(cpu), median(peak), median(size),
                median(per_article));
  }
  const std::uint64_t plain_articles = base.empty() ? 0 : base.back().articles;
  std::printf("\nplain loop's database after compaction: %.1f MiB (%.0f bytes/article)%s\n",
              plain_compacted_mib,
              plain_articles > 0 ? plain_compacted_mib * 1048576.0 / plain_articles : 0.0,
              plain_articles < corpus_articles ? "; the loop was stopped by --plain-seconds" : "");
  if (stems_only_variant) {
    std::printf("plain loop (stems only)'s database after compaction: %.1f MiB\n",
                stems_only_compacted_mib);
  }
  // Runs of one repetition are minutes apart at most, so their ratio is the
  // figure least moved by other load on a shared machine.
  std::printf("ratio per repetition (articles/s over that repetition's plain loop):\n");
  for (const auto& v : variants) {
    if (v.name == "plain-loop") continue;
    std::vector<double> ratios;
    std::printf("  %s:", v.name.c_str());
    for (std::size_t r = 0; r < samples[v.name].size(); ++r) {
      const Sample& run = samples[v.name][r];
      ratios.push_back((run.articles / run.wall) / (base[r].articles / base[r].wall));
      std::printf(" %.2f", ratios.back());
    }
    std::printf(" (median %.2f)\n", median(ratios));
  }
  return 0;
}
