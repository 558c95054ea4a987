#include "render/html_page.h"

#include <catch2/catch.hpp>

namespace berita {
namespace {

TEST_CASE("html_escape escapes markup and quotes", "[searchd][html_page]") {
  CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
  CHECK(html_escape("caf\xC3\xA9") == "caf\xC3\xA9");
}

TEST_CASE("sanitize_snippet keeps highlights and entities, escapes everything else",
          "[searchd][html_page]") {
  const std::pair<const char*, const char*> cases[] = {
      {"<mark>Alibaba</mark> opens &amp; grows", "<mark>Alibaba</mark> opens &amp; grows"},
      {"a &lt;b&gt; &#39;q&#x27;", "a &lt;b&gt; &#39;q&#x27;"},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"<mark onclick=x>", "&lt;mark onclick=x&gt;"},
      {"AT&T and & alone", "AT&amp;T and &amp; alone"},
      {"\"quoted\"", "&quot;quoted&quot;"},
  };
  for (const auto& [in, out] : cases) {
    INFO(in);
    CHECK(sanitize_snippet(in) == out);
  }
}

TEST_CASE("url_encode and search_query_string round the request into links",
          "[searchd][html_page]") {
  CHECK(url_encode("kuala lumpur&x=1") == "kuala%20lumpur%26x%3D1");
  CHECK(url_encode("articles/alibaba-kl-office", true) == "articles/alibaba-kl-office");
  CHECK(url_encode("a/b") == "a%2Fb");
  SearchRequest r;
  r.query = "oil \"prices\"";
  r.sources = {"The Star"};
  r.sort = SortOrder::kDate;
  r.from = "2018-01-01";
  r.collapse = true;  // the page's default
  CHECK(search_query_string(r, 20) ==
        "q=oil%20%22prices%22&source=The%20Star&from=2018-01-01&sort=date&offset=20");
  r.collapse = false;
  r.sort = SortOrder::kRecency;
  CHECK(search_query_string(r, 0) ==
        "q=oil%20%22prices%22&source=The%20Star&from=2018-01-01&sort=recency&collapse=0");
  SearchRequest plain;
  plain.collapse = true;
  CHECK(search_query_string(plain, 0) == "q=");
}

SearchPage page_with_hit(const std::string& title, const std::string& url) {
  SearchPage page;
  page.request.query = "alibaba";
  SearchResult result;
  result.query = "alibaba";
  result.total = 35;
  result.limit = 10;
  result.offset = 10;
  Hit hit;
  hit.id = "articles/alibaba-kl-office";
  hit.title = title;
  hit.date = "2018-07-05";
  hit.source = "Free Malaysia Today";
  hit.url = url;
  hit.snippet = "<mark>Alibaba</mark> opened an office &amp; more";
  result.hits.push_back(hit);
  page.result = result;
  return page;
}

TEST_CASE("render_search_page shows hits with highlights, metadata and paging",
          "[searchd][html_page]") {
  const std::string html =
      render_search_page(page_with_hit("Alibaba opens KL office", "https://example.com/a"));
  CHECK(html.find("<!DOCTYPE html>") == 0);
  CHECK(html.find("value=\"alibaba\"") != std::string::npos);
  CHECK(html.find("<mark>Alibaba</mark> opened an office &amp; more") != std::string::npos);
  CHECK(html.find("href=\"https://example.com/a\">Alibaba opens KL office</a>") !=
        std::string::npos);
  CHECK(html.find("2018-07-05") != std::string::npos);
  CHECK(html.find("Free Malaysia Today") != std::string::npos);
  CHECK(html.find("/doc/articles/alibaba-kl-office") != std::string::npos);
  // Page 2 of 4: previous, the numbers and next.
  CHECK(html.find("&larr; Previous") != std::string::npos);
  CHECK(html.find("<span class=\"current\">2</span>") != std::string::npos);
  CHECK(html.find("offset=30") != std::string::npos);
  CHECK(html.find("offset=40") == std::string::npos);
}

TEST_CASE("render_search_page escapes what clients and articles supply", "[searchd][html_page]") {
  SearchPage page = page_with_hit("<img src=x onerror=alert(1)>", "javascript:alert(1)");
  page.request.query = "\"><script>alert(1)</script>";
  page.request.sources = {"<b>src</b>"};
  const std::string html = render_search_page(page);
  CHECK(html.find("<script>alert") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>src") == std::string::npos);
  CHECK(html.find("javascript:") == std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
}

TEST_CASE("render_search_page shows errors and the start page", "[searchd][html_page]") {
  SearchPage error;
  error.error = "limit must be between 1 and 100";
  CHECK(render_search_page(error).find("class=\"error\"") != std::string::npos);
  SearchPage start;
  start.documents = 33;
  const std::string html = render_search_page(start);
  CHECK(html.find("Search 33 news articles") != std::string::npos);
  CHECK(html.find("class=\"hit\"") == std::string::npos);
}

}  // namespace
}  // namespace berita
