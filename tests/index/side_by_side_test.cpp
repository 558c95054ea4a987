// run_side_by_side: every task runs once, no more threads than allowed, and
// a failure is reported after the others have finished.
#include "index/side_by_side.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace berita {
namespace {

TEST_CASE("side by side runs each task once on at most max_threads threads", "[index]") {
  const std::size_t max_threads = GENERATE(1, 2, 3, 64);
  constexpr std::size_t kTasks = 20;
  std::vector<std::atomic<int>> runs(kTasks);
  std::atomic<int> running{0};
  std::atomic<int> most_at_once{0};
  run_side_by_side(
      kTasks,
      [&](std::size_t i) {
        const int now = ++running;
        int seen = most_at_once.load();
        while (now > seen && !most_at_once.compare_exchange_weak(seen, now)) {
        }
        // Long enough for the other threads to pick up work meanwhile.
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++runs[i];
        --running;
      },
      max_threads);
  for (std::size_t i = 0; i < kTasks; ++i) CHECK(runs[i] == 1);
  CHECK(most_at_once <= static_cast<int>(std::min(max_threads, kTasks)));
  if (max_threads > 1) CHECK(most_at_once > 1);
}

TEST_CASE("side by side rethrows the lowest-numbered failure after all tasks ended",
          "[index]") {
  std::atomic<int> finished{0};
  const auto task = [&](std::size_t i) {
    ++finished;
    if (i == 3 || i == 7) throw std::runtime_error("task " + std::to_string(i));
  };
  try {
    run_side_by_side(10, task, 2);
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "task 3");
  }
  CHECK(finished == 10);
}

TEST_CASE("side by side with no tasks returns at once", "[index]") {
  bool called = false;
  run_side_by_side(0, [&](std::size_t) { called = true; }, 4);
  CHECK_FALSE(called);
}

}  // namespace
}  // namespace berita
