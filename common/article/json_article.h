// JSON Lines articles: one object per line with the corpus keys id, title,
// body, date, source, category, url, lang (standfirst, captions, location and
// byline are also accepted). The body goes through the same structure
// recognition as a text file.
#ifndef BERITA_ARTICLE_JSON_ARTICLE_H
#define BERITA_ARTICLE_JSON_ARTICLE_H

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "article/article.h"
#include "article/furniture.h"
#include "article/parse_error.h"

namespace berita {

std::variant<Article, ParseError> parse_json_article(std::string_view line,
                                                     const std::string& file_name, long line_no,
                                                     const PageFurniture& furniture,
                                                     std::vector<ParseError>& warnings);

}  // namespace berita

#endif
