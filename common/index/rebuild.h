// Atomic rebuild: builds a complete new database beside the live one from
// the inputs alone, checks it, and switches the live name to it in one step.
//
// Steps, each reported as a phase: take the writer lock; remove what a
// killed run left; build shards in parallel (parallel_indexer.h); link
// near-duplicate articles across all shards (near_duplicate_linker.h) and
// write the synonyms file into shard 0; merge them into one compact database with Xapian's compactor; check it (document
// count, schema version, and Xapian's own consistency check); publish it as
// the next generation (generations.h); delete generations no reader needs.
// Until the switch, nothing the live database's readers can see has changed,
// so a failure or a kill -9 at any point leaves them serving as before.
#ifndef BERITA_INDEX_REBUILD_H
#define BERITA_INDEX_REBUILD_H

#include "index/index_inputs.h"
#include "index/indexer.h"

namespace berita {

// Called by run_indexer when config.rebuild is set; fills report. Throws as
// run_indexer does; on any failure the build directory is removed (after a
// crash, by the next run) and the live database is as it was.
void run_rebuild(const IndexerConfig& config, const IndexInputs& prepared, IndexObserver& observer,
                 IndexReport& report);

}  // namespace berita

#endif
