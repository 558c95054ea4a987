// Near-duplicate linking at index time: band keys in every document, and
// clusters formed in update mode (before each commit) and in rebuild mode
// (across shards), checked through the real database.
#include "index/near_duplicate_linker.h"

#include <xapian.h>

#include <catch2/catch.hpp>
#include <iterator>
#include <sstream>
#include <nlohmann/json.hpp>
#include <algorithm>
#include <map>
#include <set>

#include "index/article_codec.h"
#include "index/document_builder.h"
#include "index/indexer.h"
#include "index/report_json.h"
#include "index/stored_article.h"
#include "schema/schema.h"
#include "support/test_support.h"

namespace berita {
namespace {

// A wire story and two outlets' lightly edited copies of it, written for
// this test: a changed headline, numbers written differently, a sentence cut,
// a dateline and a sign-off added.
const std::string kWireTitle = "Palm oil exports climb as Indian buyers return";
const std::string kWireBody =
    "Malaysian palm oil exports rose 14 per cent in the first twenty days of August compared "
    "with the same period last month, cargo surveyors said on Tuesday, as buyers in India "
    "returned to the market after a cut in import duties. Shipments to India almost doubled to "
    "three hundred and ten thousand tonnes, while purchases by China and the European Union "
    "were little changed. Traders said the stronger demand helped benchmark futures on Bursa "
    "Malaysia Derivatives recover from a three-year low reached last week, although large "
    "stockpiles in Malaysia and Indonesia continued to weigh on prices. The Malaysian Palm Oil "
    "Board is expected to report next month that end-August stocks fell for the first time "
    "since March, helped by lower output in Sabah after heavy rain disrupted harvesting. "
    "Analysts cautioned that the recovery could be short-lived if soybean oil prices in "
    "Chicago kept falling, since Indian refiners switch between the two oils whenever the "
    "price gap widens. Planters are also watching the weather closely, because a dry spell "
    "in the coming months would cut yields next year.";

const std::string kEditedTitle = "Palm oil exports rise on return of Indian buyers";
const std::string kEditedBody =
    "KUALA LUMPUR: Malaysian palm oil exports rose 14 percent in the first twenty days of August "
    "compared with the same period last month, cargo surveyors said on Tuesday, as buyers in "
    "India returned to the market after a cut in import duties. Shipments to India almost "
    "doubled to 310,000 tonnes, while purchases by China and the European Union were little "
    "changed. Traders said the stronger demand helped benchmark futures on Bursa Malaysia "
    "Derivatives recover from a three-year low reached last week, although large stockpiles in "
    "Malaysia and Indonesia continued to weigh on prices. The Malaysian Palm Oil Board is "
    "expected to report next month that end-August stocks fell for the first time since March, "
    "helped by lower output in Sabah after heavy rain disrupted harvesting. Analysts cautioned "
    "that the recovery could be short-lived if soybean oil prices in Chicago kept falling, "
    "since Indian refiners switch between the two oils whenever the price gap widens. Planters "
    "are also watching the weather closely, because a dry spell in the coming months would cut "
    "yields next year. - Bernama";

const std::string kThirdTitle = "Indian demand lifts Malaysian palm oil shipments";
const std::string kThirdBody =
    "Malaysian palm oil exports rose 14 per cent in the first twenty days of August compared "
    "with the same period last month, cargo surveyors said on Tuesday, as buyers in India "
    "returned to the market after a cut in import duties. Shipments to India almost doubled to "
    "three hundred and ten thousand tonnes, while purchases by China and the European Union "
    "were little changed. Traders said the stronger demand helped benchmark futures on Bursa "
    "Malaysia Derivatives recover from a three-year low reached last week, although large "
    "stockpiles in Malaysia and Indonesia continued to weigh on prices. The Malaysian Palm Oil "
    "Board is expected to report next month that end-August stocks fell for the first time "
    "since March, helped by lower output in Sabah after heavy rain disrupted harvesting. "
    "Analysts cautioned that the recovery could be short-lived if soybean oil prices kept "
    "falling, since refiners switch between the two oils whenever the price gap widens. "
    "Planters are also watching the weather closely.";

// A different story on the same topic, with many of the same words.
const std::string kSameTopicTitle = "Palm oil stocks fall as output slows in Sabah";
const std::string kSameTopicBody =
    "Malaysia's palm oil stockpiles fell for the first time in six months in August as heavy "
    "rain in Sabah and Sarawak slowed harvesting and exports to India picked up, the Malaysian "
    "Palm Oil Board said on Monday. End-month stocks dropped 6 per cent to 2.3 million tonnes, "
    "below the forecasts of most analysts polled by the industry, while crude palm oil "
    "production declined for a second month. Planters said labour shortages on estates in "
    "Johor and Pahang had made the slowdown worse, because thousands of foreign harvesters "
    "had not returned after the festive holidays. Futures on Bursa Malaysia Derivatives "
    "climbed to a two-week high after the data, and dealers expect prices to firm further if "
    "Indonesia raises its export levy next month as officials have suggested. The board also "
    "said it would step up replanting grants for smallholders, whose ageing trees produce far "
    "less fruit than those on large estates, and repeated its call for the European Union to "
    "reconsider plans to phase out palm oil in biofuels.";

// An unrelated story, so that the database holds more than the cluster.
const std::string kOtherTitle = "Penang opens new ferry terminal";
const std::string kOtherBody =
    "The new ferry terminal at Pengkalan Sultan Abdul Halim in Butterworth opened to passengers "
    "on Saturday after two years of construction, with faster boarding gates and a covered "
    "walkway to the bus station. The operator said four new vessels would join the fleet by the "
    "end of the year, cutting the crossing to George Town to fifteen minutes, and that fares "
    "would stay unchanged for commuters who use the monthly pass.";

struct Story {
  std::string id;
  std::string title;
  std::string body;
  std::string date;
};

// Reposts appear the same day or the next (NearDuplicateOptions::max_days_apart).
const Story kWire{"wire", kWireTitle, kWireBody, "2018-08-21"};
const Story kEdited{"edited", kEditedTitle, kEditedBody, "2018-08-22"};
const Story kThird{"third", kThirdTitle, kThirdBody, "2018-08-22"};
const Story kSameTopic{"same-topic", kSameTopicTitle, kSameTopicBody, "2018-09-10"};
const Story kOther{"other", kOtherTitle, kOtherBody, "2018-08-21"};

std::string jsonl(const std::vector<Story>& stories) {
  std::string out;
  for (const auto& story : stories) {
    out += nlohmann::json{{"id", story.id},     {"title", story.title}, {"body", story.body},
                          {"date", story.date}, {"source", "Test"},     {"lang", "en"}}
               .dump() +
           "\n";
  }
  return out;
}

IndexerConfig config_for(const std::string& db, const std::string& input, bool rebuild) {
  IndexerConfig config;
  config.db_path = db;
  config.inputs = {input};
  config.rebuild = rebuild;
  config.parallel.threads = 3;
  config.writer.batch_size = 2;  // several commits, so links cross batches
  return config;
}

IndexReport index(const test::TempDir& dir, const std::vector<Story>& stories, bool rebuild) {
  static int inputs = 0;
  const std::string input = dir.write("in" + std::to_string(++inputs) + ".jsonl", jsonl(stories));
  IndexObserver quiet;
  return run_indexer(config_for(dir.file("db"), input, rebuild), quiet);
}

// The cluster key stored with the article with this id ("" = none).
std::string key_of(const Xapian::Database& db, const std::string& id) {
  const auto it = db.postlist_begin(schema::id_term(id));
  REQUIRE(it != db.postlist_end(schema::id_term(id)));
  return db.get_document(*it).get_value(schema::slot::kCluster);
}

// Ids of the articles listed under a cluster key's term.
std::set<std::string> members_of(const Xapian::Database& db, const std::string& key) {
  std::set<std::string> ids;
  const std::string term = schema::prefix::kCluster + key;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    ids.insert(ArticleCodec::for_database(db).decode_summary(db.get_document(*it)).id);
  }
  return ids;
}

std::size_t cluster_terms(const Xapian::Database& db) {
  std::size_t count = 0;
  const std::string prefix = schema::prefix::kCluster;
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) ++count;
  return count;
}

double similarity(const Story& a, const Story& b) {
  Article first;
  first.title = a.title;
  first.paragraphs = {a.body};
  Article second;
  second.title = b.title;
  second.paragraphs = {b.body};
  return estimated_similarity(*article_sketch(first), *article_sketch(second));
}

TEST_CASE("the sample stories are what the tests assume", "[index][near_duplicate]") {
  // Guards the fixtures: if an edit moved a pair across the threshold, the
  // tests below would test nothing.
  CHECK(similarity(kWire, kEdited) >= 0.75);
  CHECK(similarity(kWire, kThird) >= 0.75);
  CHECK(similarity(kEdited, kThird) >= 0.75);
  CHECK(similarity(kWire, kSameTopic) < 0.2);
  CHECK(similarity(kEdited, kSameTopic) < 0.2);
}

TEST_CASE("band keys come from headline and body and survive storing the article",
          "[index][near_duplicate]") {
  Article article;
  article.id = "wire";
  article.title = kWireTitle;
  article.paragraphs = {kWireBody};
  Analyzer analyzer{AnalyzerConfig{}};
  const Xapian::Document doc = build_document(article, analyzer);
  const auto stored = decode_band_keys(doc.get_value(schema::slot::kNearDuplicateBands));
  REQUIRE(stored);
  const MinHashSketch sketch = *article_sketch(ArticleCodec().decode(doc));
  CHECK(*stored == band_keys(sketch));
  // Each key is its band's hash, so equal bands give equal keys.
  const auto hashes = lsh_band_hashes(sketch);
  for (std::size_t band = 0; band < kLshBands; ++band) {
    CHECK((*stored)[band] == static_cast<std::uint32_t>(hashes[band]));
  }
  CHECK(doc.get_value(schema::slot::kCluster).empty());
  // No band terms any more: nothing in the term list names a band.
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    CHECK((*it).compare(0, 3, "XND") != 0);
  }

  Article brief;
  brief.id = "brief";
  brief.title = "Ringgit opens higher";
  brief.paragraphs = {"The ringgit opened higher against the US dollar on Monday."};
  const Xapian::Document short_doc = build_document(brief, analyzer);
  CHECK(short_doc.get_value(schema::slot::kNearDuplicateBands).empty());
}

TEST_CASE("band keys round-trip through their value, and other lengths are refused",
          "[index][near_duplicate]") {
  BandKeys keys{};
  for (std::size_t band = 0; band < kLshBands; ++band) {
    keys[band] = static_cast<std::uint32_t>(0x9E3779B9u * (band + 1));
  }
  keys[0] = 0;
  keys[1] = 0xFFFFFFFFu;
  const std::string value = encode_band_keys(keys);
  CHECK(value.size() == 4 * kLshBands);
  // Little endian: the first band's lowest byte comes first.
  CHECK(value.substr(4, 4) == std::string(4, '\xFF'));
  CHECK(static_cast<unsigned char>(value[8]) == ((0x9E3779B9u * 3) & 0xFF));
  const auto back = decode_band_keys(value);
  REQUIRE(back);
  CHECK(*back == keys);
  CHECK_FALSE(decode_band_keys(""));
  CHECK_FALSE(decode_band_keys(value.substr(1)));
  CHECK_FALSE(decode_band_keys(value + "x"));
}

TEST_CASE("update mode links a lightly edited repost but not a story on the same topic",
          "[index][near_duplicate]") {
  test::TempDir dir;
  const IndexReport report = index(dir, {kOther, kWire, kSameTopic, kEdited}, false);
  Xapian::Database db(dir.file("db"));
  // The earliest article names the cluster.
  CHECK(key_of(db, "wire") == "wire");
  CHECK(key_of(db, "edited") == "wire");
  CHECK(key_of(db, "same-topic").empty());
  CHECK(key_of(db, "other").empty());
  CHECK(members_of(db, "wire") == std::set<std::string>{"wire", "edited"});
  CHECK(cluster_terms(db) == 1);
  CHECK(report.near_duplicates_linked == 2);
  CHECK(report.near_duplicate_clusters == 1);
}

TEST_CASE("three copies make one cluster of three, in update and in rebuild mode",
          "[index][near_duplicate]") {
  const bool rebuild = GENERATE(false, true);
  test::TempDir dir;
  const IndexReport report =
      index(dir, {kThird, kOther, kEdited, kSameTopic, kWire}, rebuild);
  Xapian::Database db(dir.file("db"));
  // A rebuild names the cluster after its earliest article. An update
  // committed "edited" and "third" as a cluster before the earlier "wire"
  // arrived, and a key once given does not change.
  const std::string key = rebuild ? "wire" : "edited";
  CHECK(key_of(db, "third") == key);
  CHECK(key_of(db, "edited") == key);
  CHECK(key_of(db, "wire") == key);
  CHECK(key_of(db, "same-topic").empty());
  CHECK(members_of(db, key) == std::set<std::string>{"wire", "edited", "third"});
  CHECK(cluster_terms(db) == 1);
  CHECK(report.near_duplicates_linked == 3);
  CHECK(report.near_duplicate_clusters == 1);
  CHECK(report.mode == (rebuild ? "rebuild" : "update"));
}

TEST_CASE("a later copy added incrementally joins the existing cluster", "[index][near_duplicate]") {
  const bool first_by_rebuild = GENERATE(false, true);
  test::TempDir dir;
  index(dir, {kWire, kEdited, kSameTopic}, first_by_rebuild);
  const IndexReport later = index(dir, {kOther, kThird}, false);
  Xapian::Database db(dir.file("db"));
  CHECK(key_of(db, "third") == "wire");
  CHECK(members_of(db, "wire") == std::set<std::string>{"wire", "edited", "third"});
  CHECK(key_of(db, "same-topic").empty());
  CHECK(later.near_duplicates_linked == 1);  // only the new copy was written
  CHECK(later.near_duplicate_clusters == 1);
}

TEST_CASE("an article replaced with other text leaves its cluster, and a lone member is unlinked",
          "[index][near_duplicate]") {
  test::TempDir dir;
  index(dir, {kWire, kEdited, kOther}, false);
  Story rewritten = kSameTopic;
  rewritten.id = "edited";
  index(dir, {rewritten}, false);
  Xapian::Database db(dir.file("db"));
  CHECK(key_of(db, "edited").empty());
  CHECK(key_of(db, "wire").empty());
  CHECK(cluster_terms(db) == 0);
}

TEST_CASE("deleting one of two copies unlinks the other", "[index][near_duplicate]") {
  test::TempDir dir;
  index(dir, {kWire, kEdited}, false);
  IndexerConfig takedown = config_for(dir.file("db"), dir.write("none.jsonl", ""), false);
  takedown.inputs.clear();
  takedown.delete_ids = {"wire"};
  IndexObserver quiet;
  run_indexer(takedown, quiet);
  Xapian::Database db(dir.file("db"));
  CHECK(key_of(db, "edited").empty());
  CHECK(cluster_terms(db) == 0);
}

TEST_CASE("re-indexing unchanged articles keeps their cluster key", "[index][near_duplicate]") {
  test::TempDir dir;
  index(dir, {kWire, kEdited, kThird}, false);
  const IndexReport again = index(dir, {kEdited, kWire, kThird}, false);
  CHECK(again.replaced == 3);
  Xapian::Database db(dir.file("db"));
  CHECK(members_of(db, "wire") == std::set<std::string>{"wire", "edited", "third"});
  CHECK(cluster_terms(db) == 1);
}

TEST_CASE("a key that still names another cluster is not given to a new one",
          "[index][near_duplicate]") {
  test::TempDir dir;
  index(dir, {kWire, kEdited, kThird}, false);
  // "wire" now carries another story; its old copies stay clustered under
  // the name "wire". A copy of the new text must not join them by name.
  Story replaced = kSameTopic;
  replaced.id = "wire";
  replaced.date = "2018-08-01";
  Story copy = kSameTopic;
  copy.id = "copy";
  copy.date = replaced.date;
  copy.body += " Reporting by the business desk.";
  index(dir, {replaced, copy}, false);
  Xapian::Database db(dir.file("db"));
  CHECK(members_of(db, "wire") == std::set<std::string>{"edited", "third"});
  CHECK(key_of(db, "wire") == "copy");
  CHECK(members_of(db, "copy") == std::set<std::string>{"wire", "copy"});
}

// text with its last `fraction` of words replaced by the start of other.
std::string replace_tail(const std::string& text, const std::string& other, double fraction) {
  std::istringstream text_words(text);
  std::istringstream other_words(other);
  std::vector<std::string> words{std::istream_iterator<std::string>(text_words), {}};
  const auto keep = static_cast<std::size_t>(static_cast<double>(words.size()) * (1 - fraction));
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i];
    if (i >= keep && !(other_words >> word)) break;
    out += word + " ";
  }
  return out;
}

TEST_CASE("an article close to two clusters merges them", "[index][near_duplicate]") {
  // A story, a version whose last 30% is different, and a bridge in
  // between: the bridge is a near duplicate of both, they are not of each
  // other.
  const Story first{"p", kWireTitle, kWireBody, "2018-08-21"};
  const Story second{"q", kWireTitle, replace_tail(kWireBody, kSameTopicBody, 0.30), "2018-08-21"};
  const Story bridge{"bridge", kWireTitle, replace_tail(kWireBody, kSameTopicBody, 0.18),
                     "2018-08-21"};
  REQUIRE(similarity(first, second) < 0.65);
  REQUIRE(similarity(bridge, first) >= 0.7);
  REQUIRE(similarity(bridge, second) >= 0.7);
  Story first_copy = first;
  first_copy.id = "p-copy";
  first_copy.body += " - Bernama";
  Story second_copy = second;
  second_copy.id = "q-copy";
  second_copy.body += " - Reuters";
  const std::set<std::string> everyone{"p", "p-copy", "q", "q-copy", "bridge"};

  SECTION("update mode: the bridge arrives later") {
    test::TempDir dir;
    index(dir, {first, first_copy, second, second_copy}, false);
    {
      Xapian::Database db(dir.file("db"));
      REQUIRE(members_of(db, "p") == std::set<std::string>{"p", "p-copy"});
      REQUIRE(members_of(db, "q") == std::set<std::string>{"q", "q-copy"});
    }
    const IndexReport report = index(dir, {bridge}, false);
    Xapian::Database db(dir.file("db"));
    // Equal sizes: the smaller key wins, and the other cluster is renamed.
    CHECK(members_of(db, "p") == everyone);
    CHECK(cluster_terms(db) == 1);
    CHECK(report.near_duplicates_linked == 3);  // the bridge and the renamed pair
    CHECK(report.near_duplicate_clusters == 1);
  }
  SECTION("rebuild") {
    test::TempDir dir;
    index(dir, {first, first_copy, second, second_copy, bridge}, true);
    Xapian::Database db(dir.file("db"));
    CHECK(members_of(db, "bridge") == everyone);  // all on one day: the smallest id
    CHECK(cluster_terms(db) == 1);
  }
}

TEST_CASE("the same text a week apart is a recurring template, not a repost",
          "[index][near_duplicate]") {
  const bool rebuild = GENERATE(false, true);
  test::TempDir dir;
  Story next_week = kWire;
  next_week.id = "next-week";
  next_week.date = "2018-08-28";
  const IndexReport report = index(dir, {kWire, next_week, kOther}, rebuild);
  Xapian::Database db(dir.file("db"));
  CHECK(key_of(db, "wire").empty());
  CHECK(key_of(db, "next-week").empty());
  CHECK(report.near_duplicates_linked == 0);
}

TEST_CASE("similar articles on consecutive days do not chain into one long cluster",
          "[index][near_duplicate]") {
  const bool rebuild = GENERATE(false, true);
  test::TempDir dir;
  std::vector<Story> daily;
  for (int day = 21; day <= 24; ++day) {
    Story story = kWire;
    story.id = "day-" + std::to_string(day);
    story.date = "2018-08-" + std::to_string(day);
    daily.push_back(story);
  }
  index(dir, daily, rebuild);
  Xapian::Database db(dir.file("db"));
  std::map<std::string, std::vector<int>> days_by_key;
  for (int day = 21; day <= 24; ++day) {
    const std::string key = key_of(db, "day-" + std::to_string(day));
    if (!key.empty()) days_by_key[key].push_back(day);
  }
  CHECK_FALSE(days_by_key.empty());
  for (const auto& [key, days] : days_by_key) {
    INFO("cluster " << key);
    CHECK(days.size() >= 2);
    CHECK(*std::max_element(days.begin(), days.end()) -
              *std::min_element(days.begin(), days.end()) <=
          1);
  }
}

TEST_CASE("articles too short to compare are never linked", "[index][near_duplicate]") {
  test::TempDir dir;
  const Story brief{"brief-1", "Ringgit opens higher", "The ringgit opened higher today.",
                    "2018-08-21"};
  Story same = brief;
  same.id = "brief-2";
  const IndexReport report = index(dir, {brief, same}, false);
  Xapian::Database db(dir.file("db"));
  CHECK(key_of(db, "brief-1").empty());
  CHECK(report.near_duplicates_linked == 0);
}

TEST_CASE("the JSON report carries the linking counts and time", "[index][near_duplicate]") {
  IndexReport report;
  report.near_duplicates_linked = 7;
  report.near_duplicate_clusters = 3;
  report.phases.link = 0.5;
  const auto json = nlohmann::json::parse(report_to_json(report));
  CHECK(json["near_duplicates"]["linked"] == 7);
  CHECK(json["near_duplicates"]["clusters"] == 3);
  CHECK(json["phases_seconds"]["link"] == 0.5);
}

// A bucket of many identical articles (boilerplate) must be linked in
// linear, not quadratic, work: each document is compared with at most
// candidates_per_band others per band.
TEST_CASE("a huge bucket of identical articles is linked with bounded work",
          "[index][near_duplicate]") {
  constexpr std::size_t kCopies = 60;
  NearDuplicateOptions options;
  options.candidates_per_band = 3;
  Analyzer analyzer{AnalyzerConfig{}};
  auto copy = [&](std::size_t i) {
    Article article;
    article.id = "copy-" + std::to_string(i);
    article.title = kOtherTitle;
    article.paragraphs = {kOtherBody};
    return build_document(article, analyzer);
  };

  SECTION("update mode") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    NearDuplicateLinker linker(db, options);
    for (std::size_t i = 0; i < kCopies; ++i) {
      const Xapian::Document doc = copy(i);
      linker.note_added(db.replace_document(schema::id_term("copy-" + std::to_string(i)), doc), doc);
    }
    linker.link_pending();
    CHECK(db.get_termfreq(schema::prefix::kCluster + std::string("copy-0")) == kCopies);
    const NearDuplicateStats stats = linker.stats();
    CHECK(stats.linked == kCopies);
    CHECK(stats.clusters == 1);
    CHECK(stats.compared <= kCopies * kLshBands * options.candidates_per_band);
  }
  SECTION("rebuild mode, the copies spread over two shards") {
    test::TempDir dir;
    {
      Xapian::WritableDatabase first(dir.file("shard-0"), Xapian::DB_CREATE);
      Xapian::WritableDatabase second(dir.file("shard-1"), Xapian::DB_CREATE);
      for (std::size_t i = 0; i < kCopies; ++i) (i % 3 == 0 ? first : second).add_document(copy(i));
    }
    const NearDuplicateStats stats =
        link_near_duplicates({dir.file("shard-0"), dir.file("shard-1")}, 2, options);
    CHECK(stats.linked == kCopies);
    CHECK(stats.clusters == 1);
    CHECK(stats.compared <= kCopies * kLshBands * options.candidates_per_band);
    Xapian::Database all(dir.file("shard-0"));
    all.add_database(Xapian::Database(dir.file("shard-1")));
    CHECK(all.get_termfreq(schema::prefix::kCluster + std::string("copy-0")) == kCopies);
    CHECK(all.get_value_freq(schema::slot::kCluster) == kCopies);
  }
}

}  // namespace
}  // namespace berita
