#include "search/recency.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "search/article_db.h"
#include "search/ranking.h"
#include "support/test_support.h"

namespace berita {
namespace {

Article make(std::string id, std::string title, std::string body, std::string date) {
  Article a;
  a.id = std::move(id);
  a.title = std::move(title);
  a.paragraphs = {std::move(body)};
  a.date = std::move(date);
  a.source = "Bernama";
  a.lang = "en";
  return a;
}

// Articles on other subjects that fix the newest date (2024-06-30, the
// anchor) and give the collection enough words for stable BM25 statistics.
std::vector<Article> background() {
  return {
      make("bg-1", "Palm oil exports rise", "Exports of palm oil rose in May on strong demand.",
           "2024-06-30"),
      make("bg-2", "Ringgit steady", "The ringgit held steady against the dollar.", "2024-06-12"),
      make("bg-3", "New rail line opens", "Commuters tried the new rail line on Monday.",
           "2024-03-02"),
      make("bg-4", "Rice prices", "Rice prices were unchanged at the wholesale market.",
           "2023-11-20"),
      make("bg-5", "Museum reopens", "The national museum reopened after renovation.",
           "2024-01-15"),
  };
}

struct Ranked {
  std::vector<std::string> ids;
  std::vector<double> weights;
  FreshnessModel model;
};

std::string id_of(const Xapian::Document& doc) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    if ((*it)[0] == 'Q') return (*it).substr(1);
  }
  return {};
}

Xapian::Query parse(const Xapian::Database& db, const std::string& text) {
  if (text.empty()) return Xapian::Query::MatchAll;
  Analyzer analyzer;
  return analyzer.make_query_parser(db).parse_query(text);
}

// recency = false: plain relevance, the baseline the bonus is added to.
// columns: day numbers from ValueColumns instead of the value slot.
Ranked rank(const Xapian::Database& db, const std::string& text, bool recency,
            double half_life_days = 7.0, bool columns = false) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(RankingConfig{}));
  enquire.set_query(parse(db, text));
  Ranked ranked;
  if (recency) {
    std::shared_ptr<const ValueColumns> loaded;
    if (columns) loaded = std::make_shared<const ValueColumns>(db);
    ranked.model = apply_freshness(enquire, db, half_life_days, loaded);
  }
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ranked.ids.push_back(id_of(it.get_document()));
    ranked.weights.push_back(it.get_weight());
  }
  return ranked;
}

std::size_t position(const Ranked& ranked, const std::string& id) {
  const auto it = std::find(ranked.ids.begin(), ranked.ids.end(), id);
  REQUIRE(it != ranked.ids.end());
  return static_cast<std::size_t>(it - ranked.ids.begin());
}

double weight_of(const Ranked& ranked, const std::string& id) {
  return ranked.weights[position(ranked, id)];
}

class Archive {
 public:
  explicit Archive(std::vector<Article> articles) {
    for (auto& a : background()) articles.push_back(std::move(a));
    test::write_articles(dir_.file("db"), articles);
  }
  Xapian::Database open() const { return Xapian::Database(dir_.file("db")); }

 private:
  test::TempDir dir_;
};

TEST_CASE("a fresh article outranks an old one that is just as relevant", "[recency]") {
  // The old one is indexed first, so plain relevance (ties by document id)
  // puts it first.
  const Archive archive({
      make("old", "Storm hits the coast", "Residents of the coast fled the storm.", "2024-05-01"),
      make("fresh", "Storm hits the coast", "Residents of the coast fled the storm.", "2024-06-29"),
  });
  const Xapian::Database db = archive.open();
  const Ranked plain = rank(db, "storm coast", false);
  REQUIRE(plain.ids.size() == 2);
  REQUIRE(weight_of(plain, "old") == Approx(weight_of(plain, "fresh")));
  CHECK(plain.ids[0] == "old");

  const Ranked fresh_first = rank(db, "storm coast", true);
  CHECK(fresh_first.ids == std::vector<std::string>{"fresh", "old"});
}

TEST_CASE("a developing story's latest report overtakes a slightly more relevant older one",
          "[recency]") {
  // The older report says "storm" once more; the latest is two weeks newer.
  const Archive archive({
      make("day-1", "Storm nears the coast", "The storm brought rain. The storm grew.",
           "2024-06-16"),
      make("day-15", "Storm nears the coast", "The storm brought rain. Winds grew.", "2024-06-30"),
  });
  const Xapian::Database db = archive.open();
  const Ranked plain = rank(db, "storm", false);
  REQUIRE(plain.ids.front() == "day-1");
  CHECK(rank(db, "storm", true).ids.front() == "day-15");
}

TEST_CASE("a very relevant old article still beats a barely matching new one", "[recency]") {
  const Archive archive({
      make("analysis", "Storm season: how the storm defences failed",
           "The storm surge broke the storm wall. Storm warnings came late.", "2024-03-01"),
      make("passing", "Cabinet meets on budget",
           "Ministers discussed the budget, roads, schools, hospitals, water supply, "
           "rail links, tourism, trade and, briefly, last winter's storm.",
           "2024-06-30"),
  });
  const Xapian::Database db = archive.open();
  const Ranked ranked = rank(db, "storm", true);
  REQUIRE(ranked.ids.size() == 2);
  CHECK(ranked.ids[0] == "analysis");
  // The new article did get the full bonus; it was not enough.
  CHECK(weight_of(ranked, "passing") - weight_of(rank(db, "storm", false), "passing") ==
        Approx(ranked.model.max_bonus));
}

TEST_CASE("a longer half-life lets an older, more relevant article keep its lead", "[recency]") {
  const Archive archive({
      make("older-stronger", "Flood in Kelantan", "Flood waters rose. The flood spread.",
           "2024-06-09"),
      make("newer-weaker", "Flood in Kelantan", "Flood waters rose. Rain continued.", "2024-06-30"),
  });
  const Xapian::Database db = archive.open();
  const Ranked plain = rank(db, "flood", false);
  REQUIRE(plain.ids.front() == "older-stronger");
  // The premise of the test: the relevance gap lies between what a 21-day
  // age difference costs with a 7-day half-life and with a 1-year one.
  const double gap = weight_of(plain, "older-stronger") - weight_of(plain, "newer-weaker");
  const double bonus = rank(db, "flood", true).model.max_bonus;
  REQUIRE(gap < bonus * (1 - std::exp2(-21.0 / 7.0)));
  REQUIRE(gap > bonus * (1 - std::exp2(-21.0 / 365.0)));

  CHECK(rank(db, "flood", true, 7.0).ids.front() == "newer-weaker");
  CHECK(rank(db, "flood", true, 365.0).ids.front() == "older-stronger");
}

TEST_CASE("articles without a date get no bonus", "[recency]") {
  const Archive archive({
      make("undated", "Storm hits the coast", "Residents fled the storm.", ""),
      make("dated", "Storm hits the coast", "Residents fled the storm.", "2024-06-20"),
  });
  const Xapian::Database db = archive.open();
  const Ranked plain = rank(db, "storm", false);
  for (const bool columns : {false, true}) {
    CAPTURE(columns);
    const Ranked blended = rank(db, "storm", true, 7.0, columns);
    CHECK(weight_of(blended, "undated") == weight_of(plain, "undated"));
    const double day = double(schema::days_since_epoch("2024-06-20"));
    CHECK(weight_of(blended, "dated") ==
          Approx(weight_of(plain, "dated") + freshness_bonus(day, blended.model)));
    CHECK(blended.ids == std::vector<std::string>{"dated", "undated"});
  }
}

TEST_CASE("the freshness model is anchored on the newest article", "[recency]") {
  const Archive archive({});
  const Xapian::Database db = archive.open();
  const FreshnessModel model = make_freshness_model(db, 8.0, 7.0);
  CHECK(model.anchor_day == double(schema::days_since_epoch("2024-06-30")));
  CHECK(model.max_bonus == Approx(8.0 * kFreshnessShare));
  CHECK(freshness_bonus(model.anchor_day, model) == Approx(model.max_bonus));
  CHECK(freshness_bonus(model.anchor_day - 7, model) == Approx(model.max_bonus / 2));
  CHECK(freshness_bonus(model.anchor_day - 21, model) == Approx(model.max_bonus / 8));
  // Nothing is fresher than the anchor.
  CHECK(freshness_bonus(model.anchor_day + 30, model) == Approx(model.max_bonus));

  for (const double bad : {0.0, -7.0, std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity()}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(make_freshness_model(db, 8.0, bad), std::invalid_argument);
  }
}

TEST_CASE("without query words, recency ranks newest first and undated last", "[recency]") {
  const Archive archive({make("undated", "Notice", "A notice.", "")});
  const Xapian::Database db = archive.open();
  for (const bool columns : {false, true}) {
    CAPTURE(columns);
    CHECK(rank(db, "", true, 7.0, columns).ids ==
          std::vector<std::string>{"bg-1", "bg-2", "bg-3", "bg-5", "bg-4", "undated"});
  }
}

TEST_CASE("a database without dates ranks by relevance alone", "[recency]") {
  test::TempDir dir;
  test::write_articles(
      dir.file("db"), {make("a", "Storm", "Storm storm.", ""), make("b", "Storm", "A storm.", "")});
  const Xapian::Database db(dir.file("db"));
  const Xapian::Query relevance = parse(db, "storm");
  const FreshnessModel model = make_freshness_model(db, 5.0, 7.0);
  CHECK(model.max_bonus == 0);
  CHECK(with_freshness(relevance, model).get_description() == relevance.get_description());
  CHECK(rank(db, "storm", true).ids == rank(db, "storm", false).ids);
}

TEST_CASE("the freshness posting source survives serialisation and bounds its weights",
          "[recency]") {
  const Archive archive({
      make("x", "Storm", "Storm.", "2024-06-25"),
      make("y", "Storm", "Storm.", "2020-01-01"),
  });
  const Xapian::Database db = archive.open();
  FreshnessModel model;
  model.anchor_day = double(schema::days_since_epoch("2024-06-30"));
  model.half_life_days = 3.5;
  model.max_bonus = 2.75;
  const FreshnessPostingSource source(model);

  std::unique_ptr<Xapian::PostingSource> copy(source.unserialise(source.serialise()));
  REQUIRE(copy->name() == source.name());
  const auto& restored = dynamic_cast<const FreshnessPostingSource&>(*copy).model();
  CHECK(restored.anchor_day == model.anchor_day);
  CHECK(restored.half_life_days == model.half_life_days);
  CHECK(restored.max_bonus == model.max_bonus);
  CHECK(copy->get_description() == source.get_description());

  std::unique_ptr<Xapian::PostingSource> clone(source.clone());
  CHECK(clone->serialise() == source.serialise());

  CHECK_THROWS_AS(source.unserialise("\x09garbage"), Xapian::SerialisationError);
  CHECK_THROWS_AS(source.unserialise(source.serialise() + "x"), Xapian::SerialisationError);
  CHECK_THROWS_AS(source.unserialise(""), Xapian::SerialisationError);

  // Both ways of reading day numbers visit the same articles with the same
  // weights, never above the bound.
  FreshnessPostingSource from_columns(model, std::make_shared<const ValueColumns>(db));
  from_columns.init(db);
  CHECK(from_columns.reads_columns());
  clone->init(db);
  CHECK(clone->get_maxweight() == model.max_bonus);
  CHECK(from_columns.get_maxweight() == model.max_bonus);
  Xapian::doccount visited = 0;
  for (clone->next(0), from_columns.next(0); !clone->at_end();
       clone->next(0), from_columns.next(0)) {
    ++visited;
    REQUIRE_FALSE(from_columns.at_end());
    CHECK(from_columns.get_docid() == clone->get_docid());
    CHECK(from_columns.get_weight() == clone->get_weight());
    CHECK(clone->get_weight() <= clone->get_maxweight());
    CHECK(clone->get_weight() > 0);
  }
  CHECK(from_columns.at_end());
  CHECK(visited == db.get_value_freq(schema::slot::kDayNumber));

  // Asking for a minimum weight skips the articles too old to reach it,
  // and only those.
  const double two_weeks = freshness_bonus(model.anchor_day - 14, model);
  for (Xapian::PostingSource* s : {static_cast<Xapian::PostingSource*>(clone.get()),
                                   static_cast<Xapian::PostingSource*>(&from_columns)}) {
    s->init(db);
    Xapian::doccount strong = 0;
    for (s->next(two_weeks); !s->at_end(); s->next(two_weeks)) {
      CHECK(s->get_weight() >= two_weeks);
      ++strong;
    }
    CHECK(strong == 2);  // bg-1 and x; the others are older than two weeks
  }
}

// Brute force on a real corpus: the plain relevance of every match plus the
// bonus from the formula, sorted, must be what the matcher returns.
class ReutersSample {
 public:
  ReutersSample() {
    // Every 14th story spreads the sample over the collection's whole span
    // (February to October 1987).
    const auto articles =
        test::read_corpus_sample(test::shared_corpus("reuters21578/docs.jsonl"), 1500, 14);
    REQUIRE(articles.size() >= 1490);
    test::write_articles(dir_.file("db"), articles);
  }
  Xapian::Database open() const { return Xapian::Database(dir_.file("db")); }

 private:
  test::TempDir dir_;
};

// The matcher's top 10 for relevance blended with this model.
Ranked rank_blended(const Xapian::Database& db, const std::string& text,
                    const FreshnessModel& model, bool columns) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(RankingConfig{}));
  std::shared_ptr<const ValueColumns> loaded;
  if (columns) loaded = std::make_shared<const ValueColumns>(db);
  enquire.set_query(with_freshness(parse(db, text), model, loaded));
  Ranked ranked;
  ranked.model = model;
  const Xapian::MSet mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    ranked.ids.push_back(id_of(it.get_document()));
    ranked.weights.push_back(it.get_weight());
  }
  return ranked;
}

TEST_CASE("recency ranking equals a brute-force reference on a Reuters sample",
          "[recency][corpus]") {
  const ReutersSample sample;
  const Xapian::Database db = sample.open();
  const char* queries[] = {"oil prices",          "bank interest rates", "coffee",
                           "trade deficit japan", "wheat exports",       "gold",
                           "shares rose",         "opec output quota",   "dollar yen"};
  // Shares of the query's weight bound for B: the default, and one so large
  // that the page needs more than relevance can give, which makes the
  // matcher ask the bonus for a minimum weight and skip old articles.
  for (const double share : {kFreshnessShare, 3.0}) {
    for (const bool columns : {false, true}) {
      for (const double half_life : {7.0, 30.0, 2.0}) {
        for (const char* query : queries) {
          CAPTURE(query, half_life, columns, share);
          Xapian::Enquire enquire(db);
          enquire.set_weighting_scheme(*make_weight(RankingConfig{}));
          enquire.set_query(parse(db, query));
          const Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
          REQUIRE(all.size() >= 10);
          FreshnessModel model = make_freshness_model(db, all.get_max_possible(), half_life);
          model.max_bonus = share * all.get_max_possible();
          const Ranked ranked = rank_blended(db, query, model, columns);

          struct Scored {
            double weight;
            Xapian::docid did;
            std::string id;
          };
          std::vector<Scored> reference;
          for (auto it = all.begin(); it != all.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            const std::string day = doc.get_value(schema::slot::kDayNumber);
            const double bonus =
                day.empty() ? 0.0 : freshness_bonus(Xapian::sortable_unserialise(day), model);
            reference.push_back(Scored{it.get_weight() + bonus, *it, id_of(doc)});
          }
          std::sort(reference.begin(), reference.end(), [](const Scored& a, const Scored& b) {
            return a.weight != b.weight ? a.weight > b.weight : a.did < b.did;
          });
          REQUIRE(ranked.ids.size() == 10);
          for (std::size_t i = 0; i < 10; ++i) {
            CAPTURE(i);
            CHECK(ranked.weights[i] == Approx(reference[i].weight).epsilon(1e-12));
            if (ranked.ids[i] != reference[i].id) {
              // Only equal scores may come in another order.
              const bool tied = (i > 0 && reference[i - 1].weight == Approx(reference[i].weight)) ||
                                reference[i + 1].weight == Approx(reference[i].weight);
              CHECK(tied);
            }
          }
        }
      }
    }
  }
}

TEST_CASE("apply_freshness sets B to the share of the query's weight bound", "[recency]") {
  const Archive archive({make("storm", "Storm hits the coast", "Residents fled.", "2024-06-01")});
  const Xapian::Database db = archive.open();
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(*make_weight(RankingConfig{}));
  enquire.set_query(parse(db, "storm prices"));
  const double bound = enquire.get_mset(0, 0).get_max_possible();
  REQUIRE(bound > 0);
  const FreshnessModel model = apply_freshness(enquire, db, 7.0);
  CHECK(model.max_bonus == Approx(kFreshnessShare * bound));
  CHECK(model.anchor_day ==
        Xapian::sortable_unserialise(db.get_value_upper_bound(schema::slot::kDayNumber)));
  CHECK(enquire.get_query().get_description().find("FreshnessPostingSource") != std::string::npos);
}

TEST_CASE("recency changes the order of real results, towards newer stories", "[recency][corpus]") {
  const ReutersSample sample;
  const Xapian::Database db = sample.open();
  Analyzer analyzer;
  int changed = 0;
  double plain_age = 0, blended_age = 0;
  for (const char* query : {"oil prices", "coffee", "wheat exports", "gold", "dollar yen"}) {
    const Ranked plain = rank(db, query, false);
    const Ranked blended = rank(db, query, true);
    if (plain.ids != blended.ids) ++changed;
    auto mean_age = [&](const Ranked& r) {
      double sum = 0;
      for (const auto& id : r.ids) {
        Xapian::PostingIterator p = db.postlist_begin(schema::id_term(id));
        const std::string day = db.get_document(*p).get_value(schema::slot::kDayNumber);
        sum += blended.model.anchor_day - Xapian::sortable_unserialise(day);
      }
      return sum / r.ids.size();
    };
    plain_age += mean_age(plain);
    blended_age += mean_age(blended);
  }
  CHECK(changed >= 4);
  CHECK(blended_age < plain_age);
}

}  // namespace
}  // namespace berita
