#include "article/json_article.h"

#include <nlohmann/json.hpp>

#include "article/fields.h"
#include "article/structure.h"
#include "text/utf8.h"

namespace berita {
namespace {

using nlohmann::json;

// Reads an optional string field; numbers are accepted and printed, since
// many exports write ids as numbers. Anything else is an error.
std::optional<std::string> string_field(const json& object, const char* key,
                                        std::string& error) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer() || it->is_number_unsigned()) return it->dump();
  error = std::string("field '") + key + "' must be a string";
  return std::nullopt;
}

std::vector<std::string> string_list(const json& value) {
  std::vector<std::string> out;
  if (value.is_string()) return split_categories(value.get<std::string>());
  if (!value.is_array()) return out;
  for (const auto& item : value) {
    if (item.is_string() && !item.get<std::string>().empty()) {
      out.push_back(collapse_whitespace(item.get<std::string>()));
    }
  }
  return out;
}

// Untitled wire items (Reuters' "UNPROC" stories) carry their headline as the
// body's first paragraph; take it, so the story is kept and shown by name.
// A long first paragraph is cut at a word boundary instead.
constexpr std::size_t kMaxDerivedTitleBytes = 160;

std::string take_title_from_body(std::string& body) {
  const std::size_t start = body.find_first_not_of(" \t\n");
  if (start == std::string::npos) return {};
  std::size_t end = body.find("\n\n", start);
  if (end == std::string::npos) end = body.size();
  std::string first = collapse_whitespace(std::string_view(body).substr(start, end - start));
  if (first.size() <= kMaxDerivedTitleBytes) {
    body.erase(0, end);
    return first;
  }
  std::size_t cut = first.rfind(' ', kMaxDerivedTitleBytes);
  if (cut == std::string::npos || cut == 0) cut = kMaxDerivedTitleBytes;
  while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;
  return first.substr(0, cut) + "\xE2\x80\xA6";
}

}  // namespace

std::variant<Article, ParseError> parse_json_article(std::string_view line,
                                                     const std::string& file_name, long line_no,
                                                     const PageFurniture& furniture,
                                                     std::vector<ParseError>& warnings) {
  json object = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (object.is_discarded()) return ParseError{file_name, line_no, "malformed JSON"};
  if (!object.is_object()) return ParseError{file_name, line_no, "expected a JSON object"};

  std::string error;
  Article article;
  article.id = collapse_whitespace(string_field(object, "id", error).value_or(""));
  article.title = collapse_whitespace(string_field(object, "title", error).value_or(""));
  std::string body = string_field(object, "body", error).value_or("");
  const std::string date = string_field(object, "date", error).value_or("");
  article.source = collapse_whitespace(string_field(object, "source", error).value_or(""));
  article.url = collapse_whitespace(string_field(object, "url", error).value_or(""));
  article.lang = normalise_lang(string_field(object, "lang", error).value_or(""));
  article.byline = collapse_whitespace(string_field(object, "byline", error).value_or(""));
  if (!error.empty()) return ParseError{file_name, line_no, error};
  if (auto problem = check_id(article.id)) return ParseError{file_name, line_no, *problem};
  if (article.title.empty()) article.title = take_title_from_body(body);
  if (article.title.empty()) {
    // An empty wire record still carries an id, a date and categories; keep
    // it findable by those rather than lose it, and say so.
    warnings.push_back({file_name, line_no, "no title and no body: indexed with its id as title"});
    article.title = article.id;
  }

  for (const char* key : {"category", "categories"}) {
    if (object.contains(key)) article.categories = string_list(object[key]);
  }
  if (!date.empty()) {
    if (auto normal = normalise_date(date)) {
      article.date = *normal;
    } else {
      warnings.push_back({file_name, line_no,
                          "invalid date '" + date + "' ignored (expected YYYY-MM-DD)"});
    }
  }
  recognise_structure(body, furniture, article);
  // Explicit fields win over what was recognised in the body.
  if (auto standfirst = string_field(object, "standfirst", error); standfirst && !standfirst->empty()) {
    article.standfirst = collapse_whitespace(*standfirst);
  }
  if (auto location = string_field(object, "location", error); location && !location->empty()) {
    article.location = collapse_whitespace(*location);
  }
  if (object.contains("captions")) {
    for (auto& caption : string_list(object["captions"])) article.captions.push_back(caption);
  }
  return article;
}

}  // namespace berita
