// The hot query path on Reuters-21578, each case next to its baseline in the
// same run:
//   xapian/<class>/offset:N          baseline (a), a plain Xapian loop
//   berita/<class>/offset:N          SearchRequest -> Searcher::search -> render_result_json
//   berita_snippets/<class>/offset:N the same with snippets for the 10 hits
//   lever/...                        pieces of the path, to show where time goes
//   news/<feature>/<class>           a news feature (facets, recency, ...) next to
//                                    news/plain/<class>, the same queries without it
// One iteration is one query; queries cycle through the class's list, so the
// p50/p99 counters are over the list. After the run a table gives each
// class's median throughput over the repetitions and its ratio to the
// baseline. Needs BERITA_BENCH_DB (a database built by berita-indexer from
// reuters21578/docs.jsonl; scripts/bench.sh makes it).
#include <benchmark/benchmark.h>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <map>

#include "index/article_codec.h"
#include "query/search_request.h"
#include "render/json_render.h"
#include "search/searcher.h"
#include "search/snippets.h"
#include "text/analyzer.h"
#include "ratio_reporter.h"
#include "workload/latency.h"
#include "workload/plain_engine.h"
#include "workload/query_set.h"

namespace berita::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Reuters runs from 1987-02-26 to 1987-10-20; this is about a third of it.
constexpr const char* kDateFrom = "1987-03-01";
constexpr const char* kDateTo = "1987-04-30";
constexpr const char* kSource = "Reuters";
constexpr unsigned kPages[] = {0, 1000};

struct Scenario {
  std::string name;
  std::string query_class;  // which query list it draws from
  bool source_filter = false;
  bool date_filter = false;
  bool date_sort = false;
};

const std::vector<Scenario>& scenarios() {
  static const std::vector<Scenario> list = {
      {"term", "term"},     {"and", "and"},       {"or", "or"},
      {"phrase", "phrase"}, {"prefix", "prefix"}, {"field", "field"},
      {"source_filter", "or", true, false, false},
      {"date_filter", "or", false, true, false},
      {"date_sort", "or", false, false, true},
  };
  return list;
}

struct World {
  std::string db_path;
  std::map<std::string, std::vector<BenchQuery>> queries;
  Searcher searcher;
  PlainSearcher plain;
  Analyzer analyzer;

  World(const std::string& path, const std::string& shared)
      : db_path(path), queries(by_class(load_aol_queries(shared), false)), searcher(path),
        plain(path) {}
};

SearchRequest berita_request(const Scenario& s, const BenchQuery& q, unsigned offset, bool snippets) {
  SearchRequest r;
  r.query = q.text;
  r.offset = offset;
  r.limit = 10;
  r.snippets = snippets;
  if (s.source_filter) r.sources = {kSource};
  if (s.date_filter) {
    r.from = kDateFrom;
    r.to = kDateTo;
  }
  if (s.date_sort) r.sort = SortOrder::kDate;
  return r;
}

PlainRequest plain_request(const Scenario& s, const BenchQuery& q, unsigned offset) {
  PlainRequest r;
  r.text = q.text;
  r.offset = offset;
  if (s.source_filter) r.filter_term = "XSRCreuters";
  if (s.date_filter) {
    r.date_low = "19870301";
    r.date_high = "19870430";
  }
  r.sort_by_date = s.date_sort;
  return r;
}

double thread_cpu_us() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}

// "term/offset:0", ...: the cases of the ratio table, in order.
std::vector<std::string> case_keys() {
  std::vector<std::string> keys;
  for (const auto& scenario : scenarios()) {
    for (unsigned offset : kPages) keys.push_back(scenario.name + "/offset:" + std::to_string(offset));
  }
  return keys;
}

// Times body(i) for query i, cycling, and reports latency percentiles: wall
// clock, and the thread's CPU time, which a busy shared machine inflates far
// less (being preempted costs wall time, not CPU time).
void timed_loop(benchmark::State& state, std::size_t n, const std::function<void(std::size_t)>& body) {
  std::vector<double> latencies, cpu;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_us();
    body(i++ % n);
    cpu.push_back(thread_cpu_us() - cpu_start);
    latencies.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  const LatencySummary s = summarize(std::move(latencies));
  const LatencySummary c = summarize(std::move(cpu));
  state.counters["mean_us"] = s.mean_us;
  state.counters["p50_us"] = s.p50_us;
  state.counters["p99_us"] = s.p99_us;
  state.counters["cpu_p50_us"] = c.p50_us;
  state.counters["cpu_p99_us"] = c.p99_us;
  state.counters["qps"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                             benchmark::Counter::kIsRate);
}

void register_query_path(World& world) {
  for (const auto& scenario : scenarios()) {
    const auto& queries = world.queries.at(scenario.query_class);
    for (unsigned offset : kPages) {
      const std::string suffix = "/" + scenario.name + "/offset:" + std::to_string(offset);
      std::vector<PlainRequest> plain;
      std::vector<SearchRequest> bare, snippets;
      for (const auto& q : queries) {
        plain.push_back(plain_request(scenario, q, offset));
        bare.push_back(berita_request(scenario, q, offset, false));
        snippets.push_back(berita_request(scenario, q, offset, true));
      }
      benchmark::RegisterBenchmark(("xapian" + suffix).c_str(), [&world, plain](benchmark::State& st) {
        timed_loop(st, plain.size(), [&](std::size_t i) {
          benchmark::DoNotOptimize(world.plain.search(plain[i]));
        });
      })->UseRealTime()->Unit(benchmark::kMicrosecond);
      for (const auto* requests : {&bare, &snippets}) {
        const std::string engine = requests == &bare ? "berita" : "berita_snippets";
        benchmark::RegisterBenchmark((engine + suffix).c_str(),
                                     [&world, list = *requests](benchmark::State& st) {
          timed_loop(st, list.size(), [&](std::size_t i) {
            benchmark::DoNotOptimize(render_result_json(world.searcher.search(list[i])));
          });
        })->UseRealTime()->Unit(benchmark::kMicrosecond);
      }
    }
  }
}

// Where the snippet time goes: the MSets of the OR queries (page 1) are made
// outside the timed loop; each iteration snippets or decodes one query's hits.
void register_levers(World& world) {
  struct Prepared {
    std::shared_ptr<Xapian::Enquire> enquire;
    Xapian::MSet mset;
    std::vector<Article> articles;
  };
  auto prepared = std::make_shared<std::vector<Prepared>>();
  Xapian::Database db(world.db_path);
  const ArticleCodec codec = ArticleCodec::for_database(db);
  Xapian::QueryParser parser = world.analyzer.make_query_parser(db);
  for (const auto& q : world.queries.at("or")) {
    Prepared p;
    p.enquire = std::make_shared<Xapian::Enquire>(db);
    p.enquire->set_query(parser.parse_query(q.text, Xapian::QueryParser::FLAG_DEFAULT));
    p.mset = p.enquire->get_mset(0, 10);
    for (auto it = p.mset.begin(); it != p.mset.end(); ++it) {
      p.articles.push_back(codec.decode(it.get_document()));
    }
    prepared->push_back(std::move(p));
  }
  const Xapian::Stem stemmer("english");
  const std::pair<const char*, unsigned> flag_sets[] = {
      {"background+exhaustive", Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE},
      {"background", Xapian::MSet::SNIPPET_BACKGROUND_MODEL},
      {"exhaustive", Xapian::MSet::SNIPPET_EXHAUSTIVE},
      {"none", 0u}};
  for (const auto& [label, flags] : flag_sets) {
    benchmark::RegisterBenchmark((std::string("lever/snippet_flags:") + label).c_str(),
                                 [prepared, stemmer, flags = flags](benchmark::State& st) {
      timed_loop(st, prepared->size(), [&](std::size_t i) {
        const Prepared& p = (*prepared)[i];
        for (const auto& article : p.articles) {
          std::string text = article.standfirst;
          for (const auto& para : article.paragraphs) text += ' ' + para;
          benchmark::DoNotOptimize(p.mset.snippet(text, kSnippetBytes, stemmer, flags,
                                                  kHighlightOpen, kHighlightClose, "..."));
        }
      });
    })->UseRealTime()->Unit(benchmark::kMicrosecond);
  }
  // The snippet's cost grows with the text it scans: the same flags over
  // only the first kSnippetScanBytes of the story.
  constexpr std::size_t kSnippetScanBytes = 600;
  benchmark::RegisterBenchmark("lever/snippet_first_600_bytes", [prepared, stemmer](benchmark::State& st) {
    timed_loop(st, prepared->size(), [&](std::size_t i) {
      const Prepared& p = (*prepared)[i];
      for (const auto& article : p.articles) {
        std::string text = article.standfirst;
        for (const auto& para : article.paragraphs) {
          if (text.size() >= kSnippetScanBytes) break;
          text += ' ' + para;
        }
        if (text.size() > kSnippetScanBytes) text.resize(text.rfind(' ', kSnippetScanBytes));
        benchmark::DoNotOptimize(p.mset.snippet(
            text, kSnippetBytes, stemmer,
            Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
            kHighlightOpen, kHighlightClose, "..."));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("lever/decode_summary_10", [prepared, codec](benchmark::State& st) {
    timed_loop(st, prepared->size(), [&](std::size_t i) {
      const Prepared& p = (*prepared)[i];
      for (auto it = p.mset.begin(); it != p.mset.end(); ++it) {
        benchmark::DoNotOptimize(codec.decode_summary(it.get_document()));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("lever/render_result_json_10", [prepared](benchmark::State& st) {
    std::vector<SearchResult> results;
    for (const auto& p : *prepared) {
      SearchResult r;
      for (const auto& article : p.articles) {
        Hit hit;
        hit.id = article.id;
        hit.title = article.title;
        hit.date = article.date;
        hit.source = article.source;
        hit.url = article.url;
        r.hits.push_back(std::move(hit));
      }
      results.push_back(std::move(r));
    }
    timed_loop(st, results.size(), [&](std::size_t i) {
      benchmark::DoNotOptimize(render_result_json(results[i]));
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  // The same work as lever/make_snippet_current plus decoding, but with a
  // fresh Enquire and MSet per query, as Searcher::search has: the MSet's
  // statistics for the snippet's background model start cold.
  for (const auto& [label, flags] : flag_sets) {
    benchmark::RegisterBenchmark((std::string("lever/fresh_mset_snippets:") + label).c_str(),
                                 [&world, stemmer, codec, flags = flags](benchmark::State& st) {
      Xapian::Database own(world.db_path);
      Xapian::QueryParser qp = world.analyzer.make_query_parser(own);
      const auto& queries = world.queries.at("or");
      timed_loop(st, queries.size(), [&](std::size_t i) {
        Xapian::Enquire enquire(own);
        enquire.set_query(qp.parse_query(queries[i].text, Xapian::QueryParser::FLAG_DEFAULT));
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
          const Article article = codec.decode(it.get_document());
          std::string text = article.standfirst;
          for (const auto& para : article.paragraphs) text += ' ' + para;
          benchmark::DoNotOptimize(mset.snippet(text, kSnippetBytes, stemmer, flags,
                                                kHighlightOpen, kHighlightClose, "..."));
        }
      });
    })->UseRealTime()->Unit(benchmark::kMicrosecond);
  }
  // The same with Berita's snippet generator (what Searcher::search does).
  benchmark::RegisterBenchmark("lever/fresh_mset_snippets:berita", [&world, stemmer, codec](benchmark::State& st) {
    Xapian::Database own(world.db_path);
    Xapian::QueryParser qp = world.analyzer.make_query_parser(own);
    const auto& queries = world.queries.at("or");
    timed_loop(st, queries.size(), [&](std::size_t i) {
      Xapian::Enquire enquire(own);
      const Xapian::Query query = qp.parse_query(queries[i].text, Xapian::QueryParser::FLAG_DEFAULT);
      enquire.set_query(query);
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      const SnippetTerms terms(query, own, stemmer);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article article = codec.decode(it.get_document());
        benchmark::DoNotOptimize(make_snippet(terms, article));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("lever/fresh_mset_no_snippets", [&world, codec](benchmark::State& st) {
    Xapian::Database own(world.db_path);
    Xapian::QueryParser qp = world.analyzer.make_query_parser(own);
    const auto& queries = world.queries.at("or");
    timed_loop(st, queries.size(), [&](std::size_t i) {
      Xapian::Enquire enquire(own);
      enquire.set_query(qp.parse_query(queries[i].text, Xapian::QueryParser::FLAG_DEFAULT));
      const Xapian::MSet mset = enquire.get_mset(0, 10);
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        benchmark::DoNotOptimize(codec.decode(it.get_document()));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  // Berita's snippets for one page of decoded articles: the query's term
  // weights read once, then one snippet per hit.
  benchmark::RegisterBenchmark("lever/make_snippet_current", [prepared, stemmer, db](benchmark::State& st) {
    timed_loop(st, prepared->size(), [&](std::size_t i) {
      const Prepared& p = (*prepared)[i];
      const SnippetTerms terms(p.enquire->get_query(), db, stemmer);
      for (const auto& article : p.articles) {
        benchmark::DoNotOptimize(make_snippet(terms, article));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("lever/decode_article_10", [prepared, codec](benchmark::State& st) {
    timed_loop(st, prepared->size(), [&](std::size_t i) {
      const Prepared& p = (*prepared)[i];
      for (auto it = p.mset.begin(); it != p.mset.end(); ++it) {
        benchmark::DoNotOptimize(codec.decode(it.get_document()));
      }
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("lever/make_query_parser", [&world](benchmark::State& st) {
    Xapian::Database own(world.db_path);
    timed_loop(st, 1, [&](std::size_t) {
      benchmark::DoNotOptimize(world.analyzer.make_query_parser(own));
    });
  })->UseRealTime()->Unit(benchmark::kMicrosecond);
}

// News features (issue #4), each next to the same queries plain: Berita's
// in-process path, page 1, no snippets, on the OR and AND lists.
const std::vector<FeatureCase>& feature_cases() {
  static const std::vector<FeatureCase> list = [] {
    std::vector<FeatureCase> out;
    for (const char* query_class : {"or", "and"}) {
      out.push_back({"facets3", query_class, 2.0});
      out.push_back({"recency", query_class, 1.5});
      out.push_back({"collapse", query_class, 1.5});
      out.push_back({"date_expression", query_class, 0});
      out.push_back({"explain", query_class, 0});
      out.push_back({"suggest_off", query_class, 0});
    }
    return out;
  }();
  return list;
}

void register_news_features(World& world) {
  const auto request_for = [](const std::string& feature, const BenchQuery& q) {
    SearchRequest r;
    r.query = q.text;
    r.limit = 10;
    r.snippets = false;
    if (feature == "facets3") r.facets = {"source", "category", "year"};
    if (feature == "recency") r.sort = SortOrder::kRecency;
    if (feature == "collapse") r.collapse = true;
    // Reuters' busiest stretch: a month of its eight.
    if (feature == "date_expression") r.query += " date:1987-03";
    if (feature == "explain") r.explain = true;
    if (feature == "suggest_off") r.suggest = false;
    return r;
  };
  for (const char* query_class : {"or", "and"}) {
    std::vector<std::string> features = {"plain"};
    for (const auto& c : feature_cases()) {
      if (c.query_class == query_class) features.push_back(c.feature);
    }
    for (const auto& feature : features) {
      std::vector<SearchRequest> list;
      for (const auto& q : world.queries.at(query_class)) list.push_back(request_for(feature, q));
      benchmark::RegisterBenchmark(("news/" + feature + "/" + query_class).c_str(),
                                   [&world, list](benchmark::State& st) {
        timed_loop(st, list.size(), [&](std::size_t i) {
          benchmark::DoNotOptimize(render_result_json(world.searcher.search(list[i])));
        });
      })->UseRealTime()->Unit(benchmark::kMicrosecond);
    }
  }
}

}  // namespace
}  // namespace berita::bench

int main(int argc, char* argv[]) {
  benchmark::Initialize(&argc, argv);
  const char* db = std::getenv("BERITA_BENCH_DB");
  if (db == nullptr || *db == '\0') {
    std::cerr << "berita-query-bench: set BERITA_BENCH_DB to a Berita database of "
                 "reuters21578/docs.jsonl (scripts/bench.sh builds one)\n";
    return 2;
  }
  const char* shared = std::getenv("BERITA_SHARED_DIR");
  try {
    berita::bench::World world(db, shared && *shared ? shared : BERITA_SHARED_DIR);
    berita::bench::register_query_path(world);
    berita::bench::register_levers(world);
    berita::bench::register_news_features(world);
    berita::bench::RatioReporter reporter(berita::bench::case_keys(),
                                          berita::bench::feature_cases());
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
  } catch (const std::exception& e) {
    std::cerr << "berita-query-bench: " << e.what() << "\n";
    return 2;
  } catch (const Xapian::Error& e) {
    std::cerr << "berita-query-bench: " << e.get_description() << "\n";
    return 2;
  }
  return 0;
}
