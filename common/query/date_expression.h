// Date expressions inside query text: "date:2018", "date:2018-07",
// "date:2018-07-01..2018-07-31", "date:2018..", "after:2018-06",
// "before:2019", "last:7d" (units d, w, m, y). They are taken out of the text
// before QueryParser sees it and become one date range on the article date.
//
// after:X and before:X exclude the period X itself: "after:2018-06" starts on
// 2018-07-01, "before:2019" ends on 2018-12-31. last:N<unit> ends today and
// starts N units earlier. Several expressions narrow each other.
#ifndef BERITA_QUERY_DATE_EXPRESSION_H
#define BERITA_QUERY_DATE_EXPRESSION_H

#include <string>

namespace berita {

struct DateRange {
  std::string from;  // YYYY-MM-DD inclusive, or empty for open
  std::string to;    // YYYY-MM-DD inclusive, or empty for open
  bool empty() const { return from.empty() && to.empty(); }
};

struct ExtractedDates {
  std::string text;  // the query text with the date expressions removed
  DateRange range;   // their intersection (from > to means nothing can match)
};

// today (YYYY-MM-DD) anchors last:. Throws InvalidRequest("bad_query", "q")
// naming the bad expression. Expressions inside double quotes are left alone.
ExtractedDates extract_date_expressions(const std::string& query, const std::string& today);

// Narrows a by b: the later start and the earlier end.
DateRange intersect(const DateRange& a, const DateRange& b);

// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace berita

#endif
