// What both indexing modes start from: furniture rules, the input files, and
// the ids to delete. Internal to common/index.
#ifndef BERITA_INDEX_INDEX_INPUTS_H
#define BERITA_INDEX_INDEX_INPUTS_H

#include <string>
#include <unordered_set>

#include "article/furniture.h"
#include "article/input_reader.h"
#include "index/indexer.h"

namespace berita {

struct IndexInputs {
  PageFurniture furniture;
  InputSet inputs;
  std::unordered_set<std::string> delete_ids;
};

// Loads the furniture and delete files and collects the inputs; problems go
// to report and observer. Throws std::runtime_error if a file named by the
// config cannot be read.
IndexInputs prepare_inputs(const IndexerConfig& config, IndexObserver& observer,
                           IndexReport& report);

}  // namespace berita

#endif
