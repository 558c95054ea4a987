// The indexer's final report as JSON (berita-indexer --report FILE), with
// the same numbers as the printed summary. Field names are stable.
#ifndef BERITA_INDEX_REPORT_JSON_H
#define BERITA_INDEX_REPORT_JSON_H

#include <string>

#include "index/indexer.h"

namespace berita {

std::string report_to_json(const IndexReport& report);

}  // namespace berita

#endif
