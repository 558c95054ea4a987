#include "index/indexer.h"

#include <chrono>

#include "article/furniture.h"

namespace berita {
namespace {

constexpr std::uint64_t kProgressEveryArticles = 256;

class WritingHandler : public ArticleHandler {
 public:
  WritingHandler(IndexWriter& writer, IndexObserver& observer, IndexReport& report,
                 IndexProgress& progress)
      : writer_(writer), observer_(observer), report_(report), progress_(progress) {}

  void on_article(Article&& article) override {
    if (writer_.add(article) == IndexWriter::Outcome::kReplaced) {
      ++report_.replaced;
    } else {
      ++report_.added;
    }
    if (++progress_.articles % kProgressEveryArticles == 0) publish();
  }
  void on_rejected(const ParseError& error) override {
    ++report_.rejected;
    observer_.on_rejected(error);
  }
  void on_warning(const ParseError& warning) override {
    ++report_.warnings;
    observer_.on_warning(warning);
  }
  void on_bytes(std::uint64_t bytes) override { progress_.bytes_read += bytes; }

  void publish() {
    progress_.elapsed_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    observer_.on_progress(progress_);
  }

 private:
  IndexWriter& writer_;
  IndexObserver& observer_;
  IndexReport& report_;
  IndexProgress& progress_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

IndexReport run_indexer(const IndexerConfig& config, IndexObserver& observer) {
  const auto start = std::chrono::steady_clock::now();
  IndexReport report;

  PageFurniture furniture;
  if (!config.furniture_file.empty()) {
    for (const auto& error : furniture.load_file(config.furniture_file)) {
      ++report.warnings;
      observer.on_warning(error);
    }
  }

  const InputSet inputs = collect_inputs(config.inputs);
  for (const auto& error : inputs.errors) {
    ++report.rejected;
    observer.on_rejected(error);
  }
  report.files = inputs.files.size();

  IndexWriter writer(config.db_path, config.analyzer, config.writer);
  IndexProgress progress;
  progress.total_bytes = inputs.total_bytes;
  WritingHandler handler(writer, observer, report, progress);
  for (const auto& file : inputs.files) read_input(file, furniture, config.limits, handler);
  writer.commit();
  handler.publish();

  report.bytes_read = progress.bytes_read;
  report.doc_count = writer.doc_count();
  report.elapsed_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace berita
