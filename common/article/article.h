// The Article value type: one news story after its structure was recognised.
#ifndef BERITA_ARTICLE_ARTICLE_H
#define BERITA_ARTICLE_ARTICLE_H

#include <string>
#include <vector>

namespace berita {

struct Article {
  std::string id;                       // stable unique id; the replace-by-id key
  std::string title;                    // headline
  std::string standfirst;               // one-paragraph summary under the headline
  std::vector<std::string> paragraphs;  // body, without dateline and boilerplate
  std::vector<std::string> captions;    // photo captions (credit lines removed)
  std::string location;                 // dateline place, e.g. "KUALA LUMPUR"
  std::string byline;
  std::string date;                     // YYYY-MM-DD, or empty when unknown
  std::string source;                   // outlet name as written
  std::vector<std::string> categories;
  std::string url;
  std::string lang;                     // ISO 639-1 code, e.g. "en", "ms"
};

// The body paragraphs joined by blank lines, as stored and snippeted.
std::string joined_body(const Article& article);

}  // namespace berita

#endif
