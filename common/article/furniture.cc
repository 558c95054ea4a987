#include "article/furniture.h"

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "text/utf8.h"

namespace berita {
namespace {

// Lower-case with single spaces; max_bytes cuts the result (and the work)
// short when only a prefix is compared.
std::string normalise(std::string_view text, std::size_t max_bytes = std::string_view::npos) {
  return ascii_lower(collapse_whitespace(text, max_bytes));
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::size_t find_case_insensitive(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || needle.size() > haystack.size()) return std::string_view::npos;
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t k = 0;
    while (k < needle.size() && lower(haystack[i + k]) == lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void PageFurniture::add_drop(std::string_view text) {
  drops_.push_back(normalise(text));
  longest_drop_ = std::max(longest_drop_, drops_.back().size());
}
void PageFurniture::add_strip(std::string_view text) { strips_.emplace_back(text); }
void PageFurniture::add_credit(std::string_view text) {
  credits_.push_back(normalise(text));
  longest_credit_ = std::max(longest_credit_, credits_.back().size());
}
void PageFurniture::add_end(std::string_view text) { ends_.push_back(normalise(text)); }

std::vector<ParseError> PageFurniture::load(std::istream& in, const std::string& file_name) {
  std::vector<ParseError> errors;
  std::string raw;
  long line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    const std::string line = collapse_whitespace(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::size_t colon = line.find(':');
    const std::string kind = colon == std::string::npos ? "" : line.substr(0, colon);
    const std::string text =
        colon == std::string::npos ? "" : collapse_whitespace(line.substr(colon + 1));
    if (text.empty() || (kind != "drop" && kind != "strip" && kind != "credit" && kind != "end")) {
      errors.push_back({file_name, line_no,
                        "expected 'drop: TEXT', 'strip: TEXT', 'credit: TEXT' or 'end: TEXT'"});
      continue;
    }
    if (kind == "drop") add_drop(text);
    if (kind == "strip") add_strip(text);
    if (kind == "credit") add_credit(text);
    if (kind == "end") add_end(text);
  }
  return errors;
}

std::vector<ParseError> PageFurniture::load_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open page furniture file " + path);
  return load(in, path);
}

bool PageFurniture::is_boilerplate(std::string_view line) const {
  if (drops_.empty()) return false;
  // Body paragraphs are long and drop rules are prefixes, so only as much
  // of a paragraph is normalised as the longest rule needs.
  const std::string normal = normalise(line, longest_drop_);
  for (const auto& drop : drops_) {
    if (starts_with(normal, drop)) return true;
  }
  return false;
}

bool PageFurniture::is_credit(std::string_view line) const {
  if (credits_.empty() || line.size() > 80) return false;  // credits are short
  // One byte past the longest credit and its full stop is enough to tell.
  std::string normal = normalise(line, longest_credit_ + 2);
  if (!normal.empty() && normal.back() == '.') normal.pop_back();
  for (const auto& credit : credits_) {
    if (normal == credit) return true;
  }
  return false;
}

std::string PageFurniture::strip(std::string_view line) const {
  const bool any = std::any_of(strips_.begin(), strips_.end(), [line](const std::string& pattern) {
    return find_case_insensitive(line, pattern) != std::string_view::npos;
  });
  if (!any) return std::string(line);  // the common case
  std::string out(line);
  for (const auto& pattern : strips_) {
    for (std::size_t at; (at = find_case_insensitive(out, pattern)) != std::string::npos;) {
      out.erase(at, pattern.size());
    }
  }
  return collapse_whitespace(out);
}

std::string PageFurniture::strip_end(std::string_view last_paragraph) const {
  std::string text(last_paragraph);
  const std::string normal = ascii_lower(text);
  for (const auto& end : ends_) {
    if (normal.size() < end.size()) continue;
    const std::size_t at = normal.size() - end.size();
    const bool word_start = at == 0 || normal[at - 1] == ' ';
    if (word_start && normal.compare(at, end.size(), end) == 0) {
      return collapse_whitespace(text.substr(0, at));
    }
  }
  return text;
}

}  // namespace berita
