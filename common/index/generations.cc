#include "index/generations.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace berita {
namespace {

constexpr const char* kGenInfix = ".gen-";
constexpr const char* kBuildInfix = ".build-";
constexpr const char* kSwapInfix = ".swap-";

struct Names {
  fs::path parent;
  std::string base;
};

Names split(const std::string& db_path) {
  const fs::path path(normalise_db_path(db_path));
  Names names{path.parent_path(), path.filename().string()};
  if (names.parent.empty()) names.parent = ".";
  return names;
}

std::runtime_error os_error(const std::string& what, int error) {
  return std::runtime_error(what + ": " + std::strerror(error));
}

// rename(2) and symlink(2) are atomic, but only durable once the directory
// holding the names is synced.
void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) throw os_error("cannot open " + dir.string(), errno);
  const int rc = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (rc != 0) throw os_error("cannot sync " + dir.string(), error);
}

bool starts_with(const std::string& s, const std::string& prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

// The generation number in "BASE.gen-<n>", or -1.
long generation_number(const std::string& name, const std::string& base) {
  const std::string prefix = base + kGenInfix;
  if (!starts_with(name, prefix) || name.size() == prefix.size()) return -1;
  const std::string digits = name.substr(prefix.size());
  if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9) return -1;
  return std::stol(digits);
}

std::vector<std::pair<long, fs::path>> list_generations(const Names& names) {
  std::vector<std::pair<long, fs::path>> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(names.parent, ec)) {
    const long n = generation_number(entry.path().filename().string(), names.base);
    if (n >= 0) found.emplace_back(n, entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

void rename_or_throw(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) {
    throw os_error("cannot rename " + from.string() + " to " + to.string(), errno);
  }
}

}  // namespace

std::string normalise_db_path(const std::string& db_path) {
  std::string path = db_path;
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

WriterLock::WriterLock(const std::string& db_path) {
  const std::string lock_path = normalise_db_path(db_path) + ".lock";
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw os_error("cannot create lock file " + lock_path, errno);
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd_);
    if (error == EWOULDBLOCK) {
      throw IndexerBusy("database " + normalise_db_path(db_path) +
                        " is locked by another indexer; try again when it has finished");
    }
    throw os_error("cannot lock " + lock_path, error);
  }
}

WriterLock::~WriterLock() {
  // Closing the descriptor releases the flock.
  if (fd_ >= 0) ::close(fd_);
}

std::vector<std::string> remove_stale_builds(const std::string& db_path) {
  const Names names = split(db_path);
  std::vector<std::string> removed;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(names.parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (starts_with(name, names.base + kBuildInfix) || starts_with(name, names.base + kSwapInfix)) {
      std::error_code remove_ec;
      fs::remove_all(entry.path(), remove_ec);
      if (remove_ec)
        throw std::runtime_error("cannot remove stale " + entry.path().string() + ": " +
                                 remove_ec.message());
      removed.push_back(entry.path().string());
    }
  }
  return removed;
}

void check_replaceable(const std::string& db_path) {
  const fs::path path(normalise_db_path(db_path));
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (ec || status.type() == fs::file_type::not_found || fs::is_symlink(status)) return;
  if (!fs::is_directory(status)) {
    throw std::runtime_error(path.string() + " exists and is not a database directory");
  }
  const bool empty = fs::is_empty(path, ec);
  const bool xapian = fs::exists(path / "iamglass", ec) || fs::exists(path / "iamchert", ec);
  if (!empty && !xapian) {
    throw std::runtime_error(path.string() +
                             " is a directory but not a Xapian database; refusing to replace it");
  }
}

std::string make_build_dir(const std::string& db_path) {
  const Names names = split(db_path);
  const fs::path dir = names.parent / (names.base + kBuildInfix + std::to_string(::getpid()));
  std::error_code ec;
  fs::remove_all(dir, ec);
  if (!fs::create_directories(dir, ec) || ec) {
    throw std::runtime_error("cannot create " + dir.string() + ": " +
                             (ec ? ec.message() : "already exists"));
  }
  return dir.string();
}

std::string live_generation(const std::string& db_path) {
  const std::string path = normalise_db_path(db_path);
  std::error_code ec;
  if (!fs::is_symlink(path, ec)) return {};
  const fs::path target = fs::read_symlink(path, ec);
  if (ec) return {};
  return target.is_absolute() ? target.string() : (split(path).parent / target).string();
}

std::string publish_generation(const std::string& db_path, const std::string& built_path,
                               const CrashPoint& crash) {
  const Names names = split(db_path);
  const fs::path live = names.parent / names.base;
  const auto generations = list_generations(names);
  long next = generations.empty() ? 1 : generations.back().first + 1;

  std::error_code ec;
  const bool plain_directory = !fs::is_symlink(live, ec) && fs::is_directory(live, ec);
  const long plain_number = plain_directory ? next++ : -1;

  const std::string gen_name = names.base + kGenInfix + std::to_string(next);
  const fs::path gen_path = names.parent / gen_name;
  rename_or_throw(built_path, gen_path);
  sync_directory(names.parent);

  // The symlink target is relative so the whole folder can be moved.
  const fs::path temp_link = names.parent / (names.base + kSwapInfix + std::to_string(::getpid()));
  fs::remove(temp_link, ec);
  if (::symlink(gen_name.c_str(), temp_link.c_str()) != 0) {
    throw os_error("cannot create symlink " + temp_link.string(), errno);
  }
  crash.at("swap");

  if (plain_directory) {
    if (::renameat2(AT_FDCWD, temp_link.c_str(), AT_FDCWD, live.c_str(), RENAME_EXCHANGE) != 0) {
      throw os_error("cannot exchange " + live.string() + " for a symlink (RENAME_EXCHANGE)",
                     errno);
    }
    // temp_link now names the old database directory; keep it as the
    // previous generation so readers that still have it open find it.
    crash.at("exchange");
    rename_or_throw(temp_link,
                    names.parent / (names.base + kGenInfix + std::to_string(plain_number)));
  } else {
    rename_or_throw(temp_link, live);
  }
  // The switch has happened; a failed sync only means it might not survive
  // a power cut, which must not make the caller think it failed.
  try {
    sync_directory(names.parent);
  } catch (const std::runtime_error&) {
  }
  crash.at("swapped");
  return gen_path.string();
}

std::vector<std::string> remove_old_generations(const std::string& db_path) {
  const Names names = split(db_path);
  const std::string live = live_generation(db_path);
  if (live.empty()) return {};
  const long live_number = generation_number(fs::path(live).filename().string(), names.base);
  long previous = -1;
  const auto generations = list_generations(names);
  for (const auto& [n, path] : generations) {
    if (n < live_number) previous = n;
  }
  std::vector<std::string> removed;
  for (const auto& [n, path] : generations) {
    if (n == live_number || n == previous) continue;
    std::error_code ec;
    fs::remove_all(path, ec);
    if (!ec) removed.push_back(path.string());
  }
  return removed;
}

}  // namespace berita
