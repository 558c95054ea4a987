#include "render/text_render.h"

#include <cstdio>

#include "search/snippets.h"

namespace berita {

std::string snippet_to_plain(const std::string& snippet, const std::string& open,
                             const std::string& close) {
  static const std::pair<std::string_view, std::string_view> kReplacements[] = {
      {kHighlightOpen, ""}, {kHighlightClose, ""}, {"&amp;", "&"},  {"&lt;", "<"},
      {"&gt;", ">"},        {"&quot;", "\""},      {"&#39;", "'"}, {"&#x27;", "'"}};
  std::string out;
  out.reserve(snippet.size());
  for (std::size_t i = 0; i < snippet.size();) {
    bool replaced = false;
    for (std::size_t k = 0; k < std::size(kReplacements); ++k) {
      const auto& [from, to] = kReplacements[k];
      if (snippet.compare(i, from.size(), from) == 0) {
        out += k == 0 ? open : k == 1 ? close : std::string(to);
        i += from.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += snippet[i++];
  }
  return out;
}

void render_text(const SearchResult& result, std::ostream& out, bool color) {
  const std::string bold = color ? "\033[1m" : "";
  const std::string plain = color ? "\033[0m" : "";
  out << result.total << " matches for '" << result.query << "'";
  if (!result.hits.empty()) {
    out << ", showing " << (result.offset + 1) << "-" << (result.offset + result.hits.size());
  }
  char took[32];
  std::snprintf(took, sizeof took, " (%.1f ms)\n", result.took_ms);
  out << took;
  if (!result.suggestion.empty()) out << "Did you mean: " << result.suggestion << "\n";
  for (const auto& facet : result.facets) {
    out << facet.name << (facet.estimated ? " (estimated):" : ":");
    for (const auto& v : facet.values) out << " " << v.value << " (" << v.count << ")";
    out << "\n";
  }
  unsigned rank = result.offset;
  for (const auto& hit : result.hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", hit.score);
    out << "\n" << ++rank << ". " << bold << hit.title << plain << "\n   "
        << (hit.date.empty() ? "undated" : hit.date) << " | "
        << (hit.source.empty() ? "unknown source" : hit.source) << " | id " << hit.id
        << " | score " << score << "\n";
    if (!hit.snippet.empty()) {
      out << "   " << snippet_to_plain(hit.snippet, color ? bold : "[", color ? plain : "]")
          << "\n";
    }
    if (hit.duplicates > 0) {
      out << "   + " << hit.duplicates << " near-duplicate" << (hit.duplicates == 1 ? "" : "s")
          << ":";
      for (const auto& id : hit.duplicate_ids) out << " " << id;
      out << "\n";
    }
    if (hit.has_explanation) {
      const Explanation& e = hit.explanation;
      out << "   why: " << e.summary << "\n";
      for (const auto& t : e.terms) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.3f", t.weight);
        out << "     " << weight << "  " << t.word << " in " << t.field << " (" << t.wdf
            << "x, in " << t.termfreq << " articles)\n";
      }
      if (e.freshness != 0) {
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.3f", e.freshness);
        out << "     " << weight << "  freshness\n";
      }
    }
  }
}

void render_completions_text(const std::vector<Completion>& completions, std::ostream& out) {
  for (const auto& c : completions) {
    if (c.kind == Completion::Kind::kWord) {
      out << c.text << "\t" << c.count << " articles\n";
    } else {
      out << c.text << "\tid " << c.id << "\n";
    }
  }
}

}  // namespace berita
