#include "article/article.h"

#include "article/parse_error.h"

namespace berita {

std::string joined_body(const Article& article) {
  std::string body;
  for (const auto& paragraph : article.paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += paragraph;
  }
  return body;
}

std::string ParseError::describe() const {
  std::string out = file;
  if (line > 0) out += ':' + std::to_string(line);
  out += ": ";
  out += reason;
  return out;
}

}  // namespace berita
