// UTF-8 validation and repair. Archives mix encodings: old files are often
// Windows-1252, so repair reads each invalid byte as that code page rather
// than dropping it, and nothing the author wrote is lost.
#ifndef BERITA_TEXT_UTF8_H
#define BERITA_TEXT_UTF8_H

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

// Offset of the first byte that is not part of valid UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// A valid UTF-8 copy of text: valid sequences kept, each invalid byte decoded
// as Windows-1252.
std::string repair_utf8(std::string_view text);

// Removes C0/C1 control characters except tab and newline, and turns
// CR LF / lone CR into LF.
std::string strip_control_chars(std::string_view text);

// Collapses runs of white space to one space and trims both ends.
std::string collapse_whitespace(std::string_view text);
// The first max_bytes bytes of collapse_whitespace(text) (all of it if
// shorter), reading no more of text than that needs.
std::string collapse_whitespace(std::string_view text, std::size_t max_bytes);

// ASCII lower-casing; non-ASCII bytes are left as they are.
std::string ascii_lower(std::string_view text);

// "Free Malaysia Today" -> "free-malaysia-today": the form used for filter
// terms, so users can type a value without quoting spaces.
std::string slugify(std::string_view text);

// The code points of text (valid UTF-8), one per element.
std::vector<unsigned> code_points(std::string_view text);

// The code points of text in reverse order, each still UTF-8 encoded:
// "kuih" -> "hiuk", "café" -> "éfac". Invalid bytes are reversed as single
// bytes.
std::string reverse_code_points(std::string_view text);

// The first n code points of text, counted as reverse_code_points counts
// them: "éfac", 2 -> "éf".
std::string_view code_point_prefix(std::string_view text, std::size_t n);

// items joined with separator between them: {"a", "b"}, ", " -> "a, b".
std::string join(const std::vector<std::string>& items, const std::string& separator);

}  // namespace berita

#endif
