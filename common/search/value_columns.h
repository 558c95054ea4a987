// In-memory copies of the value slots that facets and freshness read for
// every match, indexed by document id.
//
// Why: Xapian reads a document's value by seeking its slot's value stream,
// and a seek decodes the entries between the previous position and this
// document. Facets and the freshness bonus read values for every match, so
// without columns a query pays for about the whole collection once per slot:
// on Reuters three facets cost 4.4x the plain query and recency 2.3x; with
// them 1.3x and 1.2x (medians; search/facets.h, search/recency.h).
//
// Built in one pass over each slot's value stream (Reuters: 11 ms for
// 21,578 articles); memory is about 28 bytes per article plus each distinct
// facet value once. Valid for the database revision it was built from:
// describes() tells whether it still is; columns_for() rebuilds when not.
//
// Thread safety: immutable once built; one instance may be shared by any
// number of threads (through std::shared_ptr<const ValueColumns>).
#ifndef BERITA_SEARCH_VALUE_COLUMNS_H
#define BERITA_SEARCH_VALUE_COLUMNS_H

#include <xapian.h>

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

// One facet of schema::kFacetFields: a small code per document and the
// value each code stands for.
struct FacetColumn {
  std::string name;
  std::vector<std::uint32_t> codes;  // by docid; 0 = no value
  std::vector<std::string> values;   // by code; values[0] is unused
};

class ValueColumns {
 public:
  // Reads every document's facet values and day number from db. db must be
  // a single glass database (not a group of shards).
  explicit ValueColumns(const Xapian::Database& db);

  // True when db is the database and revision these columns were read from,
  // so their document ids and values are db's.
  bool describes(const Xapian::Database& db) const;

  // The column of a facet named in schema::kFacetFields, or nullptr.
  const FacetColumn* facet(std::string_view name) const;

  // Day number (days since 1970-01-01) of a document; NaN when it has none
  // or did is beyond the columns.
  double day(Xapian::docid did) const { return did < days_.size() ? days_[did] : std::nan(""); }
  // Next document at or after did that has a day number; 0 when none does.
  Xapian::docid next_dated(Xapian::docid did) const;
  Xapian::doccount dated_count() const { return dated_count_; }

  Xapian::docid last_docid() const { return last_docid_; }

 private:
  std::string uuid_;
  Xapian::rev revision_ = 0;
  Xapian::docid last_docid_ = 0;
  Xapian::doccount doc_count_ = 0;
  std::vector<FacetColumn> facets_;
  std::vector<double> days_;  // by docid; NaN = no date
  Xapian::doccount dated_count_ = 0;
};

// cached when it still describes db, otherwise columns freshly read from db
// (nullptr for a group of shards, which columns do not cover). What a
// Searcher calls before a faceted or recency search, so the columns follow
// each reopen at the cost of one rebuild per new revision.
std::shared_ptr<const ValueColumns> columns_for(const Xapian::Database& db,
                                                std::shared_ptr<const ValueColumns> cached);

}  // namespace berita

#endif
