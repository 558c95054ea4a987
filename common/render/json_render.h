// SearchResult, articles and errors -> JSON with stable field names. The
// HTTP endpoint and `berita-search --json` both print through here.
#ifndef BERITA_RENDER_JSON_RENDER_H
#define BERITA_RENDER_JSON_RENDER_H

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "article/article.h"
#include "search/autocomplete.h"
#include "search/search_result.h"

namespace berita {

// {"query", "total", "offset", "limit", "took_ms", "suggestion", "hits": [{"id",
//  "title", "date", "source", "url", "score", "snippet"[, "duplicates",
//  "duplicate_ids"][, "explanation"]}][, "facets": {name: [{"value", "count"}]},
//  "facets_estimated": [names]]}; absent values are null. duplicates only
// with collapse, explanation only with explain, facets only when asked for.
nlohmann::ordered_json result_to_json(const SearchResult& result);

// {"prefix", "completions": [{"text", "kind": "word", "count"} or
//  {"text", "kind": "title", "id"}]}
nlohmann::ordered_json completions_to_json(const std::string& prefix,
                                           const std::vector<Completion>& completions);

// The stored article: {"id", "title", "standfirst", "body", "paragraphs",
// "captions", "location", "byline", "date", "source", "categories", "url", "lang"}.
nlohmann::ordered_json article_to_json(const Article& article);

// {"error": {"code", "message"[, "parameter"]}}
nlohmann::ordered_json error_to_json(const std::string& code, const std::string& message,
                             const std::string& parameter = {});

// Serialises with invalid UTF-8 replaced rather than throwing.
std::string dump_json(const nlohmann::ordered_json& value, int indent = -1);

// Shorthands for callers that only need the text.
std::string render_result_json(const SearchResult& result, int indent = -1);
std::string render_article_json(const Article& article, int indent = -1);
std::string render_completions_json(const std::string& prefix,
                                    const std::vector<Completion>& completions, int indent = -1);
std::string render_error_json(const std::string& code, const std::string& message,
                              const std::string& parameter = {});

}  // namespace berita

#endif
