#include "index/progress.h"

#include <algorithm>
#include <cstdio>

namespace berita {
namespace {

// A log gets a progress line this often, not on every update.
constexpr double kPlainLineEverySeconds = 10;
constexpr int kBarWidth = 24;

std::string format(const char* fmt, double a, double b = 0, double c = 0, double d = 0) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, fmt, a, b, c, d);
  return buffer;
}

std::string describe(const IndexProgress& p) {
  const double rate = p.articles / p.elapsed_seconds;
  const double mb_rate = p.bytes_read / 1e6 / p.elapsed_seconds;
  std::string line = format("%.0f articles  %.0f articles/s  %.1f MB/s", p.articles, rate, mb_rate);
  if (p.total_bytes > 0 && p.bytes_read > 0 && p.bytes_read < p.total_bytes) {
    const double remaining = (p.total_bytes - p.bytes_read) / (p.bytes_read / p.elapsed_seconds);
    line += format("  ETA %.0f s", remaining);
  }
  return line;
}

std::string bar(const IndexProgress& p) {
  if (p.total_bytes == 0) return {};
  const double done = std::min(1.0, static_cast<double>(p.bytes_read) / p.total_bytes);
  const int filled = static_cast<int>(done * kBarWidth);
  return "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "]" +
         format(" %3.0f%%  ", 100 * done);
}

}  // namespace

void ProgressPrinter::clear_status_line() {
  if (status_shown_) out_ << "\r\033[K";
  status_shown_ = false;
}

void ProgressPrinter::on_rejected(const ParseError& error) {
  clear_status_line();
  out_ << error.describe() << " (skipped)\n";
}

void ProgressPrinter::on_warning(const ParseError& warning) {
  clear_status_line();
  out_ << warning.describe() << " (warning)\n";
}

void ProgressPrinter::on_progress(const IndexProgress& p) {
  if (p.elapsed_seconds <= 0) return;
  if (mode_ == ProgressMode::kTerminal) {
    out_ << "\r\033[K" << bar(p) << describe(p) << std::flush;
    status_shown_ = true;
  } else if (mode_ == ProgressMode::kPlain &&
             p.elapsed_seconds - last_plain_line_ >= kPlainLineEverySeconds) {
    last_plain_line_ = p.elapsed_seconds;
    out_ << "progress: " << describe(p) << "\n";
  }
}

void ProgressPrinter::on_phase(const std::string& phase) {
  if (mode_ == ProgressMode::kQuiet || phase == "index") return;
  clear_status_line();
  out_ << "phase: " << phase << "\n";
}

void ProgressPrinter::finish() {
  clear_status_line();
}

std::string describe_rebuild_phases(const PhaseTimes& p) {
  return format("parse %.2f s (overlaps index), index %.2f s, merge+compact %.2f s, ", p.parse,
                p.index, p.merge) +
         format("check %.2f s, swap %.2f s", p.check, p.swap);
}

void print_summary(const IndexReport& r, std::ostream& out) {
  const double secs = r.elapsed_seconds > 0 ? r.elapsed_seconds : 1e-9;
  out << "indexed " << (r.added + r.replaced) << " articles (" << r.added << " added, "
      << r.replaced << " replaced), " << r.rejected << " rejected, " << r.warnings
      << " warnings, from " << r.files << " files\n";
  if (r.deleted + r.not_found + r.pruned > 0) {
    out << (r.mode == "rebuild" ? "left out " : "deleted ") << r.deleted << " articles ("
        << r.not_found << " ids not found), pruned " << r.pruned << "\n";
  }
  for (const auto& [reason, count] : r.rejected_reasons) {
    out << "  rejected " << count << ": " << reason << "\n";
  }
  for (const auto& note : r.notes) out << "note: " << note << "\n";
  if (r.mode == "rebuild") {
    out << "rebuilt with " << r.threads << " threads in " << r.segments
        << " segments; now live: " << r.generation << "\n"
        << "phases: " << describe_rebuild_phases(r.phases) << "\n";
  }
  out << "database now holds " << r.doc_count << " articles; "
      << format("%.2f s elapsed, %.0f articles/s, %.1f MB/s\n", r.elapsed_seconds,
                (r.added + r.replaced) / secs, r.bytes_read / 1e6 / secs);
}

}  // namespace berita
