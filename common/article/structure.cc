#include "article/structure.h"

#include <optional>
#include <string>
#include <vector>

#include "article/dateline.h"
#include "text/utf8.h"

namespace berita {
namespace {

// A dateline opens the story, so it is only looked for among the first few
// lines; later capitalised text ("UMNO: ...") is ordinary body.
constexpr std::size_t kDatelineSearchLines = 8;

enum class LineRole { kText, kCredit, kCaption };

struct Line {
  std::string text;
  bool starts_paragraph = false;
  LineRole role = LineRole::kText;
};

std::vector<Line> split_lines(std::string_view text, const PageFurniture& furniture) {
  std::vector<Line> lines;
  bool after_blank = true;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string line = furniture.strip(collapse_whitespace(text.substr(pos, end - pos)));
    pos = end + 1;
    if (line.empty()) {
      after_blank = true;
      continue;
    }
    if (furniture.is_boilerplate(line)) continue;
    lines.push_back({std::move(line), after_blank, LineRole::kText});
    after_blank = false;
  }
  return lines;
}

// A credit line is dropped; the line after it is the photo's caption, whether
// it shares the credit's paragraph or stands alone as the next one.
void mark_credits_and_captions(std::vector<Line>& lines, const PageFurniture& furniture) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].role != LineRole::kText || !furniture.is_credit(lines[i].text)) continue;
    lines[i].role = LineRole::kCredit;
    if (i + 1 < lines.size() && !match_dateline(lines[i + 1].text)) {
      const bool next_is_lone_paragraph =
          lines[i + 1].starts_paragraph &&
          (i + 2 >= lines.size() || lines[i + 2].starts_paragraph);
      if (!lines[i + 1].starts_paragraph || next_is_lone_paragraph) {
        lines[i + 1].role = LineRole::kCaption;
      }
    }
  }
}

struct DatelineAt {
  std::size_t line;
  Dateline dateline;
};

std::optional<DatelineAt> find_dateline(const std::vector<Line>& lines) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < lines.size() && seen < kDatelineSearchLines; ++i) {
    if (lines[i].role != LineRole::kText) continue;
    ++seen;
    if (auto dateline = match_dateline(lines[i].text)) return DatelineAt{i, *std::move(dateline)};
  }
  return std::nullopt;
}

void append_to_paragraph(std::vector<std::string>& paragraphs, const std::string& text,
                         bool starts_paragraph) {
  if (starts_paragraph || paragraphs.empty()) {
    paragraphs.push_back(text);
  } else {
    paragraphs.back() += ' ';
    paragraphs.back() += text;
  }
}

}  // namespace

void recognise_structure(std::string_view text, const PageFurniture& furniture,
                         Article& article) {
  std::vector<Line> lines = split_lines(text, furniture);
  mark_credits_and_captions(lines, furniture);
  const std::optional<DatelineAt> dateline = find_dateline(lines);
  const std::string normal_title = ascii_lower(article.title);

  std::vector<std::string> standfirst;
  bool new_paragraph_pending = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    if (line.role == LineRole::kCredit) continue;
    if (line.role == LineRole::kCaption) {
      article.captions.push_back(std::move(line.text));
      new_paragraph_pending = true;  // text after a caption starts afresh
      continue;
    }
    if (line.starts_paragraph && !normal_title.empty() && ascii_lower(line.text) == normal_title) {
      continue;  // the headline repeated under itself
    }
    const bool starts = line.starts_paragraph || new_paragraph_pending;
    new_paragraph_pending = false;
    if (dateline && i < dateline->line) {
      append_to_paragraph(standfirst, line.text, starts);
    } else if (dateline && i == dateline->line) {
      article.location = dateline->dateline.location;
      if (!dateline->dateline.rest.empty()) {
        article.paragraphs.push_back(dateline->dateline.rest);
      } else {
        new_paragraph_pending = true;
      }
    } else {
      append_to_paragraph(article.paragraphs, line.text, starts);
    }
  }
  if (!article.paragraphs.empty()) {
    article.paragraphs.back() = furniture.strip_end(article.paragraphs.back());
    if (article.paragraphs.back().empty()) article.paragraphs.pop_back();
  }
  for (auto& part : standfirst) {
    if (!article.standfirst.empty()) article.standfirst += ' ';
    article.standfirst += part;
  }
}

}  // namespace berita
