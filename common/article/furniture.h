// Page furniture: the lines a news site wraps around a story (newsletter
// prompts, share buttons, photo credits). The patterns come from a data file
// the user can extend, so a new site needs no code change.
//
// File format, one rule a line, '#' starts a comment:
//   drop: <text>     a line starting with <text> is boilerplate and removed
//   strip: <text>    <text> is cut out wherever it occurs in a line
//   credit: <text>   a line equal to <text> is a photo credit; the line after
//                    it is the photo's caption
//   end: <text>      <text> as the last word(s) of a story is a sign-off
//                    ("... said. Reuter") and removed
// Matching ignores ASCII case and runs of white space.
#ifndef BERITA_ARTICLE_FURNITURE_H
#define BERITA_ARTICLE_FURNITURE_H

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "article/parse_error.h"

namespace berita {

class PageFurniture {
 public:
  // Reads rules from a stream; malformed lines are returned as errors and
  // skipped, the rest are loaded.
  std::vector<ParseError> load(std::istream& in, const std::string& file_name);
  // Reads rules from a file; throws std::runtime_error if it cannot be opened.
  std::vector<ParseError> load_file(const std::string& path);

  void add_drop(std::string_view text);
  void add_strip(std::string_view text);
  void add_credit(std::string_view text);
  void add_end(std::string_view text);

  bool is_boilerplate(std::string_view line) const;
  bool is_credit(std::string_view line) const;
  // The line with every strip pattern removed and white space collapsed.
  std::string strip(std::string_view line) const;
  // The story's last paragraph without a trailing sign-off.
  std::string strip_end(std::string_view last_paragraph) const;

  std::size_t rule_count() const {
    return drops_.size() + strips_.size() + credits_.size() + ends_.size();
  }

 private:
  std::vector<std::string> drops_;    // normalised: lower-case, single spaces
  std::size_t longest_drop_ = 0;      // bytes of the longest of drops_
  std::vector<std::string> strips_;   // as written
  std::vector<std::string> credits_;  // normalised
  std::size_t longest_credit_ = 0;    // bytes of the longest of credits_
  std::vector<std::string> ends_;     // normalised
};

}  // namespace berita

#endif
