// The server-rendered search page (GET / on berita-searchd): a query box,
// filters, ranked results with highlighted snippets, and paging. Plain HTML
// forms and links with inline CSS, so it works without JavaScript.
//
// Safety: every value that came from the client or from an article is
// HTML-escaped; snippets keep only their <mark> tags; article URLs are linked
// only when they are http(s).
#ifndef BERITA_RENDER_HTML_PAGE_H
#define BERITA_RENDER_HTML_PAGE_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "query/search_request.h"
#include "search/search_result.h"

namespace berita {

struct SearchPage {
  SearchRequest request;                   // refills the form and builds the paging links
  std::optional<SearchResult> result;      // absent before the first search or on error
  std::string error;                       // shown in place of results when not empty
  std::optional<std::uint64_t> documents;  // articles in the database, for the start page
};

std::string render_search_page(const SearchPage& page);

// & < > " ' -> entities (text/html_escape.h's append_html_escaped).
std::string html_escape(std::string_view text);

// A snippet (search/snippets.h, already HTML-escaped) made safe to embed
// however it was produced: <mark> and </mark> and well-formed entities are
// kept, anything else that could be markup is escaped.
std::string sanitize_snippet(std::string_view snippet);

// Percent-encodes everything but RFC 3986 unreserved characters (and '/'
// when keep_slash is set, for paths such as /doc/articles/x).
std::string url_encode(std::string_view text, bool keep_slash = false);

// The query string ("q=...&source=...") that asks the search page for
// request again, with offset replaced. The page's default values are left
// out; collapsing is on by default there, so only collapse=0 is written.
std::string search_query_string(const SearchRequest& request, unsigned offset);

}  // namespace berita

#endif
