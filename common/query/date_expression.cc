#include "query/date_expression.h"

#include <cstdio>
#include <ctime>
#include <optional>

#include "article/fields.h"
#include "query/invalid_request.h"
#include "schema/schema.h"

namespace berita {
namespace {

struct Civil {
  long year;
  unsigned month;
  unsigned day;
};

// Inverse of schema::days_since_epoch (Howard Hinnant's civil_from_days).
Civil civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const unsigned day = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  const unsigned month = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (month <= 2), month, day};
}

std::string format(const Civil& c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04ld-%02u-%02u", c.year, c.month, c.day);
  return buffer;
}

std::string add_days(const std::string& date, long days) {
  return format(civil_from_days(schema::days_since_epoch(date) + days));
}

unsigned days_in_month(long year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

// "2018", "2018-07" or "2018-07-05" -> the first and last day of that period.
std::optional<DateRange> period(const std::string& text) {
  const auto all_digits = [&](std::size_t from, std::size_t len) {
    if (from + len > text.size()) return false;
    for (std::size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
    }
    return true;
  };
  if (text.size() == 4 && all_digits(0, 4)) return DateRange{text + "-01-01", text + "-12-31"};
  if (text.size() == 7 && all_digits(0, 4) && text[4] == '-' && all_digits(5, 2)) {
    const long year = std::stol(text.substr(0, 4));
    const unsigned month = static_cast<unsigned>(std::stoul(text.substr(5, 2)));
    if (month < 1 || month > 12) return std::nullopt;
    return DateRange{text + "-01", format({year, month, days_in_month(year, month)})};
  }
  if (auto day = normalise_date(text); day && text.size() == 10) return DateRange{*day, *day};
  return std::nullopt;
}

[[noreturn]] void reject(const std::string& token, const std::string& why) {
  throw InvalidRequest("bad_query", "q", "bad date expression '" + token + "': " + why);
}

DateRange period_or_reject(const std::string& token, const std::string& text) {
  if (auto p = period(text)) return *p;
  reject(token, "expected YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
}

DateRange parse_last(const std::string& token, const std::string& value,
                     const std::string& today) {
  if (value.size() < 2) reject(token, "expected a count and a unit (d, w, m, y), e.g. last:7d");
  const char unit = value.back();
  const std::string count_text = value.substr(0, value.size() - 1);
  for (char c : count_text) {
    if (c < '0' || c > '9') reject(token, "expected a count and a unit (d, w, m, y), e.g. last:7d");
  }
  if (count_text.size() > 5) reject(token, "count too large");
  const long count = std::stol(count_text);
  const Civil now = civil_from_days(schema::days_since_epoch(today));
  switch (unit) {
    case 'd': return {add_days(today, -count), today};
    case 'w': return {add_days(today, -7 * count), today};
    case 'm': {
      const long months = now.year * 12 + (now.month - 1) - count;
      const long year = months / 12;
      const unsigned month = static_cast<unsigned>(months % 12 + 1);
      const unsigned day = std::min(now.day, days_in_month(year, month));
      return {format({year, month, day}), today};
    }
    case 'y': {
      const long year = now.year - count;
      const unsigned day = std::min(now.day, days_in_month(year, now.month));
      return {format({year, now.month, day}), today};
    }
    default: reject(token, std::string("unknown unit '") + unit + "' (use d, w, m or y)");
  }
}

// One "key:value" token -> its range, or nullopt when it is not a date token.
std::optional<DateRange> parse_token(const std::string& token, const std::string& today) {
  const std::size_t colon = token.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string key = token.substr(0, colon);
  const std::string value = token.substr(colon + 1);
  if (key != "date" && key != "after" && key != "before" && key != "last") return std::nullopt;
  if (value.empty()) reject(token, "missing value");
  if (key == "last") return parse_last(token, value, today);
  if (key == "after") return DateRange{add_days(period_or_reject(token, value).to, 1), ""};
  if (key == "before") return DateRange{"", add_days(period_or_reject(token, value).from, -1)};
  const std::size_t dots = value.find("..");
  if (dots == std::string::npos) return period_or_reject(token, value);
  const std::string low = value.substr(0, dots);
  const std::string high = value.substr(dots + 2);
  if (low.empty() && high.empty()) reject(token, "a range needs at least one end");
  DateRange range;
  if (!low.empty()) range.from = period_or_reject(token, low).from;
  if (!high.empty()) range.to = period_or_reject(token, high).to;
  if (!range.from.empty() && !range.to.empty() && range.from > range.to) {
    reject(token, "the range starts after it ends");
  }
  return range;
}

}  // namespace

DateRange intersect(const DateRange& a, const DateRange& b) {
  DateRange out;
  out.from = a.from > b.from ? a.from : b.from;
  out.to = a.to.empty() ? b.to : b.to.empty() ? a.to : std::min(a.to, b.to);
  return out;
}

ExtractedDates extract_date_expressions(const std::string& query, const std::string& today) {
  ExtractedDates out;
  bool in_quotes = false;
  std::size_t i = 0;
  while (i < query.size()) {
    if (query[i] == ' ' || query[i] == '\t' || query[i] == '\n') {
      out.text += query[i++];
      continue;
    }
    std::size_t end = i;
    bool quotes = in_quotes;
    while (end < query.size() && query[end] != ' ' && query[end] != '\t' && query[end] != '\n') {
      if (query[end] == '"') quotes = !quotes;
      ++end;
    }
    const std::string token = query.substr(i, end - i);
    std::optional<DateRange> range;
    if (!in_quotes && token.find('"') == std::string::npos) range = parse_token(token, today);
    if (range) {
      out.range = intersect(out.range, *range);
    } else {
      out.text += token;
    }
    in_quotes = quotes;
    i = end;
  }
  return out;
}

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

}  // namespace berita
