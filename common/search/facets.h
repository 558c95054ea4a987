// Facets: how many matching articles fall under each source, category,
// language, year and month (schema::kFacetFields), counted over the whole
// match set rather than the page shown.
//
// A Xapian::MatchSpy counts every facet asked for. Given ValueColumns that
// describe the database it reads each facet as an array lookup; otherwise
// it reads each needed value slot once per matching document, several times
// slower on a large match set (search/value_columns.h says why).
//
// Two ways to run it:
// - count(db, query): a separate pass over the matches with BoolWeight, so
//   no relevance is computed and the main query keeps its top-k pruning.
//   On Reuters over the 471 AOL queries that match (three facets on three
//   slots, with columns): 1.30x the plain top-10 query at the median, 1.69x
//   in total time. The recommended way.
// - attach(enquire) + get_mset(..., check_at_least()) + collect(mset): the
//   spy rides on the main query, which must then weigh every match instead
//   of skipping those that cannot reach the page: 1.26x at the median but
//   2.0x in total time, because queries with large match sets lose most.
// Without columns both cost 4.4x at the median.
//
// Either way the matcher considers every match up to exact_bound, so counts
// are exact for queries matching up to that many articles. Past it the
// matcher stops early; the counts come from the matches it saw and are
// scaled up to the estimated number of matches (Facet::estimated). count()
// sees matches in document order, so on an archive indexed oldest first an
// estimate leans towards older articles.
//
// Collapsing (Enquire::set_collapse_key) happens after the spy, and count()
// does not collapse: facets count every matching article, duplicates
// included.
//
// Thread safety: none; one FacetCounter per search.
#ifndef BERITA_SEARCH_FACETS_H
#define BERITA_SEARCH_FACETS_H

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "search/search_result.h"
#include "search/value_columns.h"

namespace berita {

namespace schema {
struct FacetField;
}

// Matches counted exactly before the counts become estimates. count() over
// all of Reuters (21,578 matches) takes 1.8 ms with columns, so counting up
// to the bound costs about 8 ms at worst.
inline constexpr Xapian::doccount kFacetExactBound = 100000;

// What count() found.
struct FacetCounts {
  std::vector<Facet> facets;  // in the order asked for
  // Matching articles: exact unless the facets are estimated, then the
  // matcher's estimate (not rounded like MSet::get_matches_estimated()).
  Xapian::doccount matches = 0;
};

class FacetCounter {
 public:
  // names: facet names from schema::kFacetFields, counted in this order
  // (repeats ignored). limit: values kept per facet, 1 to kMaxFacetLimit.
  // columns: the searched database's columns (ValueColumns::describes it),
  // or nullptr to read values from the documents. Throws InvalidRequest
  // naming "facets" or "facet_limit" on bad input.
  FacetCounter(const std::vector<std::string>& names, unsigned limit,
               std::shared_ptr<const ValueColumns> columns = nullptr,
               Xapian::doccount exact_bound = kFacetExactBound);
  ~FacetCounter();
  FacetCounter(const FacetCounter&) = delete;
  FacetCounter& operator=(const FacetCounter&) = delete;

  // Counts over the matches of query (filters included) in db, in a pass of
  // its own. Uses the columns only if they describe db.
  FacetCounts count(const Xapian::Database& db, const Xapian::Query& query) const;

  // Registers the counter with enquire; call before get_mset. The counter
  // must outlive every get_mset call on that Enquire. Counts accumulate over
  // calls, so use one FacetCounter per get_mset.
  void attach(Xapian::Enquire& enquire);

  // The checkatleast argument get_mset needs (pass at least this much).
  Xapian::doccount check_at_least() const { return exact_bound_; }

  // The facets, in the order asked for, from the MSet of the get_mset call
  // the counter watched. Assumes no weight or percentage cutoff was set:
  // those drop documents before the spy sees them.
  std::vector<Facet> collect(const Xapian::MSet& mset) const;

  // Matching documents the attached counter saw.
  Xapian::doccount documents_seen() const;

 private:
  class Spy;
  std::vector<Facet> facets_from(const Spy& spy, Xapian::doccount upper_bound,
                                 Xapian::doccount estimated) const;

  std::vector<const schema::FacetField*> fields_;
  std::shared_ptr<const ValueColumns> columns_;
  std::unique_ptr<Spy> spy_;  // the attached one
  unsigned limit_;
  Xapian::doccount exact_bound_;
};

}  // namespace berita

#endif
