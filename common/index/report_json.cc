#include "index/report_json.h"

#include <nlohmann/json.hpp>

namespace berita {

std::string report_to_json(const IndexReport& r) {
  nlohmann::json rejected_reasons = nlohmann::json::object();
  for (const auto& [reason, count] : r.rejected_reasons) rejected_reasons[reason] = count;
  const double secs = r.elapsed_seconds > 0 ? r.elapsed_seconds : 1e-9;
  const nlohmann::json json = {
      {"mode", r.mode},
      {"threads", r.threads},
      {"segments", r.segments},
      {"files", r.files},
      {"added", r.added},
      {"replaced", r.replaced},
      {"deleted", r.deleted},
      {"not_found", r.not_found},
      {"pruned", r.pruned},
      {"rejected", r.rejected},
      {"rejected_reasons", rejected_reasons},
      {"warnings", r.warnings},
      {"bytes_read", r.bytes_read},
      {"doc_count", r.doc_count},
      {"generation", r.generation},
      {"notes", r.notes},
      {"phases_seconds",
       {{"parse", r.phases.parse},
        {"index", r.phases.index},
        {"merge", r.phases.merge},
        {"check", r.phases.check},
        {"swap", r.phases.swap},
        {"remove", r.phases.remove},
        {"link", r.phases.link}}},
      {"near_duplicates",
       {{"linked", r.near_duplicates_linked}, {"clusters", r.near_duplicate_clusters}}},
      {"elapsed_seconds", r.elapsed_seconds},
      {"articles_per_second", (r.added + r.replaced) / secs},
      {"mb_per_second", r.bytes_read / 1e6 / secs},
  };
  return json.dump(2) + "\n";
}

}  // namespace berita
