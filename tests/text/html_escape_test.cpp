#include "text/html_escape.h"

#include <catch2/catch.hpp>

#include <string>

namespace berita {
namespace {

TEST_CASE("append_html_escaped, table of text and escaped text", "[text][html_escape]") {
  const struct {
    std::string text;
    std::string expected;
  } cases[] = {
      {"", ""},
      {"plain text", "plain text"},
      {"&", "&amp;"},
      {"<", "&lt;"},
      {">", "&gt;"},
      {"\"", "&quot;"},
      {"'", "&#39;"},
      {"AT&T <b>oil</b> \"deal\" isn't", "AT&amp;T &lt;b&gt;oil&lt;/b&gt; &quot;deal&quot; isn&#39;t"},
      {"&amp; is escaped again", "&amp;amp; is escaped again"},
      {"<<>>", "&lt;&lt;&gt;&gt;"},
      // UTF-8 and invalid bytes are copied as they are.
      {"caf\xC3\xA9 \xE6\x96\xB0 \xE9", "caf\xC3\xA9 \xE6\x96\xB0 \xE9"},
      {std::string("nul\0<", 5), std::string("nul\0&lt;", 8)},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    std::string out;
    append_html_escaped(out, c.text);
    CHECK(out == c.expected);
  }
}

TEST_CASE("append_html_escaped appends to what out holds", "[text][html_escape]") {
  std::string out = "<p>";
  append_html_escaped(out, "a<b");
  append_html_escaped(out, "");
  append_html_escaped(out, "&c");
  CHECK(out == "<p>a&lt;b&amp;c");
}

}  // namespace
}  // namespace berita
