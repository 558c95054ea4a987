#include "article/text_article.h"

#include <optional>

#include "article/fields.h"
#include "article/structure.h"
#include "text/utf8.h"

namespace berita {
namespace {

struct HeaderField {
  std::string key;  // lower-cased
  std::string value;
};

std::optional<HeaderField> parse_header_line(std::string_view line) {
  static constexpr std::string_view kKeys[] = {"id",   "date", "source", "category", "categories",
                                               "lang", "language", "url", "byline", "author"};
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon > 12) return std::nullopt;
  const std::string key = ascii_lower(line.substr(0, colon));
  for (std::string_view known : kKeys) {
    if (key == known) return HeaderField{key, collapse_whitespace(line.substr(colon + 1))};
  }
  return std::nullopt;
}

std::string_view next_line(std::string_view content, std::size_t& pos) {
  const std::size_t end = std::min(content.find('\n', pos), content.size());
  std::string_view line = content.substr(pos, end - pos);
  pos = end + 1;
  return line;
}

bool is_blank(std::string_view line) { return collapse_whitespace(line).empty(); }

}  // namespace

std::variant<Article, ParseError> parse_text_article(std::string_view content,
                                                     const std::string& file_name,
                                                     const std::string& default_id,
                                                     const PageFurniture& furniture,
                                                     std::vector<ParseError>& warnings) {
  Article article;
  article.id = default_id;
  std::size_t pos = 0;
  long line_no = 0;
  while (pos < content.size() && is_blank(content.substr(pos, content.find('\n', pos) - pos))) {
    next_line(content, pos);
    ++line_no;
  }

  // Header block: only when the very first line is a known "Key: value".
  std::size_t peek = pos;
  if (parse_header_line(next_line(content, peek))) {
    while (pos < content.size()) {
      const std::string_view line = next_line(content, pos);
      ++line_no;
      if (is_blank(line)) break;
      const auto field = parse_header_line(line);
      if (!field) {
        return ParseError{file_name, line_no, "header line is not 'Key: value' with a known key"};
      }
      if (field->key == "id") article.id = field->value;
      if (field->key == "source") article.source = field->value;
      if (field->key == "category" || field->key == "categories") {
        article.categories = split_categories(field->value);
      }
      if (field->key == "lang" || field->key == "language") {
        article.lang = normalise_lang(field->value);
      }
      if (field->key == "url") article.url = field->value;
      if (field->key == "byline" || field->key == "author") article.byline = field->value;
      if (field->key == "date") {
        if (auto date = normalise_date(field->value)) {
          article.date = *date;
        } else {
          warnings.push_back({file_name, line_no,
                              "invalid date '" + field->value + "' ignored (expected YYYY-MM-DD)"});
        }
      }
    }
  }

  while (pos < content.size()) {
    const std::string_view line = next_line(content, pos);
    ++line_no;
    if (!is_blank(line)) {
      article.title = collapse_whitespace(line);
      break;
    }
  }
  if (article.title.empty()) return ParseError{file_name, line_no, "no headline: the file has no text"};
  if (auto problem = check_id(article.id)) return ParseError{file_name, 0, *problem};
  if (article.lang.empty()) article.lang = normalise_lang("");
  if (pos < content.size()) recognise_structure(content.substr(pos), furniture, article);
  return article;
}

}  // namespace berita
