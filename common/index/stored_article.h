// The record stored with each article: everything needed to render a
// hit or the whole article without reading the source files again.
//
// Layout: a format byte, then length-prefixed fields. The short fields a hit
// list needs (id, title, date, source, url) come first, so decode_summary
// stops before the body and result pages never parse article text they do
// not show. index/article_codec compresses it and keeps it in the document.
#ifndef BERITA_INDEX_STORED_ARTICLE_H
#define BERITA_INDEX_STORED_ARTICLE_H

#include <string>
#include <string_view>

#include "article/article.h"

namespace berita {

struct ArticleSummary {
  std::string id;
  std::string title;
  std::string date;
  std::string source;
  std::string url;
};

std::string encode_article(const Article& article);

// Both throw std::runtime_error on data not written by encode_article.
ArticleSummary decode_summary(std::string_view data);
Article decode_article(std::string_view data);

}  // namespace berita

#endif
