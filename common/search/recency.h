// Freshness-aware ranking (sort=recency): relevance plus a bonus that halves
// every half_life_days of article age,
//
//   score = relevance + B * 2^(-age / half_life)
//
// computed inside Xapian's matcher: the bonus is a PostingSource over
// schema::slot::kDayNumber joined to the relevance query with OP_AND_MAYBE,
// so it reorders what the query matches without adding matches, and the
// matcher's top-k is the true top-k of the blended score.
//
// Age is counted from the newest article in the database, not from today: a
// frozen archive (Reuters 1987, last year's election coverage) then ranks as
// it did on its last day instead of every article's bonus decaying to
// nothing, and a database that stops receiving articles keeps its ranking.
//
// B scales with the query: kFreshnessShare of the highest weight the
// relevance query can reach (Xapian's bound for the query). A fixed B would
// swamp a one-word query and vanish next to a ten-word one.
//
// Articles without a date get no bonus.
#ifndef BERITA_SEARCH_RECENCY_H
#define BERITA_SEARCH_RECENCY_H

#include <xapian.h>

#include <memory>
#include <string>

#include "search/value_columns.h"

namespace berita {

// B as a share of the query's maximum attainable weight. Measured on
// Reuters over the 325 AOL benchmark queries with at least 20 matches
// (tests/search/facets_recency_measure_test.cpp): a query's best match
// reaches a median 0.53 of the bound, a barely matching article (the 10th
// percentile of the match set) 0.10, and the gap between the two is a
// median 0.43 of the bound and above 0.28 for 90% of the queries. With 0.25
// a full bonus stays below that gap for 9 queries in 10, so a strong old
// match keeps its lead over a barely matching article published today;
// meanwhile a fresh article beats an equally relevant older one always, and
// a more relevant one when the difference is under
// 0.25 * bound * (1 - 2^(-age difference / half-life)).
inline constexpr double kFreshnessShare = 0.25;

// The bonus when the relevance query gives every match the same weight
// (empty query text, filters only): any positive value ranks pure newest
// first, with the undated last.
inline constexpr double kBooleanFreshnessBonus = 1.0;

struct FreshnessModel {
  double anchor_day = 0;      // day number (days since 1970-01-01) of age 0
  double half_life_days = 7;  // age at which the bonus halves
  double max_bonus = 0;       // B: the bonus of an article dated anchor_day
};

// The bonus of an article with this day number: the same number the matcher
// adds to its score. Articles dated after the anchor count as age 0.
double freshness_bonus(double day_number, const FreshnessModel& model);

// The model for a relevance query whose weights reach at most
// query_max_weight (MSet::get_max_possible of the query). The anchor is the
// upper bound of db's day-number slot; Xapian does not lower it when the
// newest article is deleted, which only scales every bonus by the same
// factor until the next rebuild. Throws std::invalid_argument for a
// half-life that is not a positive number.
FreshnessModel make_freshness_model(const Xapian::Database& db, double query_max_weight,
                                    double half_life_days);

// relevance AND_MAYBE the freshness bonus; relevance unchanged when the
// model gives no bonus (a database without dated articles). columns,
// when they describe the database searched, serve the day numbers from
// memory (search/value_columns.h); otherwise they come from the value slot.
Xapian::Query with_freshness(const Xapian::Query& relevance, const FreshnessModel& model,
                             std::shared_ptr<const ValueColumns> columns = nullptr);

// All of it for a Searcher: enquire must hold the relevance query and its
// weighting scheme (db is the database it searches). Replaces enquire's
// query with the blended one and returns the model, for explanations.
// Costs one extra bound computation (get_mset(0, 0): posting lists opened,
// no documents read; under 10 microseconds on Reuters).
FreshnessModel apply_freshness(Xapian::Enquire& enquire, const Xapian::Database& db,
                               double half_life_days,
                               std::shared_ptr<const ValueColumns> columns = nullptr);

// The PostingSource behind with_freshness: every dated article, weighted by
// its freshness bonus. Public so a remote server can register it
// (Xapian::Registry) and tests can check its bounds.
class FreshnessPostingSource : public Xapian::PostingSource {
 public:
  explicit FreshnessPostingSource(const FreshnessModel& model,
                                  std::shared_ptr<const ValueColumns> columns = nullptr);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return dated_; }
  Xapian::doccount get_termfreq_max() const override { return dated_; }

  double get_weight() const override;
  Xapian::docid get_docid() const override;
  bool at_end() const override { return started_ && at_end_; }
  // Each skips the articles whose bonus is below min_wt: once the matcher
  // knows a document needs more than that from the bonus, older articles
  // cannot reach the page.
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool check(Xapian::docid did, double min_wt) override;

  // Clones share the columns; serialising keeps only the model, so an
  // unserialised copy reads the value slot.
  FreshnessPostingSource* clone() const override;
  std::string name() const override;
  std::string serialise() const override;
  FreshnessPostingSource* unserialise(const std::string& serialised) const override;
  void init(const Xapian::Database& database) override;
  std::string get_description() const override;

  const FreshnessModel& model() const { return model_; }
  // Whether the last init() found columns describing its database.
  bool reads_columns() const { return active_columns_ != nullptr; }

 private:
  double current_day() const;
  // Moves to the first dated article at or after did.
  void move_to(Xapian::docid did);
  void skip_weaker_than(double min_wt);

  FreshnessModel model_;
  std::shared_ptr<const ValueColumns> columns_;

  // Iteration state, reset by init().
  Xapian::Database db_;
  const ValueColumns* active_columns_ = nullptr;
  Xapian::ValueIterator value_it_;
  Xapian::docid did_ = 0;  // current document when reading columns
  bool started_ = false;
  bool at_end_ = false;
  Xapian::doccount dated_ = 0;
};

}  // namespace berita

#endif
