// berita-indexer: indexes article files into a Berita database, updating it
// in place or rebuilding it beside the live one (--rebuild).
// Exit status: 0 all inputs indexed, 1 some rejected (the rest committed),
// 2 usage error, or the job could not run (database locked or unreadable, a
// failed rebuild; the live database is then unchanged).
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/indexer_options.h"
#include "index/generations.h"
#include "index/indexer.h"
#include "index/progress.h"
#include "index/report_json.h"

namespace {

bool write_report(const std::string& path, const berita::IndexReport& report) {
  std::ofstream out(path);
  out << berita::report_to_json(report);
  out.close();
  if (out) return true;
  std::cerr << "berita-indexer: cannot write report " << path << "\n";
  return false;
}

}  // namespace

int main(int argc, char* argv[]) {
  std::optional<berita::IndexerCommand> command;
  try {
    command = berita::parse_indexer_options(argc, argv, std::cout);
    if (!command) return 0;
    // Crash-safety tests make the indexer die at an exact point.
    if (const char* crash_at = std::getenv("BERITA_TEST_CRASH_AT")) {
      command->config.crash = berita::CrashPoint(crash_at);
    }
  } catch (const std::exception& e) {
    std::cerr << "berita-indexer: " << e.what() << "\nTry 'berita-indexer --help'.\n";
    return 2;
  }

  const auto mode = command->quiet               ? berita::ProgressMode::kQuiet
                    : isatty(STDERR_FILENO) != 0 ? berita::ProgressMode::kTerminal
                                                 : berita::ProgressMode::kPlain;
  berita::ProgressPrinter printer(std::cerr, mode);
  try {
    const berita::IndexReport report = berita::run_indexer(command->config, printer);
    printer.finish();
    berita::print_summary(report, std::cerr);
    std::cerr << "near duplicates: " << report.near_duplicates_linked << " articles linked into "
              << report.near_duplicate_clusters << " clusters in "
              << static_cast<long>(report.phases.link * 1000) << " ms\n";
    if (!command->report_file.empty() && !write_report(command->report_file, report)) return 2;
    return report.rejected > 0 ? 1 : 0;
  } catch (const berita::IndexerBusy& e) {
    printer.finish();
    std::cerr << "berita-indexer: " << e.what() << "\n";
  } catch (const Xapian::DatabaseLockError& e) {
    printer.finish();
    std::cerr << "berita-indexer: database " << command->config.db_path
              << " is locked by another indexer; try again when it has finished\n";
  } catch (const Xapian::Error& e) {
    printer.finish();
    std::cerr << "berita-indexer: " << command->config.db_path << ": " << e.get_description()
              << "\n";
  } catch (const std::exception& e) {
    printer.finish();
    std::cerr << "berita-indexer: " << e.what() << "\n";
  }
  if (command->config.rebuild) {
    std::cerr << "berita-indexer: rebuild abandoned; the live database was not changed\n";
  }
  return 2;
}
