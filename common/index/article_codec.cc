#include "index/article_codec.h"

// fastCover with fixed parameters: the one training call that takes tens of
// milliseconds rather than hundreds (it is on a rebuild's critical path).
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>
#include <xapian.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "schema/schema.h"

namespace berita {
namespace {

// The format byte of a compressed article; plain ones start with 0x01
// (stored_article.cc).
constexpr char kCompressed = '\x02';

// Level 3 is zstd's default: level 9 saved another 6% of the data table on
// Reuters at five times the CPU, which a rebuild cannot spare.
constexpr int kLevel = 3;

// zstd's documented sweet spot ("about 100 KB"); larger dictionaries gained
// under 1% on Reuters.
constexpr std::size_t kMaxDictionaryBytes = 110 * 1024;

// A stored article is never this large (the reader caps articles far below
// it); a frame claiming more is damaged.
constexpr unsigned long long kMaxArticleBytes = 64ull << 20;

struct ContextDeleter {
  void operator()(ZSTD_CCtx* ctx) const { ZSTD_freeCCtx(ctx); }
  void operator()(ZSTD_DCtx* ctx) const { ZSTD_freeDCtx(ctx); }
};

ZSTD_CCtx* thread_compressor() {
  thread_local std::unique_ptr<ZSTD_CCtx, ContextDeleter> ctx(ZSTD_createCCtx());
  if (!ctx) throw std::bad_alloc();
  return ctx.get();
}

ZSTD_DCtx* thread_decompressor() {
  thread_local std::unique_ptr<ZSTD_DCtx, ContextDeleter> ctx(ZSTD_createDCtx());
  if (!ctx) throw std::bad_alloc();
  return ctx.get();
}

}  // namespace

struct ArticleCodec::Dictionary {
  explicit Dictionary(std::string_view dictionary) : bytes(dictionary) {
    id = ZDICT_getDictID(bytes.data(), bytes.size());
    if (id == 0) throw std::invalid_argument("not a zstd dictionary");
    decompress = ZSTD_createDDict(bytes.data(), bytes.size());
    if (decompress == nullptr) throw std::invalid_argument("unusable zstd dictionary");
  }
  ~Dictionary() {
    ZSTD_freeDDict(decompress);
    ZSTD_freeCDict(compress);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;

  // Searchers only read; the compression tables (several times the
  // dictionary's size) are built on first use.
  const ZSTD_CDict* compressor() const {
    std::call_once(compress_once, [this] {
      compress = ZSTD_createCDict(bytes.data(), bytes.size(), kLevel);
    });
    if (compress == nullptr) throw std::bad_alloc();
    return compress;
  }

  std::string bytes;
  unsigned id = 0;
  ZSTD_DDict* decompress = nullptr;
  mutable std::once_flag compress_once;
  mutable ZSTD_CDict* compress = nullptr;
};

ArticleCodec::ArticleCodec(std::string_view dictionary)
    : dictionary_(std::make_shared<const Dictionary>(dictionary)) {}

ArticleCodec ArticleCodec::for_database(const Xapian::Database& db) {
  const std::string dictionary = db.get_metadata(schema::kArticleDictionaryKey);
  return dictionary.empty() ? ArticleCodec() : ArticleCodec(dictionary);
}

std::string ArticleCodec::dictionary_bytes() const {
  return dictionary_ ? dictionary_->bytes : std::string();
}

std::string ArticleCodec::encode(const Article& article) const {
  std::string plain = encode_article(article);
  std::string out(1 + ZSTD_compressBound(plain.size()), kCompressed);
  const std::size_t n =
      dictionary_ ? ZSTD_compress_usingCDict(thread_compressor(), out.data() + 1, out.size() - 1,
                                             plain.data(), plain.size(), dictionary_->compressor())
                  : ZSTD_compressCCtx(thread_compressor(), out.data() + 1, out.size() - 1,
                                      plain.data(), plain.size(), kLevel);
  if (ZSTD_isError(n) || 1 + n >= plain.size()) return plain;
  out.resize(1 + n);
  return out;
}

std::string_view ArticleCodec::plain(std::string_view data, std::string& scratch) const {
  if (data.empty() || data[0] != kCompressed) return data;
  const std::string_view frame = data.substr(1);
  // 0: compressed alone.
  const unsigned wanted = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  if (wanted != 0 && (!dictionary_ || wanted != dictionary_->id)) {
    throw std::runtime_error("stored article is compressed with dictionary " +
                             std::to_string(wanted) + ", which " +
                             (dictionary_ ? "is not this database's (" +
                                                std::to_string(dictionary_->id) + ")"
                                          : std::string("this database does not hold")));
  }
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kMaxArticleBytes) {
    throw std::runtime_error("corrupt compressed stored article");
  }
  scratch.resize(size);
  const std::size_t n =
      wanted == 0 ? ZSTD_decompressDCtx(thread_decompressor(), scratch.data(), scratch.size(),
                                        frame.data(), frame.size())
                  : ZSTD_decompress_usingDDict(thread_decompressor(), scratch.data(),
                                               scratch.size(), frame.data(), frame.size(),
                                               dictionary_->decompress);
  if (ZSTD_isError(n) || n != size) throw std::runtime_error("corrupt compressed stored article");
  return scratch;
}

Article ArticleCodec::decode(std::string_view data) const {
  std::string scratch;
  return decode_article(plain(data, scratch));
}

ArticleSummary ArticleCodec::decode_summary(std::string_view data) const {
  std::string scratch;
  return berita::decode_summary(plain(data, scratch));
}

Article ArticleCodec::decode(const Xapian::Document& doc) const {
  return decode(stored_article_of(doc));
}

ArticleSummary ArticleCodec::decode_summary(const Xapian::Document& doc) const {
  return decode_summary(stored_article_of(doc));
}

void store_article(Xapian::Document& doc, std::string encoded) {
  doc.add_value(schema::slot::kStoredArticle, std::move(encoded));
}

std::string stored_article_of(const Xapian::Document& doc) {
  return doc.get_value(schema::slot::kStoredArticle);
}

std::string train_article_dictionary(const std::vector<std::string>& samples) {
  std::string joined;
  std::vector<std::size_t> sizes;
  for (const auto& sample : samples) {
    joined += sample;
    sizes.push_back(sample.size());
  }
  if (joined.size() < kMinDictionarySampleBytes) return {};
  // zstd's advice is samples of about 100 times the dictionary; a tenth
  // still trains well (measured on Reuters: 2,000 articles, 1.6 MB).
  std::string dictionary(std::min(kMaxDictionaryBytes, joined.size() / 10), '\0');
  ZDICT_fastCover_params_t params{};
  // Fixed rather than searched: on Reuters as good as zstd's own search of
  // k and d (7.48 against 7.52 MB) in a third of the time (65 ms).
  params.k = 200;
  params.d = 8;
  params.f = 20;
  params.steps = 0;
  params.accel = 1;
  params.splitPoint = 1.0;
  params.nbThreads = 1;
  params.zParams.compressionLevel = kLevel;
  const std::size_t n = ZDICT_trainFromBuffer_fastCover(
      dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
      static_cast<unsigned>(sizes.size()), params);
  if (ZDICT_isError(n)) return {};
  dictionary.resize(n);
  return dictionary;
}

}  // namespace berita
