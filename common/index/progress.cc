#include "index/progress.h"

#include <cstdio>

namespace berita {
namespace {

std::string format(const char* fmt, double a, double b = 0, double c = 0, double d = 0) {
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, fmt, a, b, c, d);
  return buffer;
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
  if (!interactive_ || p.elapsed_seconds <= 0) return;
  const double rate = p.articles / p.elapsed_seconds;
  const double mb_rate = p.bytes_read / 1e6 / p.elapsed_seconds;
  std::string line = format("\r\033[K%.0f articles  %.0f articles/s  %.1f MB/s", p.articles, rate,
                            mb_rate);
  if (p.total_bytes > 0 && p.bytes_read > 0 && p.bytes_read < p.total_bytes) {
    const double remaining = (p.total_bytes - p.bytes_read) / (p.bytes_read / p.elapsed_seconds);
    line += format("  %.0f%%  ETA %.0f s", 100.0 * p.bytes_read / p.total_bytes, remaining);
  }
  out_ << line << std::flush;
  status_shown_ = true;
}

void ProgressPrinter::finish() { clear_status_line(); }

void print_summary(const IndexReport& r, std::ostream& out) {
  const double secs = r.elapsed_seconds > 0 ? r.elapsed_seconds : 1e-9;
  out << "indexed " << (r.added + r.replaced) << " articles (" << r.added << " added, "
      << r.replaced << " replaced), " << r.rejected << " rejected, " << r.warnings
      << " warnings, from " << r.files << " files\n"
      << "database now holds " << r.doc_count << " articles; "
      << format("%.2f s elapsed, %.0f articles/s, %.1f MB/s\n", r.elapsed_seconds,
                (r.added + r.replaced) / secs, r.bytes_read / 1e6 / secs);
}

}  // namespace berita
