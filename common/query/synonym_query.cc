#include "query/synonym_query.h"

#include <vector>

namespace berita {
namespace {

using Query = Xapian::Query;

// Operators whose meaning is their operator and list of subqueries alone, so
// they can be rebuilt from get_subquery().
bool rebuildable(Query::op op) {
  switch (op) {
    case Query::OP_AND:
    case Query::OP_OR:
    case Query::OP_AND_NOT:
    case Query::OP_XOR:
    case Query::OP_AND_MAYBE:
    case Query::OP_FILTER:
    case Query::OP_MAX:
      return true;
    default:
      return false;
  }
}

// QueryParser's synonym expansion: the typed word(s) first, then one term
// per synonym. A wildcard's OP_SYNONYM has a wildcard first and is not one.
bool is_synonym_expansion(const Query& query) {
  const std::size_t n = query.get_num_subqueries();
  if (query.get_type() != Query::OP_SYNONYM || n < 2) return false;
  const Query::op typed = query.get_subquery(0).get_type();
  if (typed != Query::LEAF_TERM && typed != Query::OP_OR && typed != Query::OP_AND) return false;
  for (std::size_t i = 1; i < n; ++i) {
    if (query.get_subquery(i).get_type() != Query::LEAF_TERM) return false;
  }
  return true;
}

Query rebalance_expansion(const Query& expansion) {
  const Query typed = expansion.get_subquery(0);
  if (typed.get_type() == Query::LEAF_TERM) return Query(Query::OP_OR, typed, expansion);
  std::vector<Query> synonyms;
  for (std::size_t i = 1; i < expansion.get_num_subqueries(); ++i) {
    synonyms.push_back(expansion.get_subquery(i));
  }
  return Query(Query::OP_OR, typed, Query(Query::OP_SYNONYM, synonyms.begin(), synonyms.end()));
}

Query rebalance(const Query& query, bool& changed) {
  if (is_synonym_expansion(query)) {
    changed = true;
    return rebalance_expansion(query);
  }
  if (!rebuildable(query.get_type())) return query;
  std::vector<Query> parts;
  bool part_changed = false;
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    parts.push_back(rebalance(query.get_subquery(i), part_changed));
  }
  if (!part_changed) return query;
  changed = true;
  return Query(query.get_type(), parts.begin(), parts.end());
}

}  // namespace

Xapian::Query rebalance_synonyms(const Xapian::Query& query) {
  bool changed = false;
  return rebalance(query, changed);
}

}  // namespace berita
