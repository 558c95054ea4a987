// berita-indexer: indexes article files into a Berita database.
// Exit status: 0 all inputs indexed, 1 some rejected (the rest committed),
// 2 usage error or the database cannot be opened.
#include <unistd.h>

#include <iostream>

#include "cli/indexer_options.h"
#include "index/indexer.h"
#include "index/progress.h"
#include "schema/schema.h"

int main(int argc, char* argv[]) {
  std::optional<berita::IndexerCommand> command;
  try {
    command = berita::parse_indexer_options(argc, argv, std::cout);
    if (!command) return 0;
  } catch (const berita::UsageError& e) {
    std::cerr << "berita-indexer: " << e.what() << "\nTry 'berita-indexer --help'.\n";
    return 2;
  }

  berita::ProgressPrinter printer(std::cerr, !command->quiet && isatty(STDERR_FILENO));
  try {
    const berita::IndexReport report = berita::run_indexer(command->config, printer);
    printer.finish();
    berita::print_summary(report, std::cerr);
    return report.rejected > 0 ? 1 : 0;
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
  return 2;
}
