#include "search/explain.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "schema/schema.h"
#include "search/explain_summary.h"
#include "search/query_parts.h"
#include "text/utf8.h"

namespace berita {
namespace {

// k2 (kBM25K2 in ranking.h) is 0, so BM25 adds no per-document extra that
// would need explaining.
static_assert(kBM25K2 == 0, "explain does not reproduce BM25's k2 extra");

// A remainder smaller than this fraction of the score is rounding in the
// order Xapian summed the parts, not something unexplained.
constexpr double kRoundingNoise = 1e-9;

// In found_in: the article's text outside the weighted fields (body,
// captions, location, byline), whose words count once each.
constexpr const char* kBodyField = "body";

}  // namespace

class ScoreExplainer::Impl {
 public:
  Impl(const Xapian::Database& db, const Xapian::Query& query, const RankingConfig& ranking)
      : db_(db),
        weight_(make_weight(ranking)),
        bm25_(ranking.scheme == WeightingScheme::kBM25),
        scheme_(to_string(ranking.scheme)),
        k1_(ranking.bm25_k1),
        b_(ranking.bm25_b),
        collection_size_(db.get_doccount()),
        fields_(weighted_fields(db)) {
    const double average_length =
        collection_size_ == 0 ? 0.0 : double(db.get_total_length()) / collection_size_;
    if (k1_ != 0 && b_ != 0 && average_length != 0) len_factor_ = 1 / average_length;
    has_root_ = !query.empty();
    if (has_root_) root_ = build(query, 1.0, false);
    index_lookups();
  }

  std::vector<Explanation> explain(const std::vector<ScoredDocument>& hits) const;

 private:
  enum class Kind {
    kTerm,           // a leaf term
    kMatchAll,       // matches everything, weighs nothing
    kNothing,        // matches nothing
    kPostingSource,  // Berita's only weighted one is freshness: the caller's bonus
    kAnd,            // AND, FILTER: every child; FILTER's others weigh nothing
    kAndNot,         // the first child and none of the others
    kOr,
    kXor,
    kAndMaybe,    // the first child; the others add weight when they match
    kPositional,  // PHRASE, NEAR: the terms' weights, if Xapian says it matches
    kGroup,       // weighed as a whole by Xapian (synonyms, wildcards, ...)
  };

  struct Node {
    Kind kind = Kind::kNothing;
    Xapian::Query query;
    double factor = 1.0;
    bool feedback = false;
    std::vector<std::size_t> children;
    // kTerm
    std::string term;
    double termweight = 0;  // BM25's idf, query factor, wqf and (k1 + 1) parts
    Xapian::doccount termfreq = 0;
    std::size_t lookup = 0;                  // into lookups_
    // A word the user searched across all fields: its found_in is reported,
    // from the same word's terms in each weighted field (parallel to fields_).
    bool shows_fields = false;
    std::vector<std::size_t> field_lookups;
    // kGroup: the member terms (none known for a wildcard), and what the
    // group is called: a wildcard's pattern, or its members' words.
    std::vector<std::string> members;
    std::vector<std::size_t> member_lookups;
    std::string wildcard_prefix;  // the term prefix a wildcard expands
    std::string word;
  };

  // One hit being explained.
  struct Article {
    Xapian::docid did = 0;
    Xapian::termcount length = 0;
    std::vector<long long> wdf;  // parallel to lookups_; -1: the term is not in the article
    std::vector<ScoreTerm> parts;
  };

  std::size_t build(const Xapian::Query& query, double factor, bool feedback);
  std::size_t add_term(const Xapian::Query& query, double factor, bool feedback);
  void index_lookups();
  std::vector<std::string> field_terms(const Node& node) const;
  std::size_t lookup(const std::string& term) const {
    return std::lower_bound(lookups_.begin(), lookups_.end(), term) - lookups_.begin();
  }

  bool load_from_term_list(Article& article) const;
  void load_from_posting_lists(std::vector<Article*>& articles, std::vector<bool>& found) const;
  Explanation explain_article(Article& article, const ScoredDocument& hit) const;
  static Explanation not_found(const ScoredDocument& hit);
  bool evaluate(std::size_t n, bool known_match, Article& article) const;
  bool evaluate_term(const Node& node, Article& article) const;
  bool evaluate_group(const Node& node, bool known_match, Article& article) const;
  // Asks Xapian whether query matches the article and what it weighs there.
  bool ask_xapian(const Xapian::Query& query, double factor, Xapian::docid did,
                  double* weight) const;

  const Xapian::Database& db_;
  std::unique_ptr<Xapian::Weight> weight_;
  bool bm25_;
  std::string scheme_;
  double k1_;
  double b_;
  Xapian::doccount collection_size_;
  double len_factor_ = 0;
  std::vector<WeightedField> fields_;

  std::vector<Node> nodes_;
  std::size_t root_ = 0;
  bool has_root_ = false;
  std::vector<std::string> lookups_;   // sorted: every term whose wdf an article is asked for
  std::set<std::string> query_words_;  // scored words the user typed (not feedback)
};

std::size_t ScoreExplainer::Impl::build(const Xapian::Query& query, double factor, bool feedback) {
  const auto type = query.get_type();
  if (type == Xapian::Query::OP_SCALE_WEIGHT) {
    return build(query.get_subquery(0), factor * scale_factor_of(query), feedback);
  }
  if (type == Xapian::Query::LEAF_TERM) return add_term(query, factor, feedback);

  Node node;
  node.query = query;
  node.factor = factor;
  node.feedback = feedback;
  bool weigh_only_first = false;
  switch (type) {
    case Xapian::Query::LEAF_MATCH_ALL:
      node.kind = Kind::kMatchAll;
      break;
    case Xapian::Query::LEAF_MATCH_NOTHING:
      node.kind = Kind::kNothing;
      break;
    case Xapian::Query::LEAF_POSTING_SOURCE:
      node.kind = Kind::kPostingSource;
      break;
    case Xapian::Query::OP_AND:
      node.kind = Kind::kAnd;
      break;
    case Xapian::Query::OP_FILTER:
      node.kind = Kind::kAnd;
      weigh_only_first = true;
      break;
    case Xapian::Query::OP_AND_NOT:
      node.kind = Kind::kAndNot;
      weigh_only_first = true;
      break;
    case Xapian::Query::OP_OR:
      node.kind = Kind::kOr;
      break;
    case Xapian::Query::OP_XOR:
      node.kind = Kind::kXor;
      break;
    case Xapian::Query::OP_AND_MAYBE:
      node.kind = Kind::kAndMaybe;
      break;
    case Xapian::Query::OP_PHRASE:
    case Xapian::Query::OP_NEAR:
      node.kind = Kind::kPositional;
      break;
    default:
      node.kind = Kind::kGroup;
      break;
  }
  if (node.kind == Kind::kGroup) {
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
      node.members.push_back(*it);
    }
    std::vector<std::string> words;
    for (const auto& member : node.members) words.push_back(split_term(member).word);
    node.word = join(words, " / ");
    if (type == Xapian::Query::OP_WILDCARD) {
      node.wildcard_prefix = wildcard_pattern_of(query);
      node.word = split_term(node.wildcard_prefix).word + "*";
    }
    if (type == Xapian::Query::OP_ELITE_SET) {
      // Usually every subquery makes the elite, and then it is an OR whose
      // terms can be shown one by one (evaluate_group checks).
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        node.children.push_back(build(query.get_subquery(i), factor, feedback));
      }
    } else if (factor != 0 && !feedback && !node.word.empty()) {
      query_words_.insert(node.word);
    }
    const std::size_t at = nodes_.size();
    nodes_.push_back(std::move(node));
    return at;
  }
  for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
    const Xapian::Query sub = query.get_subquery(i);
    const double sub_factor = weigh_only_first && i > 0 ? 0.0 : factor;
    // The Searcher's pseudo-relevance feedback is a scaled part on the
    // optional side of an AND_MAYBE; the query parser makes no such part.
    const bool sub_feedback = feedback || (node.kind == Kind::kAndMaybe && i > 0 &&
                                           sub.get_type() == Xapian::Query::OP_SCALE_WEIGHT);
    node.children.push_back(build(sub, sub_factor, sub_feedback));
  }
  const std::size_t at = nodes_.size();
  nodes_.push_back(std::move(node));
  return at;
}

std::size_t ScoreExplainer::Impl::add_term(const Xapian::Query& query, double factor,
                                           bool feedback) {
  Node node;
  node.kind = Kind::kTerm;
  node.query = query;
  node.factor = factor;
  node.feedback = feedback;
  node.term = *query.get_terms_begin();
  node.termfreq = db_.get_termfreq(node.term);
  if (factor != 0 && node.termfreq > 0 && bm25_) {
    // Xapian 1.4's BM25Weight::init, step by step and in its order, so the
    // result is the same double.
    double tw = (collection_size_ - node.termfreq + 0.5) / (node.termfreq + 0.5);
    // Xapian's guard against negative weights for terms in over half the
    // articles.
    if (tw < 2) tw = tw * 0.5 + 1;
    double termweight = std::log(tw) * factor;
    const double wqf = wqf_of(query);
    termweight *= (kBM25K3 + 1) * wqf / (kBM25K3 + wqf);
    node.termweight = termweight * (k1_ + 1);
  }
  if (factor != 0 && !feedback) {
    const TermParts parts = split_term(node.term);
    if (!parts.word.empty()) query_words_.insert(parts.word);
    // Feedback words are left out: they would multiply the lookups for
    // little an editor needs.
    node.shows_fields = parts.prefix.empty();
  }
  const std::size_t at = nodes_.size();
  nodes_.push_back(std::move(node));
  return at;
}

// The same word's terms in each weighted field ("Zflood" -> "ZSflood"), for
// found_in.
std::vector<std::string> ScoreExplainer::Impl::field_terms(const Node& node) const {
  std::vector<std::string> terms;
  if (!node.shows_fields) return terms;
  const TermParts parts = split_term(node.term);
  for (const WeightedField& field : fields_) {
    terms.push_back((parts.stemmed ? schema::prefix::kStemmed : "") + field.prefix + parts.word);
  }
  return terms;
}

// Every term an article will be asked about, sorted, so one pass over the
// article's term list (or one posting list each) finds them all.
void ScoreExplainer::Impl::index_lookups() {
  std::set<std::string> terms;
  for (const Node& node : nodes_) {
    if (node.kind == Kind::kTerm) terms.insert(node.term);
    for (const auto& term : field_terms(node)) terms.insert(term);
    for (const auto& member : node.members) terms.insert(member);
  }
  lookups_.assign(terms.begin(), terms.end());
  for (Node& node : nodes_) {
    if (node.kind == Kind::kTerm) node.lookup = lookup(node.term);
    for (const auto& term : field_terms(node)) node.field_lookups.push_back(lookup(term));
    for (const auto& member : node.members) node.member_lookups.push_back(lookup(member));
  }
}

bool ScoreExplainer::Impl::ask_xapian(const Xapian::Query& query, double factor, Xapian::docid did,
                                      double* weight) const {
  Xapian::Enquire enquire(db_);
  const bool weighted = weight != nullptr && factor != 0;
  if (weighted) {
    enquire.set_weighting_scheme(*weight_);
  } else {
    enquire.set_weighting_scheme(Xapian::BoolWeight());
  }
  const Xapian::Query scaled = weighted && factor != 1.0
                                   ? Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, factor)
                                   : query;
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, scaled, only_document(did)));
  const Xapian::MSet mset = enquire.get_mset(0, 1);
  if (weight != nullptr) *weight = mset.empty() || !weighted ? 0.0 : mset.begin().get_weight();
  return !mset.empty();
}

bool ScoreExplainer::Impl::evaluate_term(const Node& node, Article& article) const {
  const long long wdf = article.wdf[node.lookup];
  if (wdf < 0) return false;
  if (node.factor == 0) return true;
  ScoreTerm part;
  part.term = node.term;
  const TermParts parts = split_term(node.term);
  part.word = parts.word;
  part.field = node.feedback ? kFeedbackFieldName : field_name(parts.prefix);
  part.wdf = static_cast<unsigned>(wdf);
  part.termfreq = node.termfreq;
  if (bm25_) {
    const double normlen = std::max(article.length * len_factor_, kBM25MinNormLen);
    const double wdf_double = static_cast<double>(wdf);
    const double denom = k1_ * (normlen * b_ + (1 - b_)) + wdf_double;
    part.weight = node.termweight * (wdf_double / denom);
  }
  // Which fields hold the word: each field's occurrences count its weight
  // times in the all-fields term; what they do not account for is body text.
  long long accounted = 0;
  for (std::size_t i = 0; i < node.field_lookups.size(); ++i) {
    const long long field_wdf = article.wdf[node.field_lookups[i]];
    if (field_wdf <= 0) continue;
    part.found_in.push_back(fields_[i].name);
    accounted += field_wdf * fields_[i].weight;
  }
  if (node.shows_fields && wdf > accounted) part.found_in.push_back(kBodyField);
  article.parts.push_back(std::move(part));
  return true;
}

bool ScoreExplainer::Impl::evaluate_group(const Node& node, bool known_match,
                                          Article& article) const {
  if (node.factor == 0 || !bm25_) {
    return known_match || ask_xapian(node.query, 0, article.did, nullptr);
  }
  double weight = 0;
  if (!ask_xapian(node.query, node.factor, article.did, &weight)) return false;
  if (weight == 0) return true;
  if (!node.children.empty()) {
    const std::size_t mark = article.parts.size();
    double sum = 0;
    for (std::size_t child : node.children) {
      const std::size_t before = article.parts.size();
      evaluate(child, false, article);
      for (std::size_t p = before; p < article.parts.size(); ++p) sum += article.parts[p].weight;
    }
    if (std::fabs(sum - weight) <= kRoundingNoise * weight) return true;
    article.parts.resize(mark);
  }
  ScoreTerm part;
  part.group = true;
  part.weight = weight;
  part.word = node.word;
  std::vector<std::string> terms;
  std::set<std::string> fields;
  const auto add_member = [&](const std::string& term, Xapian::termcount wdf) {
    terms.push_back(term);
    fields.insert(field_name(split_term(term).prefix));
    part.wdf += wdf;
  };
  for (std::size_t i = 0; i < node.members.size(); ++i) {
    const long long wdf = article.wdf[node.member_lookups[i]];
    if (wdf >= 0) add_member(node.members[i], static_cast<Xapian::termcount>(wdf));
  }
  if (!node.wildcard_prefix.empty()) {
    // The article's own terms the pattern covers (Xapian may have left some
    // out of a very wide expansion; the weight is Xapian's either way).
    const std::string& prefix = node.wildcard_prefix;
    Xapian::TermIterator it = db_.termlist_begin(article.did);
    for (it.skip_to(prefix); it != db_.termlist_end(article.did); ++it) {
      const std::string term = *it;
      if (term.compare(0, prefix.size(), prefix) != 0) break;
      add_member(term, it.get_wdf());
    }
  }
  part.term = join(terms, " ");
  if (fields.empty()) fields.insert(kAllFieldsName);
  part.field = node.feedback ? kFeedbackFieldName
                             : join(std::vector<std::string>(fields.begin(), fields.end()), "+");
  article.parts.push_back(std::move(part));
  return true;
}

// Whether node n matches the article, adding the weight parts it
// contributes. known_match: the caller already knows it matches (a required
// part of something that matched), so nothing needs checking.
bool ScoreExplainer::Impl::evaluate(std::size_t n, bool known_match, Article& article) const {
  const Node& node = nodes_[n];
  const std::size_t mark = article.parts.size();
  const auto fail = [&] {
    article.parts.resize(mark);
    return false;
  };
  switch (node.kind) {
    case Kind::kTerm:
      return evaluate_term(node, article);
    case Kind::kMatchAll:
      return true;
    case Kind::kNothing:
      return false;
    case Kind::kPostingSource:
      return known_match || ask_xapian(node.query, 0, article.did, nullptr);
    case Kind::kGroup:
      return evaluate_group(node, known_match, article);
    case Kind::kAnd:
      for (std::size_t child : node.children) {
        if (!evaluate(child, known_match, article)) return fail();
      }
      return true;
    case Kind::kAndNot: {
      if (!evaluate(node.children[0], known_match, article)) return fail();
      if (known_match) return true;
      // The excluded parts weigh nothing (factor 0), so they add no parts.
      for (std::size_t i = 1; i < node.children.size(); ++i) {
        if (evaluate(node.children[i], false, article)) return fail();
      }
      return true;
    }
    case Kind::kOr: {
      const bool single = node.children.size() == 1;
      bool any = false;
      for (std::size_t child : node.children) {
        any = evaluate(child, known_match && single, article) || any;
      }
      return any;
    }
    case Kind::kXor: {
      std::size_t matched = 0;
      for (std::size_t child : node.children) matched += evaluate(child, false, article);
      return matched % 2 == 1 ? true : fail();
    }
    case Kind::kAndMaybe: {
      if (!evaluate(node.children[0], known_match, article)) return fail();
      for (std::size_t i = 1; i < node.children.size(); ++i) {
        // Freshness adds the caller's bonus whether or not it is checked.
        if (nodes_[node.children[i]].kind == Kind::kPostingSource) continue;
        evaluate(node.children[i], false, article);
      }
      return true;
    }
    case Kind::kPositional: {
      for (std::size_t child : node.children) {
        if (!evaluate(child, known_match, article)) return fail();
      }
      if (known_match || ask_xapian(node.query, 0, article.did, nullptr)) return true;
      return fail();
    }
  }
  return false;
}

// One article's wdf of every lookup term, from its term list: one read,
// cheaper than a posting list per term when there is a single article.
bool ScoreExplainer::Impl::load_from_term_list(Article& article) const {
  if (article.did == 0) return false;  // Xapian rejects docid 0 as invalid
  try {
    article.length = db_.get_doclength(article.did);
    Xapian::TermIterator it = db_.termlist_begin(article.did);
    const Xapian::TermIterator end = db_.termlist_end(article.did);
    for (std::size_t i = 0; i < lookups_.size() && it != end; ++i) {
      it.skip_to(lookups_[i]);
      if (it != end && *it == lookups_[i]) article.wdf[i] = it.get_wdf();
    }
    return true;
  } catch (const Xapian::DocNotFoundError&) {
    return false;
  }
}

// Many articles' wdf, each term's posting list read once for all of them in
// docid order. articles: sorted by docid; found[i] says whether the
// database holds articles[i].
void ScoreExplainer::Impl::load_from_posting_lists(std::vector<Article*>& articles,
                                                   std::vector<bool>& found) const {
  found.assign(articles.size(), false);
  const std::string all_documents;
  Xapian::PostingIterator lengths = db_.postlist_begin(all_documents);
  for (std::size_t a = 0; a < articles.size(); ++a) {
    lengths.skip_to(articles[a]->did);
    if (lengths == db_.postlist_end(all_documents)) break;
    if (*lengths != articles[a]->did) continue;
    found[a] = true;
    articles[a]->length = lengths.get_doclength();
  }
  for (std::size_t i = 0; i < lookups_.size(); ++i) {
    Xapian::PostingIterator it = db_.postlist_begin(lookups_[i]);
    const Xapian::PostingIterator end = db_.postlist_end(lookups_[i]);
    for (Article* article : articles) {
      it.skip_to(article->did);
      if (it == end) break;
      if (*it == article->did) article->wdf[i] = it.get_wdf();
    }
  }
}

std::vector<Explanation> ScoreExplainer::Impl::explain(
    const std::vector<ScoredDocument>& hits) const {
  std::vector<Article> articles(hits.size());
  std::vector<bool> found(hits.size(), false);
  for (std::size_t h = 0; h < hits.size(); ++h) {
    articles[h].did = hits[h].did;
    articles[h].wdf.assign(lookups_.size(), -1);
  }
  if (hits.size() == 1) {
    found[0] = load_from_term_list(articles[0]);
  } else if (!hits.empty()) {
    std::vector<std::size_t> order(hits.size());
    for (std::size_t h = 0; h < hits.size(); ++h) order[h] = h;
    std::sort(order.begin(), order.end(),
              [&](std::size_t x, std::size_t y) { return hits[x].did < hits[y].did; });
    std::vector<Article*> sorted;
    for (std::size_t h : order) sorted.push_back(&articles[h]);
    std::vector<bool> sorted_found;
    load_from_posting_lists(sorted, sorted_found);
    for (std::size_t k = 0; k < order.size(); ++k) found[order[k]] = sorted_found[k];
  }
  std::vector<Explanation> explanations;
  explanations.reserve(hits.size());
  for (std::size_t h = 0; h < hits.size(); ++h) {
    explanations.push_back(found[h] ? explain_article(articles[h], hits[h]) : not_found(hits[h]));
  }
  return explanations;
}

Explanation ScoreExplainer::Impl::not_found(const ScoredDocument& hit) {
  Explanation explanation;
  explanation.freshness = hit.freshness_bonus;
  explanation.other = hit.score - hit.freshness_bonus;
  explanation.summary = "article " + std::to_string(hit.did) + " is not in the database";
  return explanation;
}

Explanation ScoreExplainer::Impl::explain_article(Article& article,
                                                  const ScoredDocument& hit) const {
  Explanation explanation;
  explanation.freshness = hit.freshness_bonus;
  if (has_root_) evaluate(root_, true, article);

  // The same term reached twice with the same role (a word typed twice)
  // is one line; typed and feedback stay apart.
  for (ScoreTerm& part : article.parts) {
    auto same = std::find_if(
        explanation.terms.begin(), explanation.terms.end(),
        [&](const ScoreTerm& t) { return t.term == part.term && t.field == part.field; });
    if (same == explanation.terms.end()) {
      explanation.terms.push_back(std::move(part));
    } else {
      same->weight += part.weight;
    }
  }
  std::stable_sort(explanation.terms.begin(), explanation.terms.end(),
                   [](const ScoreTerm& a, const ScoreTerm& c) { return a.weight > c.weight; });

  double explained = hit.freshness_bonus;
  for (const ScoreTerm& term : explanation.terms) explained += term.weight;
  explanation.other = hit.score - explained;
  if (std::fabs(explanation.other) <= kRoundingNoise * std::fabs(hit.score)) {
    explanation.other = 0;
  }
  explanation.summary = summarise(explanation, hit.score, query_words_, bm25_ ? "" : scheme_);
  return explanation;
}

ScoreExplainer::ScoreExplainer(const Xapian::Database& db, const Xapian::Query& query,
                               const RankingConfig& ranking)
    : impl_(std::make_unique<Impl>(db, query, ranking)) {}

ScoreExplainer::~ScoreExplainer() = default;

Explanation ScoreExplainer::explain(Xapian::docid did, double score, double freshness_bonus) const {
  return impl_->explain({ScoredDocument{did, score, freshness_bonus}}).front();
}

std::vector<Explanation> ScoreExplainer::explain(const std::vector<ScoredDocument>& hits) const {
  return impl_->explain(hits);
}

Explanation explain_hit(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid did,
                        double score, const RankingConfig& ranking, double freshness_bonus) {
  return ScoreExplainer(db, query, ranking).explain(did, score, freshness_bonus);
}

}  // namespace berita
