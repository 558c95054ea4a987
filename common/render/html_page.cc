#include "render/html_page.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "query/date_expression.h"
#include "search/snippets.h"
#include "text/html_escape.h"

namespace berita {
namespace {

constexpr const char* kStyle = R"css(
:root { --ink:#1d2330; --muted:#5f6b7a; --line:#e3e7ee; --accent:#b4232c; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
       color:var(--ink); background:var(--bg); }
a { color:#1f4fa8; text-decoration:none; } a:hover { text-decoration:underline; }
header { background:#fff; border-bottom:1px solid var(--line); }
.wrap { max-width:940px; margin:0 auto; padding:0 20px; }
.top { display:flex; align-items:center; gap:18px; padding:18px 0 10px; }
.brand { font:700 26px/1 Georgia,"Times New Roman",serif; color:var(--accent);
         letter-spacing:-.5px; }
.brand:hover { text-decoration:none; }
.box { flex:1; display:flex; }
.box input { flex:1; font-size:17px; padding:10px 14px; border:1px solid #c7ceda;
             border-radius:8px 0 0 8px; outline:none; }
.box input:focus { border-color:#1f4fa8; box-shadow:0 0 0 3px rgba(31,79,168,.15); }
.box button { padding:0 20px; font-size:16px; border:0; border-radius:0 8px 8px 0;
              background:var(--accent); color:#fff; cursor:pointer; }
.filters { display:flex; flex-wrap:wrap; gap:8px 12px; padding:0 0 14px; font-size:13px;
           color:var(--muted); align-items:center; }
.filters label { display:flex; align-items:center; gap:5px; }
.filters .group { display:flex; gap:8px 12px; align-items:center; }
.filters input, .filters select { font-size:13px; padding:4px 6px; border:1px solid #c7ceda;
                                  border-radius:6px; background:#fff; color:var(--ink); }
.filters input[type=text] { width:92px; }
.chip { display:inline-block; background:#eef2f8; border:1px solid #d5dceb; border-radius:12px;
        padding:0 8px; color:var(--ink); }
.chip b { color:var(--muted); font-weight:600; margin-left:4px; }
main { padding:18px 0 40px; }
.summary { color:var(--muted); font-size:14px; margin:0 0 14px; }
.error { background:#fff3f3; border:1px solid #f0c4c4; color:#8a1f24; padding:12px 16px;
         border-radius:8px; }
ol.hits { list-style:none; margin:0; padding:0; }
.hit { background:#fff; border:1px solid var(--line); border-radius:10px; padding:14px 18px;
       margin-bottom:12px; }
.hit h2 { font-size:19px; line-height:1.3; margin:0 0 4px; font-weight:600; }
.meta { font-size:13px; color:var(--muted); margin-bottom:6px; }
.meta a { color:var(--muted); } .meta .sep { margin:0 6px; color:#b7bfcb; }
.snippet { margin:0; color:#333c4a; font-size:15px; }
mark { background:#ffe58a; color:inherit; padding:0 1px; border-radius:2px; }
nav.pages { display:flex; gap:6px; justify-content:center; margin-top:22px; flex-wrap:wrap; }
nav.pages a, nav.pages span { padding:6px 12px; border:1px solid var(--line); border-radius:6px;
                              background:#fff; font-size:14px; }
nav.pages span.current { background:var(--ink); color:#fff; border-color:var(--ink); }
nav.pages span.gap { border:0; background:none; }
.empty { text-align:center; color:var(--muted); padding:40px 0; }
.layout { display:flex; gap:22px; align-items:flex-start; }
.layout .results { flex:1; min-width:0; }
aside.facets { width:200px; font-size:13px; }
aside.facets h3 { font-size:12px; text-transform:uppercase; letter-spacing:.06em;
                  color:var(--muted); margin:0 0 6px; }
aside.facets ul { list-style:none; margin:0 0 16px; padding:0; }
aside.facets li { display:flex; justify-content:space-between; gap:8px; padding:1px 0; }
aside.facets li span { color:var(--muted); }
.suggestion { font-size:15px; margin:0 0 12px; }
.dups { font-size:13px; color:var(--muted); margin:6px 0 0; }
@media (max-width: 700px) { .layout { flex-direction:column; } aside.facets { width:auto; } }
footer { text-align:center; color:#98a2b0; font-size:12px; padding:0 0 30px; }
)css";

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// The length of a well-formed entity at the start of text (&amp; &#39;
// &#x27;), or 0.
std::size_t entity_length(std::string_view text) {
  const std::size_t end = text.find(';');
  if (end == std::string_view::npos || end < 2 || end > 10) return 0;
  std::string_view body = text.substr(1, end - 1);
  if (body.front() == '#') {
    body.remove_prefix(1);
    if (!body.empty() && (body.front() == 'x' || body.front() == 'X')) body.remove_prefix(1);
    if (body.empty()) return 0;
    const bool ok = std::all_of(body.begin(), body.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
    return ok ? end + 1 : 0;
  }
  const bool ok = std::all_of(body.begin(), body.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  return ok ? end + 1 : 0;
}

// date: expressions need a "today" only for last:, which facet links never use.
constexpr const char* kAnyDay = "1970-01-01";

// Builds the links of the page: the current request with one change.
class LinkBuilder {
 public:
  explicit LinkBuilder(const SearchRequest& request) : request_(request) {}

  std::string page(unsigned offset) const { return "/?" + search_query_string(request_, offset); }

  std::string without(std::vector<std::string> SearchRequest::*field,
                      const std::string& value) const {
    SearchRequest changed = request_;
    auto& values = changed.*field;
    values.erase(std::remove(values.begin(), values.end(), value), values.end());
    return "/?" + search_query_string(changed, 0);
  }

  std::string with(std::vector<std::string> SearchRequest::*field,
                   const std::string& value) const {
    SearchRequest changed = request_;
    auto& values = changed.*field;
    if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
    return "/?" + search_query_string(changed, 0);
  }

  std::string with_source(const std::string& source) const {
    return with(&SearchRequest::sources, source);
  }

  // Narrows the dates to one year ("2018") or month ("201807").
  std::string within(const std::string& period) const {
    // The query syntax's date: expression already knows where a year or a
    // month ends ("201802" -> date:2018-02 -> 2018-02-01..2018-02-28).
    const std::string expression =
        "date:" + period.substr(0, 4) + (period.size() == 6 ? "-" + period.substr(4, 2) : "");
    const DateRange range = extract_date_expressions(expression, kAnyDay).range;
    SearchRequest changed = request_;
    changed.from = range.from;
    changed.to = range.to;
    return "/?" + search_query_string(changed, 0);
  }

  std::string with_query(const std::string& query) const {
    SearchRequest changed = request_;
    changed.query = query;
    return "/?" + search_query_string(changed, 0);
  }

 private:
  const SearchRequest& request_;
};

void render_filter(std::string& out, const char* label, const char* name,
                   const std::vector<std::string>& values,
                   std::vector<std::string> SearchRequest::*field, const LinkBuilder& links) {
  out += "<label>";
  out += label;
  for (const auto& value : values) {
    out += " <input type=\"hidden\" name=\"" + std::string(name) + "\" value=\"" +
           html_escape(value) + "\"><a class=\"chip\" title=\"remove\" href=\"" +
           html_escape(links.without(field, value)) + "\">" + html_escape(value) +
           "<b>&times;</b></a>";
  }
  out += " <input type=\"text\" name=\"" + std::string(name) + "\" placeholder=\"" +
         (values.empty() ? "any" : "or\xE2\x80\xA6") + "\"></label>";
}

void render_form(std::string& out, const SearchRequest& r, const LinkBuilder& links) {
  out +=
      "<header><div class=\"wrap\"><form method=\"get\" action=\"/\">"
      "<div class=\"top\"><a class=\"brand\" href=\"/\">Berita</a>"
      "<div class=\"box\"><input type=\"search\" name=\"q\" autofocus "
      "placeholder=\"Search the news archive\" aria-label=\"query\" value=\"" +
      html_escape(r.query) +
      "\"><button type=\"submit\">Search</button></div></div>"
      "<div class=\"filters\">";
  render_filter(out, "Source", "source", r.sources, &SearchRequest::sources, links);
  render_filter(out, "Category", "category", r.categories, &SearchRequest::categories, links);
  render_filter(out, "Language", "lang", r.langs, &SearchRequest::langs, links);
  // Dates and sort wrap to a second line together rather than one by one.
  out += "<span class=\"group\"><label>From <input type=\"date\" name=\"from\" value=\"" +
         html_escape(r.from) + "\"></label><label>To <input type=\"date\" name=\"to\" value=\"" +
         html_escape(r.to) +
         "\"></label><label>Sort <select name=\"sort\"><option value=\"relevance\">relevance"
         "</option><option value=\"recency\"" +
         std::string(r.sort == SortOrder::kRecency ? " selected" : "") +
         ">relevant and recent</option><option value=\"date\"" +
         std::string(r.sort == SortOrder::kDate ? " selected" : "") +
         ">newest first</option></select></label></span>";
  if (!r.collapse) out += "<input type=\"hidden\" name=\"collapse\" value=\"0\">";
  if (r.limit != SearchRequest{}.limit) {
    out += "<input type=\"hidden\" name=\"limit\" value=\"" + std::to_string(r.limit) + "\">";
  }
  out += "</div></form></div></header>";
}

std::string title_href(const Hit& hit) {
  if (starts_with(hit.url, "https://") || starts_with(hit.url, "http://")) return hit.url;
  return "/doc/" + url_encode(hit.id, /*keep_slash=*/true);
}

void render_hit(std::string& out, const Hit& hit, const LinkBuilder& links) {
  out += "<li class=\"hit\"><h2><a href=\"" + html_escape(title_href(hit)) + "\">" +
         html_escape(hit.title.empty() ? hit.id : hit.title) + "</a></h2><div class=\"meta\">";
  out += hit.date.empty() ? "undated" : "<time>" + html_escape(hit.date) + "</time>";
  if (!hit.source.empty()) {
    out += "<span class=\"sep\">&middot;</span><a title=\"only this source\" href=\"" +
           html_escape(links.with_source(hit.source)) + "\">" + html_escape(hit.source) + "</a>";
  }
  out += "<span class=\"sep\">&middot;</span><a href=\"/doc/" +
         html_escape(url_encode(hit.id, true)) + "\">" + html_escape(hit.id) + "</a></div>";
  if (!hit.snippet.empty()) {
    out += "<p class=\"snippet\">" + sanitize_snippet(hit.snippet) + "</p>";
  }
  if (hit.duplicates > 0) {
    out += "<p class=\"dups\">Also reported in " + std::to_string(hit.duplicates) +
           " near-identical version" + (hit.duplicates == 1 ? "" : "s") + ":";
    for (const auto& id : hit.duplicate_ids) {
      out += " <a href=\"/doc/" + html_escape(url_encode(id, true)) + "\">" + html_escape(id) +
             "</a>";
    }
    if (hit.duplicates > hit.duplicate_ids.size()) out += " &hellip;";
    out += "</p>";
  }
  out += "</li>";
}

// Facet values as links that narrow the search to that value.
void render_facets(std::string& out, const SearchResult& result, const LinkBuilder& links) {
  static const std::pair<const char*, const char*> kTitles[] = {
      {"source", "Source"}, {"category", "Category"}, {"lang", "Language"},
      {"year", "Year"},     {"month", "Month"}};
  out += "<aside class=\"facets\">";
  for (const auto& facet : result.facets) {
    if (facet.values.empty()) continue;
    const char* title = facet.name.c_str();
    for (const auto& [name, label] : kTitles) {
      if (facet.name == name) title = label;
    }
    out += "<h3>" + html_escape(title) + (facet.estimated ? " (approx.)" : "") + "</h3><ul>";
    for (const auto& v : facet.values) {
      std::string href;
      if (facet.name == "source") href = links.with(&SearchRequest::sources, v.value);
      if (facet.name == "category") href = links.with(&SearchRequest::categories, v.value);
      if (facet.name == "lang") href = links.with(&SearchRequest::langs, v.value);
      if (facet.name == "year" || facet.name == "month") href = links.within(v.value);
      out += "<li><a href=\"" + html_escape(href) + "\">" + html_escape(v.value) +
             "</a><span>" + std::to_string(v.count) + "</span></li>";
    }
    out += "</ul>";
  }
  out += "</aside>";
}

void render_pager(std::string& out, const SearchResult& result, const LinkBuilder& links) {
  const unsigned limit = std::max(1u, result.limit);
  const std::uint64_t reachable = std::min<std::uint64_t>(result.total, kMaxOffset + limit);
  const unsigned pages = static_cast<unsigned>((reachable + limit - 1) / limit);
  const unsigned current = result.offset / limit;
  if (pages <= 1 && result.offset == 0) return;
  out += "<nav class=\"pages\">";
  auto link = [&](unsigned page, const std::string& text) {
    out += "<a href=\"" + html_escape(links.page(page * limit)) + "\">" + text + "</a>";
  };
  if (current > 0) link(current - 1, "&larr; Previous");
  const unsigned first = current > 4 ? current - 4 : 0;
  const unsigned last = std::min(pages, first + 9);
  if (first > 0) out += "<span class=\"gap\">&hellip;</span>";
  for (unsigned page = first; page < last; ++page) {
    if (page == current) {
      out += "<span class=\"current\">" + std::to_string(page + 1) + "</span>";
    } else {
      link(page, std::to_string(page + 1));
    }
  }
  if (last < pages) out += "<span class=\"gap\">&hellip;</span>";
  if (current + 1 < pages) link(current + 1, "Next &rarr;");
  out += "</nav>";
}

void render_results(std::string& out, const SearchResult& result, const LinkBuilder& links) {
  char took[48];
  std::snprintf(took, sizeof took, " (%.1f ms)", result.took_ms);
  if (!result.suggestion.empty()) {
    out += "<p class=\"suggestion\">Did you mean <a href=\"" +
           html_escape(links.with_query(result.suggestion)) + "\"><b>" +
           html_escape(result.suggestion) + "</b></a>?</p>";
  }
  if (result.hits.empty()) {
    out += "<p class=\"empty\">No articles match" +
           (result.query.empty() ? std::string() : " <b>" + html_escape(result.query) + "</b>") +
           ".</p>";
    return;
  }
  out += "<p class=\"summary\">About " + std::to_string(result.total) + " result" +
         (result.total == 1 ? "" : "s") + ", showing " + std::to_string(result.offset + 1) +
         "&ndash;" + std::to_string(result.offset + result.hits.size()) + took + "</p>";
  out += "<div class=\"layout\"><div class=\"results\">";
  out += "<ol class=\"hits\" start=\"" + std::to_string(result.offset + 1) + "\">";
  for (const auto& hit : result.hits) render_hit(out, hit, links);
  out += "</ol>";
  render_pager(out, result, links);
  out += "</div>";
  if (!result.facets.empty()) render_facets(out, result, links);
  out += "</div>";
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_html_escaped(out, text);
  return out;
}

std::string sanitize_snippet(std::string_view snippet) {
  const std::string_view open = kHighlightOpen;
  const std::string_view close = kHighlightClose;
  std::string out;
  out.reserve(snippet.size());
  for (std::size_t i = 0; i < snippet.size();) {
    const std::string_view rest = snippet.substr(i);
    if (starts_with(rest, open) || starts_with(rest, close)) {
      const std::size_t n = starts_with(rest, open) ? open.size() : close.size();
      out += rest.substr(0, n);
      i += n;
    } else if (rest.front() == '&' && entity_length(rest) > 0) {
      const std::size_t n = entity_length(rest);
      out += rest.substr(0, n);
      i += n;
    } else {
      append_html_escaped(out, rest.substr(0, 1));
      ++i;
    }
  }
  return out;
}

std::string url_encode(std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~' ||
        (keep_slash && c == '/')) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string search_query_string(const SearchRequest& r, unsigned offset) {
  std::string out;
  auto add = [&](const char* name, const std::string& value) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += url_encode(value);
  };
  add("q", r.query);
  for (const auto& v : r.sources) add("source", v);
  for (const auto& v : r.categories) add("category", v);
  for (const auto& v : r.langs) add("lang", v);
  if (!r.from.empty()) add("from", r.from);
  if (!r.to.empty()) add("to", r.to);
  if (r.sort == SortOrder::kDate) add("sort", "date");
  if (r.sort == SortOrder::kRecency) add("sort", "recency");
  if (!r.collapse) add("collapse", "0");
  if (r.limit != SearchRequest{}.limit) add("limit", std::to_string(r.limit));
  if (offset > 0) add("offset", std::to_string(offset));
  return out;
}

std::string render_search_page(const SearchPage& page) {
  const LinkBuilder links(page.request);
  std::string out;
  out.reserve(16 * 1024);
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>";
  out += page.request.query.empty() ? std::string("Berita")
                                    : html_escape(page.request.query) + " &ndash; Berita";
  out += "</title><style>";
  out += kStyle;
  out += "</style></head><body>";
  render_form(out, page.request, links);
  out += "<main><div class=\"wrap\">";
  if (!page.error.empty()) {
    out += "<p class=\"error\" role=\"alert\">" + html_escape(page.error) + "</p>";
  } else if (page.result) {
    render_results(out, *page.result, links);
  } else {
    out += "<p class=\"empty\">Search ";
    if (page.documents) out += std::to_string(*page.documents) + " ";
    out +=
        "news articles: words, <code>\"phrases\"</code>, <code>AND</code> / "
        "<code>OR</code> / <code>NOT</code>, <code>title:</code> and "
        "<code>source:</code> fields.</p>";
  }
  out += "</div></main><footer>Berita &middot; full-text search on Xapian</footer></body></html>\n";
  return out;
}

}  // namespace berita
