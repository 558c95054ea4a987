// Rebuilds through the library (run_indexer with rebuild set): parallel
// shards merged into one database, switched in atomically while readers
// keep searching.
#include <xapian.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <thread>

#include "e2e/reindex_support.h"
#include "index/article_codec.h"
#include "index/generations.h"
#include "index/word_keys.h"
#include "index/indexer.h"
#include "schema/schema.h"
#include "search/searcher.h"
#include "search/spelling.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

using reindex_test::jsonl;
using reindex_test::ScratchDir;

IndexerConfig rebuild_config(const std::string& db, std::vector<std::string> inputs,
                             unsigned threads = 2) {
  IndexerConfig config;
  config.db_path = db;
  config.inputs = std::move(inputs);
  config.rebuild = true;
  config.parallel.threads = threads;
  config.parallel.flush_articles = 7;  // several flushes per shard even in small tests
  return config;
}

std::vector<std::string> hit_ids(Searcher& searcher, const std::string& query) {
  SearchRequest request;
  request.query = query;
  request.snippets = false;
  std::vector<std::string> ids;
  for (const auto& hit : searcher.search(request).hits) ids.push_back(hit.id);
  return ids;
}

std::string numbered_articles(int from, int to, const std::string& word) {
  std::string out;
  for (int i = from; i < to; ++i) {
    out += jsonl("a" + std::to_string(i), "Story number " + std::to_string(i),
                 "Body of story " + std::to_string(i) + " mentions " + word + " once.");
  }
  return out;
}

TEST_CASE("a rebuild keeps one document per id, the last copy winning", "[index][rebuild]") {
  ScratchDir dir;
  const std::string first = dir.write(
      "in/1.jsonl", numbered_articles(0, 40, "alpha") + jsonl("dup", "Old headline", "old text"));
  const std::string second = dir.write(
      "in/2.jsonl", numbered_articles(20, 60, "beta") + jsonl("dup", "New headline", "new text"));
  IndexObserver quiet;
  const IndexReport report = run_indexer(rebuild_config(dir.file("db"), {first, second}, 3), quiet);
  CHECK(report.mode == "rebuild");
  CHECK(report.added == 61);     // a0..a59 and dup
  CHECK(report.replaced == 21);  // a20..a39 and dup, seen twice
  CHECK(report.doc_count == 61);
  CHECK(Xapian::Database(dir.file("db")).get_doccount() == 61);

  Searcher searcher(dir.file("db"));
  CHECK(hit_ids(searcher, "title:new") == std::vector<std::string>{"dup"});
  CHECK(hit_ids(searcher, "title:old").empty());
  CHECK(searcher.find_article("a25")->paragraphs.front().find("beta") != std::string::npos);
}

TEST_CASE("a copy of an id in a later segment replaces the one in an earlier segment",
          "[index][rebuild]") {
  ScratchDir dir;
  // Each worker starts a new segment every 4 articles, so the copies below
  // land in segments other than their first copy's.
  const std::string first = dir.write(
      "in/1.jsonl", numbered_articles(0, 30, "alpha") + jsonl("dup", "First headline", "one"));
  const std::string second = dir.write(
      "in/2.jsonl", numbered_articles(10, 20, "beta") + jsonl("dup", "Second headline", "two"));
  const std::string third = dir.write("in/3.jsonl", jsonl("dup", "Third headline", "three"));
  IndexerConfig config = rebuild_config(dir.file("db"), {first, second, third});
  config.parallel.segment_articles = 4;
  config.parallel.flush_articles = 3;
  IndexObserver quiet;
  const IndexReport report = run_indexer(config, quiet);
  CHECK(report.segments >= 10);
  CHECK(report.added == 31);     // a0..a29 and dup
  CHECK(report.replaced == 12);  // a10..a19, and dup twice
  CHECK(report.doc_count == 31);
  const Xapian::Database db(dir.file("db"));
  CHECK(db.get_doccount() == 31);
  CHECK(db.get_termfreq(schema::id_term("dup")) == 1);
  CHECK(db.get_termfreq(schema::id_term("a15")) == 1);

  Searcher searcher(dir.file("db"));
  CHECK(hit_ids(searcher, "title:third") == std::vector<std::string>{"dup"});
  CHECK(hit_ids(searcher, "title:first OR title:second").empty());
  CHECK(searcher.find_article("a15")->paragraphs.front().find("beta") != std::string::npos);
  CHECK(searcher.find_article("a5")->paragraphs.front().find("alpha") != std::string::npos);
  const Xapian::Stem english("english");
  CHECK(db.get_termfreq(schema::stemmed_term("", english, "alpha")) == 20);  // a0..a9, a20..a29
  CHECK(db.get_termfreq(schema::stemmed_term("", english, "beta")) == 10);
}

TEST_CASE("the merged database has Xapian's default blocks whatever the segments used",
          "[index][rebuild]") {
  ScratchDir dir;
  const std::string input = dir.write("in/1.jsonl", numbered_articles(0, 30, "gamma"));
  IndexerConfig config = rebuild_config(dir.file("db"), {input});
  config.parallel.segment_articles = 5;
  config.parallel.segment_block_size = 65536;
  IndexObserver quiet;
  CHECK(run_indexer(config, quiet).doc_count == 30);
  CHECK(reindex_test::postlist_block_size(dir.file("db")) == "blocksize=8K");
  const Xapian::Stem english("english");
  CHECK(Xapian::Database(dir.file("db")).get_termfreq(
            schema::stemmed_term("", english, "gamma")) == 30);
}

TEST_CASE("a block size Xapian would silently replace is refused before anything changes",
          "[index][rebuild]") {
  ScratchDir dir;
  const std::string input = dir.write("in/1.jsonl", numbered_articles(0, 3, "delta"));
  IndexObserver quiet;
  run_indexer(rebuild_config(dir.file("db"), {input}), quiet);
  for (const unsigned bad : {0u, 1024u, 3000u, 131072u}) {
    INFO(bad);
    IndexerConfig config = rebuild_config(dir.file("db"), {input});
    config.parallel.segment_block_size = bad;
    CHECK_THROWS_AS(run_indexer(config, quiet), std::invalid_argument);
  }
  CHECK(Xapian::Database(dir.file("db")).get_doccount() == 3);
}

TEST_CASE("every shard's words reach did-you-mean through the merge", "[index][rebuild]") {
  ScratchDir dir;
  std::string articles = numbered_articles(0, 30, "filler");
  // The name appears only in bodies, in articles routed to different shards.
  for (int i = 0; i < 6; ++i) {
    articles += jsonl("pm" + std::to_string(i), "Prime minister speaks",
                      "Tun Mahathir Mohamad said the economy grew.");
  }
  // Words of one bucket (all ending in -ing), each in one article only, so
  // the shards' entries for that bucket differ and must be joined.
  const char* const sports[] = {"jogging", "rowing",  "sailing", "skiing",
                                "boxing",  "fencing", "diving",  "surfing",
                                "climbing", "cycling", "hiking", "skating"};
  for (const char* sport : sports) {
    articles += jsonl(std::string("sport-") + sport, "Weekend sport",
                      std::string("Clubs reported more ") + sport + " this season.");
  }
  const std::string input = dir.write("in.jsonl", articles);
  IndexObserver quiet;
  IndexerConfig config = rebuild_config(dir.file("db"), {input}, 3);
  config.parallel.word_keys_per_commit = GENERATE(2, 100000);
  run_indexer(config, quiet);
  Xapian::Database db(dir.file("db"));
  // Exactly the input's words, each once in its own bucket of each kind:
  // none lost in the merge, no numbers.
  const std::multiset<std::string> words = {
      "body",    "boxing",   "climbing", "clubs",   "cycling", "diving",  "economy", "fencing",
      "filler",  "grew",     "hiking",   "jogging", "mahathir", "mentions", "minister", "mohamad",
      "more",    "number",   "of",       "once",    "prime",   "reported", "rowing",  "said",
      "sailing", "season",   "skating",  "skiing",  "speaks",  "sport",   "story",   "surfing",
      "the",     "this",     "tun",      "weekend"};
  std::multiset<std::string> stored_backwards;
  const std::string reversed_prefix = schema::kReversedWordKeyPrefix;
  for (auto it = db.metadata_keys_begin(reversed_prefix);
       it != db.metadata_keys_end(reversed_prefix); ++it) {
    for (const auto& reversed : decode_word_bucket(db.get_metadata(*it))) {
      CHECK(schema::word_bucket_key(reversed) == *it);
      stored_backwards.insert(reverse_code_points(reversed));
    }
  }
  std::multiset<std::string> stored_forwards;
  const std::string prefix = schema::kWordKeyPrefix;
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) {
    for (const auto& word : decode_word_bucket(db.get_metadata(*it))) {
      CHECK(schema::word_prefix_bucket_key(word) == *it);
      stored_forwards.insert(word);
    }
  }
  CHECK(stored_backwards == words);
  CHECK(stored_forwards == words);
  const Analyzer analyzer;
  CHECK(suggest_correction(db, "mahatir", analyzer) == "mahathir");  // slip late in the word
  CHECK(suggest_correction(db, "mhathir", analyzer) == "mahathir");  // slip early in the word
  CHECK(suggest_correction(db, "mohammad", analyzer) == "mohamad");
}

TEST_CASE("a rebuild compresses stored articles with a dictionary every reader uses",
          "[index][rebuild][codec]") {
  ScratchDir dir;
  // 700 Reuters stories (about 600 KB) are more than the training sample
  // needs; a wire story sent twice under two ids must still be linked.
  const std::string slice =
      reindex_test::corpus_slice(dir, "reuters21578/docs.jsonl", 0, 700, "reuters.jsonl");
  std::string wire;
  for (int sentence = 0; sentence < 12; ++sentence) {
    wire += "Sentence " + std::to_string(sentence) +
            " of the zebrafish export report names growers, ports and tonnages. ";
  }
  const std::string copies = dir.write(
      "wire.jsonl", jsonl("wire-1", "Zebrafish exports rise", wire) +
                        jsonl("wire-2", "Zebrafish exports rise sharply", wire));
  IndexObserver quiet;
  run_indexer(rebuild_config(dir.file("db"), {slice, copies}), quiet);

  Xapian::Database db(dir.file("db"));
  REQUIRE_FALSE(db.get_metadata(schema::kArticleDictionaryKey).empty());
  const ArticleCodec codec = ArticleCodec::for_database(db);
  std::size_t compressed = 0;
  std::set<std::string> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    const std::string data = stored_article_of(db.get_document(*it));
    if (!data.empty() && data[0] == '\x02') ++compressed;
    ids.insert(codec.decode(data).id);
  }
  CHECK(ids.size() == db.get_doccount());
  CHECK(compressed * 10 >= db.get_doccount() * 9);

  // What went in comes out, through the searcher's own codec.
  const std::string lines = test::read_file(slice);
  const auto first = nlohmann::json::parse(lines.substr(0, lines.find('\n')));
  Searcher searcher(dir.file("db"));
  const auto article = searcher.find_article(first.at("id").get<std::string>());
  REQUIRE(article);
  CHECK(article->title == first.at("title").get<std::string>());
  CHECK_FALSE(article->paragraphs.empty());
  SearchRequest request;
  request.query = "zebrafish";
  request.collapse = true;
  const SearchResult result = searcher.search(request);
  REQUIRE(result.hits.size() == 1);
  CHECK(result.hits[0].duplicates == 1);
  CHECK(result.hits[0].title.rfind("Zebrafish exports rise", 0) == 0);
  CHECK(result.hits[0].snippet.find("zebrafish") != std::string::npos);

  // An update of the rebuilt database writes with the same dictionary.
  IndexerConfig update;
  update.db_path = dir.file("db");
  update.inputs = {dir.write("late.jsonl", jsonl("late", "Quokka census published",
                                                 "Rangers counted quokkas on the island."))};
  run_indexer(update, quiet);
  Xapian::Database after(dir.file("db"));
  const Xapian::docid late = *after.postlist_begin(schema::id_term("late"));
  CHECK(stored_article_of(after.get_document(late))[0] == '\x02');
  Searcher fresh(dir.file("db"));
  CHECK(hit_ids(fresh, "quokka") == std::vector<std::string>{"late"});
}

TEST_CASE("a rebuild can leave out taken-down ids", "[index][rebuild]") {
  ScratchDir dir;
  const std::string input = dir.write("in.jsonl", numbered_articles(0, 10, "gamma"));
  IndexerConfig config = rebuild_config(dir.file("db"), {input});
  config.delete_ids = {"a3", "a7", "missing"};
  IndexObserver quiet;
  const IndexReport report = run_indexer(config, quiet);
  CHECK(report.deleted == 2);
  CHECK(report.doc_count == 8);
  Searcher searcher(dir.file("db"));
  CHECK_FALSE(searcher.find_article("a3"));
  CHECK(searcher.find_article("a4"));
}

TEST_CASE("a failed rebuild leaves the live database as it was", "[index][rebuild]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string good = dir.write("good.jsonl", numbered_articles(0, 12, "delta"));
  IndexObserver quiet;
  run_indexer(rebuild_config(db, {good}), quiet);
  const std::string live_before = live_generation(db);

  SECTION("no articles at all") {
    const std::string empty = dir.write("bad.jsonl", "{not json}\n");
    CHECK_THROWS_WITH(run_indexer(rebuild_config(db, {empty}), quiet),
                      Catch::Contains("refusing to replace the live database"));
  }
  SECTION("an input that does not exist") {
    CHECK_THROWS_WITH(run_indexer(rebuild_config(db, {good, dir.file("nope.jsonl")}), quiet),
                      Catch::Contains("nope.jsonl"));
  }
  SECTION("another indexer holds the database") {
    WriterLock other(db);
    CHECK_THROWS_AS(run_indexer(rebuild_config(db, {good}), quiet), IndexerBusy);
  }
  CHECK(live_generation(db) == live_before);
  CHECK(Xapian::Database(db).get_doccount() == 12);
  for (const auto& entry : fs::directory_iterator(dir.path())) {
    CHECK(entry.path().filename().string().find(".build-") == std::string::npos);
  }
}

TEST_CASE("readers keep searching through rebuilds and switch to the new data",
          "[index][rebuild][concurrency]") {
  ScratchDir dir;
  const std::string db = dir.file("db");
  const std::string bbc =
      reindex_test::corpus_slice(dir, "bbc-news/docs.jsonl", 0, 300, "bbc.jsonl");
  const std::string old_marker = dir.write("old.jsonl", jsonl("marker", "Zebulon", "zebulon"));
  const std::string new_marker = dir.write("new.jsonl", jsonl("marker", "Quixotry", "quixotry"));
  IndexObserver quiet;
  IndexerConfig first;  // a plain database from an incremental run, as a fresh install has
  first.db_path = db;
  first.inputs = {bbc, old_marker};
  run_indexer(first, quiet);

  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::atomic<long> searches{0};
  std::atomic<int> switched{0};
  std::chrono::steady_clock::time_point deadline;  // written before stop is set
  const auto reader = [&] {
    bool saw_new = false;
    try {
      Searcher searcher(db);
      // After the rebuilds, each reader goes on until it has seen the new
      // data (or a generous deadline passes, which the checks then catch).
      for (;;) {
        if (stop && (saw_new || std::chrono::steady_clock::now() > deadline)) break;
        try {
          searcher.refresh();
          if (hit_ids(searcher, "government").empty()) ++failures;
          const bool now_new = hit_ids(searcher, "quixotry").size() == 1;
          if (saw_new && !now_new) ++failures;  // never back to old data
          saw_new = saw_new || now_new;
          ++searches;
        } catch (const std::exception&) {
          ++failures;
        }
      }
    } catch (const std::exception&) {
      ++failures;
    }
    if (saw_new) ++switched;
  };
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i) readers.emplace_back(reader);

  // The first rebuild turns the plain directory into the symlink layout,
  // the second replaces one generation with another.
  run_indexer(rebuild_config(db, {bbc, old_marker}), quiet);
  run_indexer(rebuild_config(db, {bbc, new_marker}), quiet);
  deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  stop = true;
  for (auto& thread : readers) thread.join();

  CHECK(failures == 0);
  CHECK(switched == 3);
  CHECK(searches > 3);
  Searcher fresh(db);
  CHECK(hit_ids(fresh, "zebulon").empty());
  CHECK(fresh.doc_count() == 301);
}

}  // namespace
}  // namespace berita
