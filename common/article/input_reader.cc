#include "article/input_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <variant>

#include "article/json_article.h"
#include "article/text_article.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

// Binary files are recognised by a NUL byte near the start, as git and grep do.
constexpr std::size_t kBinarySniffBytes = 8192;

std::optional<InputFormat> format_of(const fs::path& path) {
  const std::string ext = path.extension().string();
  if (ext == ".txt") return InputFormat::kText;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonLines;
  return std::nullopt;
}

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

std::string text_article_id(const InputFile& input) {
  fs::path relative = fs::path(input.path).lexically_relative(input.root);
  if (relative.empty() || relative.native()[0] == '.') relative = fs::path(input.path).filename();
  return relative.replace_extension().generic_string();
}

// Makes text safe to parse: valid UTF-8 (warning when repaired), no control
// characters, LF line ends.
std::string clean_text(std::string_view raw, const std::string& file, long line,
                       ArticleHandler& handler) {
  const std::size_t bad = find_invalid_utf8(raw);
  if (bad == std::string_view::npos) return strip_control_chars(raw);
  handler.on_warning({file, line,
                      "invalid UTF-8 at byte " + std::to_string(bad) +
                          " repaired (invalid bytes read as Windows-1252)"});
  return strip_control_chars(repair_utf8(raw));
}

void report_warnings(std::vector<ParseError>& warnings, ArticleHandler& handler) {
  for (const auto& warning : warnings) handler.on_warning(warning);
  warnings.clear();
}

void deliver(std::variant<Article, ParseError>&& parsed, std::vector<ParseError>& warnings,
             ArticleHandler& handler) {
  report_warnings(warnings, handler);
  if (auto* article = std::get_if<Article>(&parsed)) {
    handler.on_article(std::move(*article));
  } else {
    handler.on_rejected(std::get<ParseError>(parsed));
  }
}

void read_text_file(const InputFile& input, const PageFurniture& furniture,
                    const ReadLimits& limits, ArticleHandler& handler) {
  if (input.size > limits.max_article_bytes) {
    handler.on_rejected({input.path, 0,
                         "file is " + std::to_string(input.size) + " bytes, over the limit of " +
                             std::to_string(limits.max_article_bytes)});
    handler.on_bytes(input.size);
    return;
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    handler.on_rejected({input.path, 0, std::string("cannot read: ") + std::strerror(errno)});
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string raw = buffer.str();
  handler.on_bytes(raw.size());
  if (raw.find('\0') != std::string::npos) {
    handler.on_rejected({input.path, 0, "binary file (contains NUL bytes)"});
    return;
  }
  if (collapse_whitespace(raw).empty()) {
    handler.on_rejected({input.path, 0, "empty file"});
    return;
  }
  const std::string text = clean_text(raw, input.path, 0, handler);
  std::vector<ParseError> warnings;
  deliver(parse_text_article(text, input.path, text_article_id(input), furniture, warnings),
          warnings, handler);
}

void read_jsonl_file(const InputFile& input, const PageFurniture& furniture,
                     const ReadLimits& limits, ArticleHandler& handler) {
  std::ifstream in(input.path, std::ios::binary);
  if (!in) {
    handler.on_rejected({input.path, 0, std::string("cannot read: ") + std::strerror(errno)});
    return;
  }
  char sniff[kBinarySniffBytes];
  in.read(sniff, sizeof sniff);
  if (std::find(sniff, sniff + in.gcount(), '\0') != sniff + in.gcount()) {
    handler.on_rejected({input.path, 0, "binary file (contains NUL bytes)"});
    handler.on_bytes(input.size);
    return;
  }
  in.clear();
  in.seekg(0);

  std::string line;
  long line_no = 0;
  bool any_content = false;
  std::vector<ParseError> warnings;
  while (std::getline(in, line)) {
    ++line_no;
    handler.on_bytes(line.size() + 1);
    if (collapse_whitespace(line).empty()) continue;
    any_content = true;
    if (line.size() > limits.max_article_bytes) {
      handler.on_rejected({input.path, line_no,
                           "line is " + std::to_string(line.size()) +
                               " bytes, over the limit of " +
                               std::to_string(limits.max_article_bytes)});
      continue;
    }
    const std::string text = find_invalid_utf8(line) == std::string::npos
                                 ? line
                                 : clean_text(line, input.path, line_no, handler);
    deliver(parse_json_article(text, input.path, line_no, furniture, warnings), warnings, handler);
  }
  if (in.bad()) {
    handler.on_rejected({input.path, line_no, std::string("read error: ") + std::strerror(errno)});
  }
  if (!any_content) handler.on_rejected({input.path, 0, "empty file"});
}

}  // namespace

InputSet collect_inputs(const std::vector<std::string>& paths) {
  InputSet set;
  for (const auto& name : paths) {
    std::error_code ec;
    const fs::path path(name);
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      set.errors.push_back({name, 0, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(status)) {
      std::vector<InputFile> found;
      fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
      if (ec) {
        set.errors.push_back({name, 0, "cannot read directory: " + ec.message()});
        continue;
      }
      for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
          set.errors.push_back({it->path().string(), 0, "cannot read: " + ec.message()});
          break;
        }
        if (is_hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        const auto format = format_of(it->path());
        if (!format || !it->is_regular_file(ec)) continue;
        found.push_back({it->path().string(), name, *format, it->file_size(ec)});
      }
      std::sort(found.begin(), found.end(),
                [](const InputFile& a, const InputFile& b) { return a.path < b.path; });
      for (auto& file : found) {
        set.total_bytes += file.size;
        set.files.push_back(std::move(file));
      }
      continue;
    }
    const auto format = format_of(path);
    if (!format) {
      set.errors.push_back({name, 0, "unsupported file type (expected .txt or .jsonl)"});
      continue;
    }
    const std::uint64_t size = fs::file_size(path, ec);
    set.total_bytes += size;
    set.files.push_back({name, path.parent_path().string(), *format, size});
  }
  return set;
}

void read_input(const InputFile& input, const PageFurniture& furniture, const ReadLimits& limits,
                ArticleHandler& handler) {
  if (input.format == InputFormat::kJsonLines) {
    read_jsonl_file(input, furniture, limits, handler);
  } else {
    read_text_file(input, furniture, limits, handler);
  }
}

}  // namespace berita
