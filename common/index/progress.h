// Shows indexing progress and problems on a stream. Problems are always
// printed as "FILE:LINE: reason (skipped)". Progress depends on the mode:
// on a terminal, a bar redrawn in place (articles, articles/s, MB/s, ETA);
// in a log (not a terminal), a plain line every few seconds and one per
// phase; quiet, nothing.
#ifndef BERITA_INDEX_PROGRESS_H
#define BERITA_INDEX_PROGRESS_H

#include <chrono>
#include <ostream>
#include <string>

#include "index/indexer.h"

namespace berita {

enum class ProgressMode { kTerminal, kPlain, kQuiet };

class ProgressPrinter : public IndexObserver {
 public:
  ProgressPrinter(std::ostream& out, ProgressMode mode) : out_(out), mode_(mode) {}

  void on_rejected(const ParseError& error) override;
  void on_warning(const ParseError& warning) override;
  void on_progress(const IndexProgress& progress) override;
  void on_phase(const std::string& phase) override;

  // Ends the status line so the summary starts on a fresh line.
  void finish();

 private:
  void clear_status_line();

  std::ostream& out_;
  ProgressMode mode_;
  bool status_shown_ = false;
  double last_plain_line_ = 0;
};

// "indexed 2225 articles (2225 added, 0 replaced), 0 rejected, ..." and, when
// there is something to say, lines for deletions, rejection reasons, notes
// and the time per phase.
void print_summary(const IndexReport& report, std::ostream& out);

// "parse 1.00 s (overlaps index), index ..., check ..., swap ...": a
// rebuild's phase times, as the summary prints them (linking is reported on
// its own line).
std::string describe_rebuild_phases(const PhaseTimes& phases);

}  // namespace berita

#endif
