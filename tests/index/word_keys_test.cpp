// The packed reversed-word entries "did you mean" reads: their format, the
// union a rebuild's merge makes, and the bucket each word belongs to.
#include "index/word_keys.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "schema/schema.h"

namespace berita {
namespace {

TEST_CASE("a word bucket round-trips its words, sorted and each once", "[word_keys]") {
  // Reversed words, as buckets hold them: "negara", "selangor" backwards,
  // with shared and unshared beginnings, and a non-ASCII one.
  const std::vector<std::string> words = {"aragen",   "aragen",
                                          "aragenes", "rognales",
                                          std::string(255, 'z'), "\xC3\xA9t\xC3\xA9"};
  const std::string entry = encode_word_bucket(words);
  CHECK(decode_word_bucket(entry) ==
        std::vector<std::string>{"aragen", "aragenes", "rognales", std::string(255, 'z'),
                                 "\xC3\xA9t\xC3\xA9"});
  // Two length bytes a word, and only what differs from the word before:
  // "aragenes" costs its two new letters.
  CHECK(entry.size() == (2 + 6) + (2 + 2) + (2 + 8) + (2 + 255) + (2 + 5));
  CHECK(decode_word_bucket("").empty());
}

TEST_CASE("a damaged word bucket yields the words before the damage", "[word_keys]") {
  const std::string entry = encode_word_bucket({"aaa", "aab", "abc"});
  CHECK(decode_word_bucket(entry.substr(0, entry.size() - 1)) ==
        std::vector<std::string>{"aaa", "aab"});
  std::string bad = entry;
  bad[5] = '\x09';  // the second word claims 9 shared bytes of a 3-byte word
  CHECK(decode_word_bucket(bad) == std::vector<std::string>{"aaa"});
  CHECK(encode_word_bucket({std::string(256, 'x')}).empty());  // too long to store
}

TEST_CASE("merging buckets gives the union of their words", "[word_keys]") {
  const std::string a = encode_word_bucket({"gni", "gnimmiws", "gninnur"});
  const std::string b = encode_word_bucket({"gnidaer", "gninnur"});
  CHECK(decode_word_bucket(merge_word_buckets({a, b})) ==
        std::vector<std::string>{"gni", "gnidaer", "gnimmiws", "gninnur"});
  CHECK(merge_word_buckets({a}) == a);
}

TEST_CASE("a word's bucket is its first three letters backwards, counted in code points",
          "[word_keys]") {
  const std::string prefix = schema::kReversedWordKeyPrefix;
  CHECK(schema::word_bucket_key("gninnur") == prefix + "gni");
  CHECK(schema::word_bucket_key("ia") == prefix + "ia");
  // "été" backwards is "été": three code points, five bytes.
  CHECK(schema::word_bucket_key("\xC3\xA9t\xC3\xA9s") == prefix + "\xC3\xA9t\xC3\xA9");
}

TEST_CASE("a word's prefix bucket is its first three letters, counted in code points",
          "[word_keys]") {
  const std::string prefix = schema::kWordKeyPrefix;
  CHECK(schema::word_prefix_bucket_key("running") == prefix + "run");
  CHECK(schema::word_prefix_bucket_key("ia") == prefix + "ia");
  CHECK(schema::word_prefix_bucket_key("\xC3\xA9t\xC3\xA9s") == prefix + "\xC3\xA9t\xC3\xA9");
}

TEST_CASE("an update batch adds its new words to their buckets", "[word_keys]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  WordKeyCollector collector;
  collector.note({"running", "swimming", "Sheadline", "2018"});
  CHECK(collector.write(db) == 2);  // prefixed and number terms are not words
  collector.note({"running", "reading"});
  CHECK(collector.write(db) == 1);
  CHECK(decode_word_bucket(db.get_metadata(schema::word_bucket_key("gni"))) ==
        std::vector<std::string>{"gnidaer", "gnimmiws", "gninnur"});
  CHECK(decode_word_bucket(db.get_metadata(schema::word_prefix_bucket_key("run"))) ==
        std::vector<std::string>{"running"});
  CHECK(decode_word_bucket(db.get_metadata(schema::word_prefix_bucket_key("rea"))) ==
        std::vector<std::string>{"reading"});
  CHECK(db.get_metadata(schema::word_prefix_bucket_key("2018")).empty());
  CHECK(collector.write(db) == 0);
}

TEST_CASE("a rebuild segment's words go into both kinds of bucket", "[word_keys]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK(add_word_keys(db, {"running", "runner", "running", "Sheadline", "reading"}, 1) == 3);
  CHECK(decode_word_bucket(db.get_metadata(schema::word_prefix_bucket_key("run"))) ==
        std::vector<std::string>{"runner", "running"});
  CHECK(decode_word_bucket(db.get_metadata(schema::word_bucket_key("ren"))) ==
        std::vector<std::string>{"rennur"});
  CHECK(is_word_bucket_key(schema::word_prefix_bucket_key("run")));
  CHECK(is_word_bucket_key(schema::word_bucket_key("gni")));
  CHECK_FALSE(is_word_bucket_key(schema::kVersionKey));
}

}  // namespace
}  // namespace berita
