#include "eval/evaluator.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "query/search_request.h"

namespace berita::eval {
namespace {

// Searcher pages hold at most kMaxLimit hits, so deep rankings are read
// page by page through the same public path every client uses.
std::vector<RankedDoc> search_ranking(Searcher& searcher, const std::string& query,
                                      unsigned depth) {
  std::vector<RankedDoc> ranking;
  if (query.empty()) return ranking;
  SearchRequest request;
  request.query = query;
  request.snippets = false;
  while (ranking.size() < depth) {
    request.offset = static_cast<unsigned>(ranking.size());
    request.limit = std::min<unsigned>(kMaxLimit, depth - request.offset);
    const SearchResult page = searcher.search(request);
    for (const auto& hit : page.hits) ranking.push_back({hit.id, hit.score});
    if (page.hits.size() < request.limit) break;
  }
  return ranking;
}

// Cuts at the last space that fits, so no word is split.
std::string fit_query(const std::string& words) {
  if (words.size() <= kMaxQueryBytes) return words;
  const auto space = words.rfind(' ', kMaxQueryBytes);
  return words.substr(0, space == std::string::npos ? kMaxQueryBytes : space);
}

void warn_list(std::ostream& out, const std::string& what, const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  constexpr std::size_t kShown = 10;
  out << "warning: " << ids.size() << ' ' << what << ':';
  for (std::size_t i = 0; i < ids.size() && i < kShown; ++i) out << ' ' << ids[i];
  if (ids.size() > kShown) out << " ...";
  out << '\n';
}

std::string format_line(const std::string& label, const QueryMetrics& m) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%-8s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%u\t%u\n",
                label.c_str(), m.ndcg_at_10, m.average_precision, m.precision_at_10,
                m.recall_at_100, m.reciprocal_rank, m.relevant, m.relevant_retrieved);
  return buffer;
}

}  // namespace

std::string plain_words(const std::string& text) {
  const std::string lower = Xapian::Unicode::tolower(text);
  std::string out;
  bool gap = false;
  unsigned previous = 0;
  for (Xapian::Utf8Iterator it(lower); it != Xapian::Utf8Iterator(); ++it) {
    const unsigned ch = *it;
    Xapian::Utf8Iterator next = it;
    ++next;
    const bool inner_apostrophe =
        (ch == '\'' || ch == 0x2019) && previous != 0 && Xapian::Unicode::is_wordchar(previous) &&
        next != Xapian::Utf8Iterator() && Xapian::Unicode::is_wordchar(*next);
    if (Xapian::Unicode::is_wordchar(ch) || inner_apostrophe) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      Xapian::Unicode::append_utf8(out, inner_apostrophe ? '\'' : ch);
    } else {
      gap = true;
    }
    previous = ch;
  }
  return out;
}

EvalReport evaluate(Searcher& searcher, const std::vector<EvalQuery>& queries, const Qrels& qrels,
                    const EvalOptions& options, std::ostream& warnings) {
  EvalReport report;
  std::vector<QueryMetrics> measured;
  std::vector<std::string> unjudged;
  std::set<std::string> asked;
  for (const auto& query : queries) {
    asked.insert(query.qid);
    const std::string words = plain_words(query.text);
    const std::string fitted = fit_query(words);
    if (fitted.size() < words.size()) {
      warnings << "warning: query " << query.qid << " cut to " << kMaxQueryBytes << " bytes\n";
    }
    QueryOutcome outcome;
    outcome.qid = query.qid;
    outcome.ranking = search_ranking(searcher, fitted, options.depth);
    sort_like_trec_eval(outcome.ranking);
    const auto judged = qrels.find(query.qid);
    outcome.judged = judged != qrels.end();
    if (outcome.judged) {
      outcome.metrics = measure(outcome.ranking, judged->second);
      measured.push_back(outcome.metrics);
    } else {
      unjudged.push_back(query.qid);
    }
    report.queries.push_back(std::move(outcome));
  }
  report.mean = mean_of(measured);
  report.judged = static_cast<unsigned>(measured.size());
  report.unjudged = static_cast<unsigned>(unjudged.size());
  warn_list(warnings, "queries have no judgments and are not measured", unjudged);

  std::vector<std::string> orphans;
  std::set<std::string> judged_ids;
  for (const auto& [qid, judgments] : qrels) {
    if (!asked.count(qid)) orphans.push_back(qid);
    for (const auto& [id, level] : judgments) judged_ids.insert(id);
  }
  report.qrels_without_query = static_cast<unsigned>(orphans.size());
  warn_list(warnings, "judged query ids have no query", orphans);
  std::vector<std::string> missing;
  for (const auto& id : judged_ids) {
    if (!searcher.find_article(id)) missing.push_back(id);
  }
  report.judged_docs_missing = static_cast<unsigned>(missing.size());
  warn_list(warnings, "judged documents are not in the database", missing);
  return report;
}

void print_report(const EvalReport& report, bool per_query, std::ostream& out) {
  out << "qid     \tndcg@10\tmap\tp@10\tr@100\tmrr\trel\trel_ret\n";
  if (per_query) {
    for (const auto& q : report.queries) {
      if (q.judged) out << format_line(q.qid, q.metrics);
    }
  }
  out << format_line("all", report.mean);
  out << "# " << report.judged << " queries measured, " << report.unjudged
      << " without judgments skipped\n";
}

}  // namespace berita::eval
