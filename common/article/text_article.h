// Plain-text article files: an optional header block of "Key: value" lines
// (Id, Date, Source, Category, Lang, URL, Byline) ended by a blank line, then
// the headline on its own line, then the story (see structure.h).
#ifndef BERITA_ARTICLE_TEXT_ARTICLE_H
#define BERITA_ARTICLE_TEXT_ARTICLE_H

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "article/article.h"
#include "article/furniture.h"
#include "article/parse_error.h"

namespace berita {

// content must be valid UTF-8 with LF line ends. default_id is used unless
// the header names an Id. Problems that do not stop the article (a bad date)
// are appended to warnings; the article is returned without that field.
std::variant<Article, ParseError> parse_text_article(std::string_view content,
                                                     const std::string& file_name,
                                                     const std::string& default_id,
                                                     const PageFurniture& furniture,
                                                     std::vector<ParseError>& warnings);

}  // namespace berita

#endif
