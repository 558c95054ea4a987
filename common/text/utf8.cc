#include "text/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include <xapian.h>

namespace berita {
namespace {

// Length of the valid UTF-8 sequence starting at text[i], or 0 if invalid.
std::size_t valid_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t len;
  std::uint32_t min_code;
  std::uint32_t code;
  if ((lead & 0xE0) == 0xC0) {
    len = 2, min_code = 0x80, code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    len = 3, min_code = 0x800, code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    len = 4, min_code = 0x10000, code = lead & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if (code < min_code || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return len;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// Windows-1252 bytes 0x80-0x9F; the rest of the high half equals Latin-1.
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::size_t find_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = valid_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = valid_sequence_length(text, i);
    if (len > 0) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    const unsigned char b = static_cast<unsigned char>(text[i]);
    append_utf8(out, b < 0xA0 ? kCp1252High[b - 0x80] : b);
    ++i;
  }
  return out;
}

std::string strip_control_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t' || c >= 0x20) {
      if (c == 0x7F) continue;
      // C1 controls are U+0080-U+009F, encoded as C2 80 - C2 9F.
      if (c == 0xC2 && i + 1 < text.size()) {
        const unsigned char next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9F) {
          ++i;
          continue;
        }
      }
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string collapse_whitespace(std::string_view text) {
  return collapse_whitespace(text, text.size());
}

std::string collapse_whitespace(std::string_view text, std::size_t max_bytes) {
  // Every line of every article passes through here, so the output is
  // written into a buffer sized up front rather than appended to.
  std::string out(std::min(text.size(), max_bytes), '\0');
  std::size_t size = 0;
  bool pending_space = false;
  for (char c : text) {
    if (is_space(c)) {
      pending_space = size > 0;
      continue;
    }
    if (pending_space) {
      if (size == out.size()) break;
      out[size++] = ' ';
      pending_space = false;
    }
    if (size == out.size()) break;
    out[size++] = c;
  }
  out.resize(size);
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : ascii_lower(text)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      static_cast<unsigned char>(c) >= 0x80;
    if (keep) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

namespace {

// Bytes of the code point starting at pos; an invalid byte counts as one.
std::size_t code_point_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (pos + length > text.size()) return 1;
  for (std::size_t i = 1; i < length; ++i) {
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return 1;
  }
  return length;
}

}  // namespace

std::string_view code_point_prefix(std::string_view text, std::size_t n) {
  std::size_t end = 0;
  for (std::size_t counted = 0; end < text.size() && counted < n; ++counted) {
    end += code_point_length(text, end);
  }
  return text.substr(0, end);
}

std::string reverse_code_points(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t write = text.size();
  for (std::size_t read = 0; read < text.size();) {
    const std::size_t length = code_point_length(text, read);
    write -= length;
    text.copy(&out[write], length, read);
    read += length;
  }
  return out;
}

std::vector<unsigned> code_points(std::string_view text) {
  const Xapian::Utf8Iterator begin(text.data(), text.size());
  return std::vector<unsigned>(begin, Xapian::Utf8Iterator());
}

}  // namespace berita
