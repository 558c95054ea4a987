// Turns the paths a user names into articles: walks directories, picks the
// parser by file type, checks encoding and size, and reports every problem
// with its file and line instead of stopping.
#ifndef BERITA_ARTICLE_INPUT_READER_H
#define BERITA_ARTICLE_INPUT_READER_H

#include <cstdint>
#include <string>
#include <vector>

#include "article/article.h"
#include "article/furniture.h"
#include "article/parse_error.h"

namespace berita {

enum class InputFormat { kText, kJsonLines };

struct InputFile {
  std::string path;
  std::string root;  // text-file ids are the path relative to this, sans extension
  InputFormat format = InputFormat::kText;
  std::uint64_t size = 0;
};

struct InputSet {
  std::vector<InputFile> files;   // in a stable, sorted order
  std::vector<ParseError> errors; // paths that do not exist or cannot be read
  std::uint64_t total_bytes = 0;
};

// Files under directories are taken by extension (.txt, .jsonl); others are
// skipped. A file named directly with another extension is an error.
InputSet collect_inputs(const std::vector<std::string>& paths);

// Receives what read_input finds. Called on the reading thread.
class ArticleHandler {
 public:
  virtual ~ArticleHandler() = default;
  virtual void on_article(Article&& article) = 0;
  virtual void on_rejected(const ParseError& error) = 0;
  virtual void on_warning(const ParseError& warning) = 0;
  // Bytes of input consumed since the last call, for progress display.
  virtual void on_bytes(std::uint64_t /*bytes*/) {}
};

struct ReadLimits {
  // One article (a text file or a JSON line) larger than this is rejected:
  // real stories are far smaller, and a runaway input should not exhaust memory.
  std::uint64_t max_article_bytes = 8u << 20;
};

void read_input(const InputFile& input, const PageFurniture& furniture, const ReadLimits& limits,
                ArticleHandler& handler);

}  // namespace berita

#endif
