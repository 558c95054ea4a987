#include "search/similar.h"

#include <vector>

#include "schema/schema.h"
#include "search/feedback_terms.h"

namespace berita {
namespace {

// A word found in no other article cannot find another article: ESet ranks
// such words highest (they mark the article out perfectly), so they are
// left out, or "more like this" of a story with a few rare names finds nothing.
class SharedWordDecider : public Xapian::ExpandDecider {
 public:
  explicit SharedWordDecider(const Xapian::Database& db) : db_(db) {}
  bool operator()(const std::string& term) const override {
    return words_(term) && db_.get_termfreq(term) >= 2;
  }

 private:
  const Xapian::Database& db_;
  FeedbackTermDecider words_;
};

}  // namespace

Xapian::Query more_like_this_query(const Xapian::Database& db, Xapian::docid did,
                                   unsigned terms) {
  Xapian::Enquire enquire(db);
  Xapian::RSet rset;
  rset.add_document(did);
  const SharedWordDecider decider(db);
  const Xapian::ESet eset = enquire.get_eset(terms, rset, &decider);
  if (eset.empty()) return Xapian::Query::MatchNothing;

  // Each word counts in proportion to its expansion weight, so the article's
  // central words dominate its incidental ones.
  const double strongest = eset.begin().get_weight();
  std::vector<Xapian::Query> words;
  for (auto it = eset.begin(); it != eset.end(); ++it) {
    const double share = strongest > 0 ? it.get_weight() / strongest : 1.0;
    words.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), share);
  }
  const Xapian::Query topic(Xapian::Query::OP_OR, words.begin(), words.end());
  // The article itself matches its own words best; leave it out.
  Xapian::TermIterator id_term = db.termlist_begin(did);
  id_term.skip_to(schema::prefix::kId);
  if (id_term == db.termlist_end(did) || (*id_term).rfind(schema::prefix::kId, 0) != 0) {
    return topic;
  }
  return Xapian::Query(Xapian::Query::OP_AND_NOT, topic, Xapian::Query(*id_term));
}

}  // namespace berita
