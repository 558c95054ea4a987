#include "article/fields.h"

#include "text/utf8.h"

namespace berita {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int to_int(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

std::optional<std::string> normalise_date(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  const char sep = text[4];
  if ((sep != '-' && sep != '/') || text[7] != sep) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  const int year = to_int(text.substr(0, 4));
  const int month = to_int(text.substr(5, 2));
  const int day = to_int(text.substr(8, 2));
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1000 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const int month_days = kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > month_days) return std::nullopt;
  std::string out(text.substr(0, 10));
  out[4] = out[7] = '-';
  return out;
}

std::vector<std::string> split_categories(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find_first_of(";,", start);
    if (end == std::string_view::npos) end = text.size();
    std::string category = collapse_whitespace(text.substr(start, end - start));
    if (!category.empty()) out.push_back(std::move(category));
    start = end + 1;
  }
  return out;
}

std::string normalise_lang(std::string_view text) {
  std::string lang = ascii_lower(collapse_whitespace(text));
  if (lang.empty() || lang == "english") return "en";
  if (lang == "malay" || lang == "bahasa melayu" || lang == "bm" || lang == "may" ||
      lang == "msa")
    return "ms";
  if (lang == "indonesian" || lang == "bahasa indonesia" || lang == "ind") return "id";
  return lang;
}

std::optional<std::string> check_id(std::string_view id) {
  if (id.empty()) return "missing or empty id";
  if (id.size() > kMaxIdBytes) return "id longer than " + std::to_string(kMaxIdBytes) + " bytes";
  for (char c : id) {
    if (static_cast<unsigned char>(c) < 0x20) return "id contains a control character";
  }
  return std::nullopt;
}

}  // namespace berita
