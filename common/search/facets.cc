#include "search/facets.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "query/invalid_request.h"
#include "query/search_request.h"
#include "schema/schema.h"

namespace berita {
namespace {

const schema::FacetField* find_facet_field(const std::string& name) {
  for (const auto& field : schema::kFacetFields) {
    if (name == field.name) return &field;
  }
  return nullptr;
}

std::string facet_choices() {
  std::string choices;
  for (const auto& field : schema::kFacetFields) {
    if (!choices.empty()) choices += ", ";
    choices += field.name;
  }
  return choices;
}

}  // namespace

// Counts for every requested facet. With columns a document's facet value
// is a code looked up by docid; otherwise (or for a document the columns do
// not cover) the value is read from the document, and facets that share a
// slot (year and month both read the date) read it once.
class FacetCounter::Spy : public Xapian::MatchSpy {
 public:
  struct Counted {
    const schema::FacetField* field;
    const FacetColumn* column = nullptr;
    std::vector<Xapian::doccount> by_code;  // indexed like column->values
    std::unordered_map<std::string, Xapian::doccount> by_value;
    // Matches arrive in docid order and neighbouring articles often share a
    // value (one outlet's feed, one day's articles): remembering the last
    // value's counter skips most hash lookups.
    std::string last_value;
    Xapian::doccount* last_count = nullptr;
  };
  struct SlotReader {
    Xapian::valueno slot;
    std::vector<std::size_t> facets;  // indexes into counted_
  };

  Spy(const std::vector<const schema::FacetField*>& fields,
      std::shared_ptr<const ValueColumns> columns)
      : fields_(fields), columns_(std::move(columns)) {
    const bool columns_cover_all =
        columns_ && std::all_of(fields.begin(), fields.end(), [&](const auto* field) {
          return columns_->facet(field->name) != nullptr;
        });
    if (!columns_cover_all) columns_.reset();
    for (const auto* field : fields) {
      const std::size_t index = counted_.size();
      Counted counted;
      counted.field = field;
      if (columns_) {
        counted.column = columns_->facet(field->name);
        counted.by_code.assign(counted.column->values.size(), 0);
      }
      counted_.push_back(std::move(counted));
      auto reader = std::find_if(readers_.begin(), readers_.end(),
                                 [&](const SlotReader& r) { return r.slot == field->slot; });
      if (reader == readers_.end()) {
        readers_.push_back(SlotReader{field->slot, {index}});
      } else {
        reader->facets.push_back(index);
      }
    }
  }

  void operator()(const Xapian::Document& doc, double) override {
    ++seen_;
    const Xapian::docid did = doc.get_docid();
    if (columns_ && did <= columns_->last_docid()) {
      for (auto& counted : counted_) ++counted.by_code[counted.column->codes[did]];
      return;
    }
    for (const auto& reader : readers_) {
      const std::string value = doc.get_value(reader.slot);
      if (value.empty()) continue;
      for (const std::size_t index : reader.facets) count_value(counted_[index], value);
    }
  }

  Xapian::MatchSpy* clone() const override { return new Spy(fields_, columns_); }
  std::string name() const override { return "berita::FacetCounter::Spy"; }
  std::string get_description() const override {
    std::string names;
    for (const auto* field : fields_)
      names += (names.empty() ? "" : ",") + std::string(field->name);
    return "berita::FacetCounter::Spy(" + names + ")";
  }

  Xapian::doccount seen() const { return seen_; }
  const std::vector<Counted>& counted() const { return counted_; }

  // Every value of one facet with its count, from both ways of counting.
  static std::vector<std::pair<std::string, Xapian::doccount>> totals(const Counted& counted) {
    std::unordered_map<std::string, Xapian::doccount> merged = counted.by_value;
    // Code 0 is "no value": empty values are not counted.
    for (std::size_t code = 1; code < counted.by_code.size(); ++code) {
      if (counted.by_code[code] != 0) merged[counted.column->values[code]] += counted.by_code[code];
    }
    return {merged.begin(), merged.end()};
  }

 private:
  static void count_value(Counted& counted, const std::string& value) {
    const unsigned length = counted.field->value_length;
    const std::string_view key =
        length == 0 ? std::string_view(value) : std::string_view(value).substr(0, length);
    if (counted.last_count != nullptr && key == counted.last_value) {
      ++*counted.last_count;
      return;
    }
    counted.last_value.assign(key.data(), key.size());
    // unordered_map never moves its elements, so the pointer stays valid
    // across later insertions.
    counted.last_count = &counted.by_value[counted.last_value];
    ++*counted.last_count;
  }

  std::vector<const schema::FacetField*> fields_;
  std::shared_ptr<const ValueColumns> columns_;
  std::vector<Counted> counted_;
  std::vector<SlotReader> readers_;
  Xapian::doccount seen_ = 0;
};

FacetCounter::FacetCounter(const std::vector<std::string>& names, unsigned limit,
                           std::shared_ptr<const ValueColumns> columns,
                           Xapian::doccount exact_bound)
    : columns_(std::move(columns)),
      limit_(limit),
      exact_bound_(std::max<Xapian::doccount>(exact_bound, 1)) {
  if (limit < 1 || limit > kMaxFacetLimit) {
    throw InvalidRequest("bad_parameter", "facet_limit",
                         "facet_limit must be between 1 and " + std::to_string(kMaxFacetLimit));
  }
  for (const auto& name : names) {
    const schema::FacetField* field = find_facet_field(name);
    if (field == nullptr) {
      throw InvalidRequest("bad_parameter", "facets",
                           "unknown facet '" + name + "'; facets are " + facet_choices());
    }
    if (std::find(fields_.begin(), fields_.end(), field) == fields_.end()) fields_.push_back(field);
  }
  spy_ = std::make_unique<Spy>(fields_, columns_);
}

FacetCounter::~FacetCounter() = default;

FacetCounts FacetCounter::count(const Xapian::Database& db, const Xapian::Query& query) const {
  Spy spy(fields_, columns_ && columns_->describes(db) ? columns_ : nullptr);
  Xapian::Enquire enquire(db);
  // No relevance: with every weight 0 the matcher walks the matches in
  // document order and stops as soon as it has counted exact_bound_.
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(query);
  enquire.add_matchspy(&spy);
  const Xapian::MSet mset = enquire.get_mset(0, 0, exact_bound_);
  FacetCounts counts;
  counts.facets = facets_from(spy, mset.get_matches_upper_bound(), mset.get_matches_estimated());
  counts.matches = mset.get_matches_estimated();
  return counts;
}

void FacetCounter::attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(spy_.get());
}

Xapian::doccount FacetCounter::documents_seen() const {
  return spy_->seen();
}

std::vector<Facet> FacetCounter::collect(const Xapian::MSet& mset) const {
  return facets_from(*spy_, mset.get_uncollapsed_matches_upper_bound(),
                     mset.get_uncollapsed_matches_estimated());
}

std::vector<Facet> FacetCounter::facets_from(const Spy& spy, Xapian::doccount upper_bound,
                                             Xapian::doccount estimated) const {
  const Xapian::doccount seen = spy.seen();
  // The matcher only stops early once it has counted check_at_least matches,
  // so seeing fewer means it saw them all; seeing as many as the upper bound
  // means the same thing by another route.
  const bool exact = seen < exact_bound_ || seen >= upper_bound;
  const double scale = exact || seen == 0 ? 1.0 : double(estimated) / seen;

  std::vector<Facet> facets;
  facets.reserve(spy.counted().size());
  for (const auto& counted : spy.counted()) {
    auto values = Spy::totals(counted);
    const auto more_frequent = [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
    const std::size_t kept = std::min<std::size_t>(values.size(), limit_);
    std::partial_sort(values.begin(), values.begin() + kept, values.end(), more_frequent);

    Facet facet;
    facet.name = counted.field->name;
    facet.estimated = !exact;
    facet.values.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) {
      const auto count = exact ? values[i].second
                               : static_cast<std::uint64_t>(std::llround(values[i].second * scale));
      facet.values.push_back(FacetValue{std::move(values[i].first), count});
    }
    facets.push_back(std::move(facet));
  }
  return facets;
}

}  // namespace berita
