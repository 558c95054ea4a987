// Runs a few independent pieces of work at once, one thread each, for the
// rebuild's steps that handle every shard or every table separately.
#ifndef BERITA_INDEX_SIDE_BY_SIDE_H
#define BERITA_INDEX_SIDE_BY_SIDE_H

#include <cstddef>
#include <functional>

namespace berita {

// Calls task(0) ... task(count - 1), each on its own thread (task(0) on the
// calling thread), and returns when all have ended. If any threw, the
// exception of the lowest-numbered one is rethrown, after every task ended.
void run_side_by_side(std::size_t count, const std::function<void(std::size_t)>& task);

}  // namespace berita

#endif
