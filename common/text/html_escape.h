// HTML escaping: the one escaper for everything Berita writes into HTML
// (snippets, search/passage.h; the search page, render/html_page.h).
#ifndef BERITA_TEXT_HTML_ESCAPE_H
#define BERITA_TEXT_HTML_ESCAPE_H

#include <string>
#include <string_view>

namespace berita {

// Appends text to out with & < > " ' replaced by &amp; &lt; &gt; &quot;
// &#39;, so the result is safe in element content and in attribute values
// quoted with either quote. Other bytes, UTF-8 included, are copied as they
// are.
void append_html_escaped(std::string& out, std::string_view text);

}  // namespace berita

#endif
