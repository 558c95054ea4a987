// SearchResult -> human-readable text for the command line.
#ifndef BERITA_RENDER_TEXT_RENDER_H
#define BERITA_RENDER_TEXT_RENDER_H

#include <ostream>

#include "search/autocomplete.h"
#include "search/search_result.h"

namespace berita {

// With color set, highlights are drawn in bold; otherwise as [word].
// Snippet HTML escapes are decoded for the terminal.
void render_text(const SearchResult& result, std::ostream& out, bool color);

// One completion per line: the text, a tab, and its article count or id.
void render_completions_text(const std::vector<Completion>& completions, std::ostream& out);

// Decodes the entities snippets contain (search/snippets.h escapes with
// text/html_escape.h: &amp; &lt; &gt; &quot; &#39;) and replaces
// <mark>/</mark> by open/close.
std::string snippet_to_plain(const std::string& snippet, const std::string& open,
                             const std::string& close);

}  // namespace berita

#endif
