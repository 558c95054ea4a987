#include "index/table_check.h"

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <utility>
#include <vector>

#include "index/side_by_side.h"

namespace fs = std::filesystem;

namespace berita {
namespace {

struct Share {
  std::vector<std::string> tables;
  std::uintmax_t bytes = 0;
  std::size_t errors = 0;
  std::string first_failed;
  std::string details;
};

void check_share(Share& share) {
  for (const auto& table : share.tables) {
    std::ostringstream out;
    const std::size_t errors = Xapian::Database::check(table, 0, &out);
    if (errors > 0 && share.errors == 0) {
      share.first_failed = table;
      share.details = out.str();
    }
    share.errors += errors;
  }
}

}  // namespace

void check_database_tables(const std::string& db_dir, unsigned threads) {
  std::vector<std::pair<std::uintmax_t, std::string>> tables;
  for (const auto& entry : fs::directory_iterator(db_dir)) {
    if (entry.path().extension() == ".glass") {
      tables.emplace_back(entry.file_size(), entry.path().string());
    }
  }
  if (tables.empty()) throw std::runtime_error(db_dir + " holds no glass tables to check");
  // Largest first, each to the least loaded thread: the big tables decide
  // how long the check takes.
  std::sort(tables.rbegin(), tables.rend());
  std::vector<Share> shares(std::clamp<std::size_t>(threads, 1, tables.size()));
  for (const auto& [bytes, table] : tables) {
    auto least = std::min_element(shares.begin(), shares.end(),
                                  [](const Share& a, const Share& b) { return a.bytes < b.bytes; });
    least->tables.push_back(table);
    least->bytes += bytes;
  }
  run_side_by_side(shares.size(), [&shares](std::size_t i) { check_share(shares[i]); });
  for (const auto& share : shares) {
    if (share.errors > 0) {
      throw std::runtime_error("Xapian's check found " + std::to_string(share.errors) +
                               " errors in " + share.first_failed + ": " +
                               share.details.substr(0, 500));
    }
  }
}

}  // namespace berita
