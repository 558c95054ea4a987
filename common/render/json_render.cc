#include "render/json_render.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace berita {
namespace {

using json = nlohmann::ordered_json;

json or_null(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

// Rounds to a number of decimals so the JSON shows 0.471, not 0.47100000000000003.
double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

json explanation_to_json(const Explanation& e) {
  json terms = json::array();
  for (const auto& t : e.terms) {
    terms.push_back({{"term", t.term},
                     {"word", t.word},
                     {"field", t.field},
                     {"wdf", t.wdf},
                     {"termfreq", t.termfreq},
                     {"weight", round_to(t.weight, 6)}});
  }
  return {{"summary", e.summary},
          {"terms", std::move(terms)},
          {"freshness", round_to(e.freshness, 6)},
          {"other", round_to(e.other, 6)}};
}

json hit_to_json(const Hit& hit, bool collapsed) {
  json out = {{"id", hit.id},
              {"title", hit.title},
              {"date", or_null(hit.date)},
              {"source", or_null(hit.source)},
              {"url", or_null(hit.url)},
              {"score", round_to(hit.score, 4)},
              {"snippet", hit.snippet}};
  if (collapsed) {
    out["duplicates"] = hit.duplicates;
    out["duplicate_ids"] = hit.duplicate_ids;
  }
  if (hit.has_explanation) out["explanation"] = explanation_to_json(hit.explanation);
  return out;
}

}  // namespace

json result_to_json(const SearchResult& result) {
  json hits = json::array();
  for (const auto& hit : result.hits) hits.push_back(hit_to_json(hit, result.collapsed));
  json out = {{"query", result.query},       {"total", result.total},
              {"offset", result.offset},     {"limit", result.limit},
              {"took_ms", round_to(result.took_ms, 3)},
              {"suggestion", or_null(result.suggestion)}, {"hits", std::move(hits)}};
  if (!result.facets.empty()) {
    json facets = json::object();
    json estimated = json::array();
    for (const auto& facet : result.facets) {
      json values = json::array();
      for (const auto& v : facet.values) values.push_back({{"value", v.value}, {"count", v.count}});
      facets[facet.name] = std::move(values);
      if (facet.estimated) estimated.push_back(facet.name);
    }
    out["facets"] = std::move(facets);
    // Names of the facets whose counts are estimates (the match set was
    // larger than the exact-counting bound); usually empty.
    out["facets_estimated"] = std::move(estimated);
  }
  return out;
}

json completions_to_json(const std::string& prefix, const std::vector<Completion>& completions) {
  json list = json::array();
  for (const auto& c : completions) {
    if (c.kind == Completion::Kind::kWord) {
      list.push_back({{"text", c.text}, {"kind", "word"}, {"count", c.count}});
    } else {
      list.push_back({{"text", c.text}, {"kind", "title"}, {"id", c.id}});
    }
  }
  return {{"prefix", prefix}, {"completions", std::move(list)}};
}

json article_to_json(const Article& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"standfirst", or_null(a.standfirst)},
          {"body", joined_body(a)},
          {"captions", a.captions},
          {"location", or_null(a.location)},
          {"byline", or_null(a.byline)},
          {"date", or_null(a.date)},
          {"source", or_null(a.source)},
          {"categories", a.categories},
          {"url", or_null(a.url)},
          {"lang", or_null(a.lang)}};
}

json error_to_json(const std::string& code, const std::string& message,
                   const std::string& parameter) {
  json error = {{"code", code}, {"message", message}};
  if (!parameter.empty()) error["parameter"] = parameter;
  return {{"error", std::move(error)}};
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string render_result_json(const SearchResult& result, int indent) {
  return dump_json(result_to_json(result), indent);
}

std::string render_completions_json(const std::string& prefix,
                                    const std::vector<Completion>& completions, int indent) {
  return dump_json(completions_to_json(prefix, completions), indent);
}

std::string render_article_json(const Article& article, int indent) {
  return dump_json(article_to_json(article), indent);
}

std::string render_error_json(const std::string& code, const std::string& message,
                              const std::string& parameter) {
  return dump_json(error_to_json(code, message, parameter));
}

}  // namespace berita
