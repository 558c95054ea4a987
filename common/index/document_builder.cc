#include "index/document_builder.h"

#include "index/near_duplicate_linker.h"
#include "schema/schema.h"
#include "text/utf8.h"

namespace berita {
namespace {

// Xapian refuses terms longer than this many bytes.
constexpr std::size_t kMaxTermBytes = 240;

void add_boolean(Xapian::Document& doc, std::string term) {
  if (term.size() > kMaxTermBytes) term.resize(kMaxTermBytes);
  doc.add_boolean_term(term);
}

}  // namespace

Xapian::Document build_document(const Article& article, Analyzer& analyzer) {
  return build_document(article, analyzer, ArticleCodec());
}

Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const ArticleCodec& codec) {
  Xapian::Document doc;
  analyzer.index_text(article, doc);

  add_boolean(doc, schema::id_term(article.id));
  if (!article.source.empty()) {
    add_boolean(doc, schema::source_term(article.source));
    doc.add_value(schema::slot::kSource, slugify(article.source));
  }
  for (const auto& category : article.categories) {
    add_boolean(doc, schema::category_term(category));
  }
  if (!article.categories.empty()) {
    doc.add_value(schema::slot::kCategory, slugify(article.categories.front()));
  }
  if (!article.lang.empty()) {
    add_boolean(doc, schema::lang_term(article.lang));
    doc.add_value(schema::slot::kLang, article.lang);
  }
  if (!article.date.empty()) {
    const std::string ymd = schema::date_slot_value(article.date);
    doc.add_value(schema::slot::kDate, ymd);
    doc.add_value(schema::slot::kDayNumber,
                  Xapian::sortable_serialise(static_cast<double>(schema::days_since_epoch(article.date))));
    add_boolean(doc, schema::prefix::kYear + ymd.substr(0, 4));
    add_boolean(doc, schema::prefix::kMonth + ymd.substr(0, 6));
    add_boolean(doc, schema::prefix::kDay + ymd);
  }
  // The linker finds near-duplicate candidates through these keys; it adds
  // the cluster key itself once it has seen the other articles.
  if (const auto sketch = article_sketch(article)) {
    doc.add_value(schema::slot::kNearDuplicateBands, encode_band_keys(band_keys(*sketch)));
  }
  store_article(doc, codec.encode(article));
  return doc;
}

}  // namespace berita
