// How a stored article (index/stored_article) is kept in its document:
// compressed with zstd, with a dictionary trained on the archive's own
// articles when the database has one, in a value slot
// (schema::slot::kStoredArticle says why not as document data).
//
// A news story is short (900 bytes on Reuters) and shares its vocabulary and
// layout with the rest of the archive. Compressed alone (zstd, or the zlib
// Xapian applies to document data) Reuters' stored articles shrink 1.6x; a
// 110 KB dictionary trained on 2,000 of them gets 2.4x over the whole
// archive (17.8 MB of articles in 7.4 MB), and decompresses in about 2 µs an
// article.
//
// A rebuild trains one dictionary from the first articles it reads and
// keeps it in the database (schema::kArticleDictionaryKey); later updates of
// that database use it too. A database built by updates alone has none and
// compresses each article alone. Each compressed article names its
// dictionary (zstd's dictionary id, 0 for none), so data and dictionary can
// never be silently mismatched. An article that would not shrink is kept as
// encode_article writes it.
//
// Thread safety: a codec is immutable once built and may be shared by
// threads; each thread uses its own zstd contexts.
#ifndef BERITA_INDEX_ARTICLE_CODEC_H
#define BERITA_INDEX_ARTICLE_CODEC_H

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "article/article.h"
#include "index/stored_article.h"

namespace Xapian {
class Database;
class Document;
}  // namespace Xapian

namespace berita {

class ArticleCodec {
 public:
  // Compresses each article alone.
  ArticleCodec() = default;
  // Throws std::invalid_argument if dictionary is not a zstd dictionary.
  explicit ArticleCodec(std::string_view dictionary);

  // The codec of a database: its dictionary, or none.
  static ArticleCodec for_database(const Xapian::Database& db);

  bool has_dictionary() const { return dictionary_ != nullptr; }
  // Empty without one.
  std::string dictionary_bytes() const;

  // Compressed, unless that is no smaller.
  std::string encode(const Article& article) const;

  // Both read either form. Throw std::runtime_error on data not written by
  // encode (or encode_article), or compressed with another dictionary.
  Article decode(std::string_view data) const;
  ArticleSummary decode_summary(std::string_view data) const;
  // The same for the article a document stores (stored_article_of).
  Article decode(const Xapian::Document& doc) const;
  ArticleSummary decode_summary(const Xapian::Document& doc) const;

 private:
  struct Dictionary;
  // The plain form of data, in scratch if it had to be decompressed.
  std::string_view plain(std::string_view data, std::string& scratch) const;

  std::shared_ptr<const Dictionary> dictionary_;
};

// Where a document keeps its stored article: schema::slot::kStoredArticle.
void store_article(Xapian::Document& doc, std::string encoded);
std::string stored_article_of(const Xapian::Document& doc);

// Minimum plain bytes of samples worth training on: below this an archive is
// small enough that compressing it does not matter, and zstd's trainer has
// too little to learn from.
inline constexpr std::size_t kMinDictionarySampleBytes = 256 * 1024;

// A dictionary trained on samples (stored articles as encode_article writes
// them), or an empty string if they are too few or training fails.
std::string train_article_dictionary(const std::vector<std::string>& samples);

}  // namespace berita

#endif
