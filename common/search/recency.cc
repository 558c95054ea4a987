#include "search/recency.h"

#include <cmath>
#include <stdexcept>

#include "schema/schema.h"

namespace berita {
namespace {

constexpr const char* kSourceName = "berita::FreshnessPostingSource";

// Each double as a length byte and its sortable_serialise form, which
// round-trips exactly and does not depend on the host's byte order.
void append_number(std::string& out, double number) {
  const std::string bytes = Xapian::sortable_serialise(number);
  out += static_cast<char>(bytes.size());
  out += bytes;
}

double read_number(const std::string& in, std::size_t& pos) {
  if (pos >= in.size()) throw Xapian::SerialisationError("truncated FreshnessPostingSource");
  const std::size_t length = static_cast<unsigned char>(in[pos++]);
  if (length > in.size() - pos) {
    throw Xapian::SerialisationError("truncated FreshnessPostingSource");
  }
  const double number = Xapian::sortable_unserialise(in.substr(pos, length));
  pos += length;
  return number;
}

}  // namespace

double freshness_bonus(double day_number, const FreshnessModel& model) {
  const double age = std::max(0.0, model.anchor_day - day_number);
  return model.max_bonus * std::exp2(-age / model.half_life_days);
}

FreshnessModel make_freshness_model(const Xapian::Database& db, double query_max_weight,
                                    double half_life_days) {
  if (!(half_life_days > 0) || !std::isfinite(half_life_days)) {
    throw std::invalid_argument("half-life must be a positive number of days");
  }
  FreshnessModel model;
  model.half_life_days = half_life_days;
  const std::string newest = db.get_value_upper_bound(schema::slot::kDayNumber);
  if (newest.empty()) return model;  // no dated article: no bonus at all
  model.anchor_day = Xapian::sortable_unserialise(newest);
  model.max_bonus =
      query_max_weight > 0 ? kFreshnessShare * query_max_weight : kBooleanFreshnessBonus;
  return model;
}

Xapian::Query with_freshness(const Xapian::Query& relevance, const FreshnessModel& model,
                             std::shared_ptr<const ValueColumns> columns) {
  if (model.max_bonus <= 0) return relevance;
  const Xapian::Query bonus((new FreshnessPostingSource(model, std::move(columns)))->release());
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, relevance, bonus);
}

FreshnessModel apply_freshness(Xapian::Enquire& enquire, const Xapian::Database& db,
                               double half_life_days, std::shared_ptr<const ValueColumns> columns) {
  const Xapian::Query relevance = enquire.get_query();
  // get_mset(0, 0) opens the query's posting lists for their weight bounds
  // but reads no documents.
  const double max_weight = enquire.get_mset(0, 0).get_max_possible();
  const FreshnessModel model = make_freshness_model(db, max_weight, half_life_days);
  enquire.set_query(with_freshness(relevance, model, std::move(columns)));
  return model;
}

FreshnessPostingSource::FreshnessPostingSource(const FreshnessModel& model,
                                               std::shared_ptr<const ValueColumns> columns)
    : model_(model), columns_(std::move(columns)) {}

void FreshnessPostingSource::init(const Xapian::Database& database) {
  db_ = database;
  active_columns_ = columns_ && columns_->describes(database) ? columns_.get() : nullptr;
  dated_ = active_columns_ ? active_columns_->dated_count()
                           : database.get_value_freq(schema::slot::kDayNumber);
  started_ = false;
  at_end_ = false;
  did_ = 0;
  // Age is never negative, so the bonus never exceeds B: a true bound that
  // lets the matcher drop the bonus branch once B cannot change the page.
  set_maxweight(model_.max_bonus);
}

double FreshnessPostingSource::current_day() const {
  return active_columns_ ? active_columns_->day(did_) : Xapian::sortable_unserialise(*value_it_);
}

double FreshnessPostingSource::get_weight() const {
  return freshness_bonus(current_day(), model_);
}

Xapian::docid FreshnessPostingSource::get_docid() const {
  return active_columns_ ? did_ : value_it_.get_docid();
}

void FreshnessPostingSource::move_to(Xapian::docid did) {
  if (active_columns_) {
    did_ = active_columns_->next_dated(did);
    at_end_ = did_ == 0;
    return;
  }
  if (!started_) value_it_ = db_.valuestream_begin(schema::slot::kDayNumber);
  const Xapian::ValueIterator end = db_.valuestream_end(schema::slot::kDayNumber);
  if (value_it_ != end && value_it_.get_docid() < did) value_it_.skip_to(did);
  at_end_ = value_it_ == end;
}

void FreshnessPostingSource::skip_weaker_than(double min_wt) {
  if (min_wt <= 0 || at_end_) return;
  if (min_wt > model_.max_bonus) {
    at_end_ = true;
    return;
  }
  while (!at_end_ && get_weight() < min_wt) move_to(get_docid() + 1);
}

void FreshnessPostingSource::next(double min_wt) {
  if (started_ && at_end_) return;
  move_to(started_ ? get_docid() + 1 : 1);
  started_ = true;
  skip_weaker_than(min_wt);
}

void FreshnessPostingSource::skip_to(Xapian::docid did, double min_wt) {
  if (started_ && (at_end_ || get_docid() >= did)) return;
  move_to(did);
  started_ = true;
  skip_weaker_than(min_wt);
}

bool FreshnessPostingSource::check(Xapian::docid did, double min_wt) {
  skip_to(did, min_wt);
  return true;
}

FreshnessPostingSource* FreshnessPostingSource::clone() const {
  return new FreshnessPostingSource(model_, columns_);
}

std::string FreshnessPostingSource::name() const {
  return kSourceName;
}

std::string FreshnessPostingSource::serialise() const {
  std::string out;
  append_number(out, model_.anchor_day);
  append_number(out, model_.half_life_days);
  append_number(out, model_.max_bonus);
  return out;
}

FreshnessPostingSource* FreshnessPostingSource::unserialise(const std::string& serialised) const {
  std::size_t pos = 0;
  FreshnessModel model;
  model.anchor_day = read_number(serialised, pos);
  model.half_life_days = read_number(serialised, pos);
  model.max_bonus = read_number(serialised, pos);
  if (pos != serialised.size()) {
    throw Xapian::SerialisationError("junk after serialised FreshnessPostingSource");
  }
  if (!(model.half_life_days > 0)) {
    throw Xapian::SerialisationError("serialised FreshnessPostingSource has a bad half-life");
  }
  return new FreshnessPostingSource(model);
}

std::string FreshnessPostingSource::get_description() const {
  return std::string(kSourceName) + "(anchor_day=" + std::to_string(model_.anchor_day) +
         ", half_life_days=" + std::to_string(model_.half_life_days) +
         ", max_bonus=" + std::to_string(model_.max_bonus) + ")";
}

}  // namespace berita
