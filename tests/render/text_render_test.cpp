#include "render/text_render.h"
#include "support/test_support.h"

#include <catch2/catch.hpp>
#include <sstream>

namespace berita {
namespace {

TEST_CASE("snippets are decoded for the terminal", "[render][text]") {
  CHECK(snippet_to_plain("<mark>Oil</mark> &amp; gas &lt;b&gt; &quot;x&quot; &#39;y&#39;", "[",
                         "]") == "[Oil] & gas <b> \"x\" 'y'");
}

TEST_CASE("text output lists rank, title, metadata and snippet", "[render][text]") {
  SearchResult result;
  result.query = "oil";
  result.total = 12;
  result.offset = 10;
  result.hits.push_back(berita::test::make_hit("r-1", "Oil rises", "1987-02-26", "Reuters", "", 1.5, "<mark>Oil</mark> up"));
  result.hits.push_back(berita::test::make_hit("r-2", "Undated", "", "", "", 0.25, ""));
  std::ostringstream out;
  render_text(result, out, false);
  const std::string text = out.str();
  CHECK(text.find("12 matches for 'oil', showing 11-12") == 0);
  CHECK(text.find("11. Oil rises\n   1987-02-26 | Reuters | id r-1 | score 1.500\n   [Oil] up\n") !=
        std::string::npos);
  CHECK(text.find("12. Undated\n   undated | unknown source | id r-2") != std::string::npos);
}

}  // namespace
}  // namespace berita
