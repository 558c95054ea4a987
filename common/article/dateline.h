// Datelines: the place (and sometimes date) that opens a news story.
// Recognised forms:
//   "KUALA LUMPUR:"                      local press, alone or before text
//   "SHAH ALAM - text"                   dash form
//   "SALVADOR, Feb 26 - text"            newswire, optional "(Reuters)"
//   "KUALA LUMPUR 11 Okt. - text"        Malay press
//   "KUALA LUMPUR, 11 Okt (Bernama) --"  agency form
#ifndef BERITA_ARTICLE_DATELINE_H
#define BERITA_ARTICLE_DATELINE_H

#include <optional>
#include <string>
#include <string_view>

namespace berita {

struct Dateline {
  std::string location;  // as written, e.g. "KUALA LUMPUR"
  std::string rest;      // the text after the dateline on the same line
};

std::optional<Dateline> match_dateline(std::string_view line);

}  // namespace berita

#endif
