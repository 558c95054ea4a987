// Why one input record could not become an Article, and where it was.
#ifndef BERITA_ARTICLE_PARSE_ERROR_H
#define BERITA_ARTICLE_PARSE_ERROR_H

#include <string>

namespace berita {

struct ParseError {
  std::string file;
  long line = 0;       // 1-based; 0 when the problem concerns the whole file
  std::string reason;

  // "FILE:LINE: reason", the form every tool prints.
  std::string describe() const;
};

}  // namespace berita

#endif
