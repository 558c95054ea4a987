#include "search/value_columns.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "schema/schema.h"

namespace berita {
namespace {

Xapian::rev revision_of(const Xapian::Database& db) {
  try {
    return db.get_revision();
  } catch (const Xapian::InvalidOperationError&) {
    return 0;  // not a single glass or chert database: describes() says no
  }
}

}  // namespace

ValueColumns::ValueColumns(const Xapian::Database& db)
    : uuid_(db.get_uuid()),
      revision_(revision_of(db)),
      last_docid_(db.get_lastdocid()),
      doc_count_(db.get_doccount()),
      days_(last_docid_ + 1, std::nan("")) {
  if (db.size() != 1) throw std::invalid_argument("value columns need a single database");

  std::vector<std::unordered_map<std::string, std::uint32_t>> dictionaries;
  for (const auto& field : schema::kFacetFields) {
    FacetColumn column;
    column.name = field.name;
    column.codes.assign(last_docid_ + 1, 0);
    column.values.emplace_back();
    facets_.push_back(std::move(column));
    dictionaries.emplace_back();
  }
  // Facets that share a slot (year and month both come from the date) are
  // filled from one pass over it.
  std::vector<Xapian::valueno> slots;
  for (const auto& field : schema::kFacetFields) {
    if (std::find(slots.begin(), slots.end(), field.slot) == slots.end()) {
      slots.push_back(field.slot);
    }
  }
  for (const Xapian::valueno slot : slots) {
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
      const std::string value = *it;
      if (value.empty()) continue;
      for (std::size_t f = 0; f < facets_.size(); ++f) {
        const auto& field = schema::kFacetFields[f];
        if (field.slot != slot) continue;
        std::string key = field.value_length == 0 ? value : value.substr(0, field.value_length);
        auto [entry, added] = dictionaries[f].try_emplace(
            std::move(key), static_cast<std::uint32_t>(facets_[f].values.size()));
        if (added) facets_[f].values.push_back(entry->first);
        facets_[f].codes[it.get_docid()] = entry->second;
      }
    }
  }
  const Xapian::valueno day_slot = schema::slot::kDayNumber;
  for (auto it = db.valuestream_begin(day_slot); it != db.valuestream_end(day_slot); ++it) {
    days_[it.get_docid()] = Xapian::sortable_unserialise(*it);
    ++dated_count_;
  }
}

bool ValueColumns::describes(const Xapian::Database& db) const {
  return db.size() == 1 && revision_ != 0 && revision_of(db) == revision_ &&
         db.get_uuid() == uuid_ && db.get_lastdocid() == last_docid_ &&
         db.get_doccount() == doc_count_;
}

const FacetColumn* ValueColumns::facet(std::string_view name) const {
  for (const auto& column : facets_) {
    if (column.name == name) return &column;
  }
  return nullptr;
}

Xapian::docid ValueColumns::next_dated(Xapian::docid did) const {
  for (Xapian::docid d = did; d < days_.size(); ++d) {
    if (!std::isnan(days_[d])) return d;
  }
  return 0;
}

std::shared_ptr<const ValueColumns> columns_for(const Xapian::Database& db,
                                                std::shared_ptr<const ValueColumns> cached) {
  if (cached && cached->describes(db)) return cached;
  if (db.size() != 1) return nullptr;
  return std::make_shared<const ValueColumns>(db);
}

}  // namespace berita
