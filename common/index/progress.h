// Shows indexing progress and problems on a stream: a redrawn status line on
// a terminal, plain problem lines ("FILE:LINE: reason") always.
#ifndef BERITA_INDEX_PROGRESS_H
#define BERITA_INDEX_PROGRESS_H

#include <ostream>

#include "index/indexer.h"

namespace berita {

class ProgressPrinter : public IndexObserver {
 public:
  // With interactive set, progress is drawn on one line that is redrawn;
  // otherwise progress is not shown (logs stay clean) but problems are.
  ProgressPrinter(std::ostream& out, bool interactive) : out_(out), interactive_(interactive) {}

  void on_rejected(const ParseError& error) override;
  void on_warning(const ParseError& warning) override;
  void on_progress(const IndexProgress& progress) override;

  // Ends the status line so the summary starts on a fresh line.
  void finish();

 private:
  void clear_status_line();

  std::ostream& out_;
  bool interactive_;
  bool status_shown_ = false;
};

// "indexed 2225 articles (2225 added, 0 replaced), 0 rejected, ... in 1.2 s"
void print_summary(const IndexReport& report, std::ostream& out);

}  // namespace berita

#endif
