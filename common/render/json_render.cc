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

}  // namespace

json result_to_json(const SearchResult& result) {
  json hits = json::array();
  for (const auto& hit : result.hits) {
    hits.push_back({{"id", hit.id},
                    {"title", hit.title},
                    {"date", or_null(hit.date)},
                    {"source", or_null(hit.source)},
                    {"url", or_null(hit.url)},
                    {"score", round_to(hit.score, 4)},
                    {"snippet", hit.snippet}});
  }
  return {{"query", result.query},       {"total", result.total},
          {"offset", result.offset},     {"limit", result.limit},
          {"took_ms", round_to(result.took_ms, 3)}, {"hits", std::move(hits)}};
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

std::string render_article_json(const Article& article, int indent) {
  return dump_json(article_to_json(article), indent);
}

std::string render_error_json(const std::string& code, const std::string& message,
                              const std::string& parameter) {
  return dump_json(error_to_json(code, message, parameter));
}

}  // namespace berita
