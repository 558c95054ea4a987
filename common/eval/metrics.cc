#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace berita::eval {
namespace {

constexpr std::size_t kNdcgCut = 10;
constexpr std::size_t kPrecisionCut = 10;
constexpr std::size_t kRecallCut = 100;

int level_of(const Judgments& judgments, const std::string& id) {
  const auto it = judgments.find(id);
  return it == judgments.end() ? 0 : it->second;
}

double discounted_gain(const std::vector<int>& levels) {
  double sum = 0;
  for (std::size_t i = 0; i < levels.size() && i < kNdcgCut; ++i) {
    if (levels[i] > 0) sum += levels[i] / std::log2(static_cast<double>(i) + 2.0);
  }
  return sum;
}

}  // namespace

void sort_like_trec_eval(std::vector<RankedDoc>& ranking) {
  std::stable_sort(ranking.begin(), ranking.end(), [](const RankedDoc& a, const RankedDoc& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id > b.id;
  });
}

QueryMetrics measure(const std::vector<RankedDoc>& ranking, const Judgments& judgments) {
  QueryMetrics m;
  std::vector<int> ideal;
  for (const auto& [id, level] : judgments) {
    if (level > 0) {
      ++m.relevant;
      ideal.push_back(level);
    }
  }
  std::sort(ideal.begin(), ideal.end(), std::greater<>());

  std::vector<int> levels;
  double precision_sum = 0;
  unsigned relevant_in_10 = 0;
  unsigned relevant_in_100 = 0;
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    const int level = level_of(judgments, ranking[i].id);
    levels.push_back(level);
    if (level <= 0) continue;
    ++m.relevant_retrieved;
    precision_sum += static_cast<double>(m.relevant_retrieved) / static_cast<double>(i + 1);
    if (i < kPrecisionCut) ++relevant_in_10;
    if (i < kRecallCut) ++relevant_in_100;
    if (m.reciprocal_rank == 0) m.reciprocal_rank = 1.0 / static_cast<double>(i + 1);
  }
  m.retrieved = static_cast<unsigned>(ranking.size());
  m.precision_at_10 = relevant_in_10 / static_cast<double>(kPrecisionCut);
  if (m.relevant > 0) {
    m.average_precision = precision_sum / m.relevant;
    m.recall_at_100 = static_cast<double>(relevant_in_100) / m.relevant;
    m.ndcg_at_10 = discounted_gain(levels) / discounted_gain(ideal);
  }
  return m;
}

QueryMetrics mean_of(const std::vector<QueryMetrics>& per_query) {
  QueryMetrics mean;
  if (per_query.empty()) return mean;
  for (const auto& m : per_query) {
    mean.ndcg_at_10 += m.ndcg_at_10;
    mean.average_precision += m.average_precision;
    mean.precision_at_10 += m.precision_at_10;
    mean.recall_at_100 += m.recall_at_100;
    mean.reciprocal_rank += m.reciprocal_rank;
    mean.relevant += m.relevant;
    mean.relevant_retrieved += m.relevant_retrieved;
    mean.retrieved += m.retrieved;
  }
  const double n = static_cast<double>(per_query.size());
  mean.ndcg_at_10 /= n;
  mean.average_precision /= n;
  mean.precision_at_10 /= n;
  mean.recall_at_100 /= n;
  mean.reciprocal_rank /= n;
  return mean;
}

}  // namespace berita::eval
