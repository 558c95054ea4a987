// Runs independent pieces of work at once, for the rebuild's steps that
// handle every shard or every table separately.
#ifndef BERITA_INDEX_SIDE_BY_SIDE_H
#define BERITA_INDEX_SIDE_BY_SIDE_H

#include <cstddef>
#include <cstdint>
#include <functional>

namespace berita {

// Calls task(0) ... task(count - 1) on at most max_threads threads (the
// calling thread is one of them), each thread taking the next task when it
// is free, and returns when all have ended. If any threw, the exception of
// the lowest-numbered one is rethrown, after every task ended.
void run_side_by_side(std::size_t count, const std::function<void(std::size_t)>& task,
                      std::size_t max_threads = SIZE_MAX);

}  // namespace berita

#endif
