#include "article/dateline.h"

#include "text/utf8.h"

namespace berita {
namespace {

constexpr std::size_t kMaxLocationBytes = 40;
constexpr std::size_t kMaxDatePartBytes = 32;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_location_char(char c) { return is_upper(c) || c == '.' || c == '\'' || c == '-' || c == '&'; }

// Length of the run of capitalised words at the start of line, ending before
// the separator; 0 if there is none.
std::size_t location_length(std::string_view line) {
  std::size_t end = 0;
  std::size_t i = 0;
  while (i < line.size() && is_upper(line[i])) {
    std::size_t j = i;
    while (j < line.size() && is_location_char(line[j])) ++j;
    // A word that runs into lower case ("US-China") is ordinary text.
    if (j < line.size() && line[j] != ' ' && line[j] != ':' && line[j] != ',') return 0;
    // A lone dash is the separator, not part of the place name.
    if (j - i == 1 && line[i] == '-') break;
    end = j;
    if (j >= line.size() || line[j] != ' ') break;
    i = j + 1;
  }
  return end;
}

struct DashSeparator {
  std::size_t start;  // first byte of the separator
  std::size_t end;    // first byte after it
};

// The first dash separator (" - ", " -- ", " – ", " — ", or a dash ending the
// line) that starts at or after from and within limit bytes of it.
std::optional<DashSeparator> find_dash_separator(std::string_view line, std::size_t from,
                                                 std::size_t limit) {
  static constexpr std::string_view kDashes[] = {" -- ", " - ", " \xE2\x80\x93 ",
                                                 " \xE2\x80\x94 ", " --", " -"};
  std::optional<DashSeparator> best;
  for (std::string_view dash : kDashes) {
    const std::size_t at = line.find(dash, from);
    if (at == std::string_view::npos || at > from + limit) continue;
    const bool at_end = at + dash.size() == line.size();
    if (dash.back() != ' ' && !at_end) continue;  // " -" only as the line's last bytes
    if (!best || at < best->start) best = DashSeparator{at, at + dash.size()};
  }
  return best;
}

bool has_digit(std::string_view text) {
  for (char c : text) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

}  // namespace

std::optional<Dateline> match_dateline(std::string_view line) {
  const std::size_t loc_len = location_length(line);
  if (loc_len < 2 || loc_len > kMaxLocationBytes) return std::nullopt;
  std::string location = collapse_whitespace(line.substr(0, loc_len));
  std::size_t letters = 0;
  for (char c : location) letters += is_upper(c);
  if (letters < 2) return std::nullopt;

  std::size_t pos = loc_len;
  if (pos < line.size() && line[pos] == ':') {
    return Dateline{location, collapse_whitespace(line.substr(pos + 1))};
  }
  // Between the place and the dash only a date may stand ("Feb 26",
  // "11 Okt.", "(Reuters)"), so require a digit when anything is there.
  const auto dash = find_dash_separator(line, pos, kMaxDatePartBytes);
  if (!dash) return std::nullopt;
  const std::string date_part = collapse_whitespace(line.substr(pos, dash->start - pos));
  if (!date_part.empty() && !has_digit(date_part)) return std::nullopt;
  return Dateline{location, collapse_whitespace(line.substr(dash->end))};
}

}  // namespace berita
