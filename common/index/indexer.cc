#include "index/indexer.h"

#include <chrono>
#include <fstream>
#include <thread>
#include <unordered_set>

#include "article/furniture.h"
#include "index/generations.h"
#include "index/index_inputs.h"
#include "index/rebuild.h"
#include "text/synonyms.h"

namespace berita {
namespace {

std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// One id per line; blank lines and lines starting with '#' are ignored, so a
// takedown list can carry comments (who asked, when).
void read_delete_file(const std::string& path, std::unordered_set<std::string>& ids) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read delete list " + path);
  std::string line;
  while (std::getline(in, line)) {
    const std::string id = trim(line);
    if (!id.empty() && id[0] != '#') ids.insert(id);
  }
  if (in.bad()) throw std::runtime_error("error reading delete list " + path);
}

// At most this many bad synonym lines are also listed as notes (and so in
// the --report JSON); all of them are printed as warnings.
constexpr std::size_t kMaxSynonymNotes = 20;

// Replaces config.analyzer.synonyms with the synonyms file's groups.
void load_synonyms(IndexerConfig& config, IndexObserver& observer, IndexReport& report) {
  if (config.synonyms_file.empty()) return;
  SynonymFile file = load_synonyms_file(config.synonyms_file);
  for (const auto& problem : file.problems) {
    ++report.warnings;
    observer.on_warning(problem);
  }
  for (std::size_t i = 0; i < file.problems.size() && i < kMaxSynonymNotes; ++i) {
    report.notes.push_back("synonyms: skipped " + file.problems[i].describe());
  }
  if (file.problems.size() > kMaxSynonymNotes) {
    report.notes.push_back("synonyms: skipped " +
                           std::to_string(file.problems.size() - kMaxSynonymNotes) +
                           " more bad lines of " + config.synonyms_file);
  }
  config.analyzer.synonyms = std::move(file.groups);
}

class WritingHandler : public ReportingHandler {
 public:
  WritingHandler(IndexWriter& writer, IndexObserver& observer, IndexReport& report,
                 IndexProgress& progress, const IndexerConfig& config,
                 std::unordered_set<std::string>* seen_ids)
      : ReportingHandler(observer, report, progress),
        writer_(writer),
        config_(config),
        seen_ids_(seen_ids) {}

  void on_article(Article&& article) override {
    if (seen_ids_ != nullptr) seen_ids_->insert(article.id);
    if (writer_.add(article) == IndexWriter::Outcome::kReplaced) {
      ++report_.replaced;
    } else {
      ++report_.added;
    }
    ++progress_.articles;
    config_.crash.after_articles(progress_.articles);
    if (progress_.articles % kProgressEveryArticles == 0) publish();
  }
  void publish() {
    progress_.elapsed_seconds = seconds_since(start_);
    observer_.on_progress(progress_);
  }

 private:
  IndexWriter& writer_;
  const IndexerConfig& config_;
  std::unordered_set<std::string>* seen_ids_;
  Clock::time_point start_ = Clock::now();
};

void run_update(const IndexerConfig& config, const IndexInputs& prepared, IndexObserver& observer,
                IndexReport& report) {
  // Our lock first: it keeps an update out of a rebuild in progress (whose
  // switch would discard the update), with a clear message either way.
  WriterLock lock(config.db_path);
  IndexWriter writer(config.db_path, config.analyzer, config.writer);
  const Xapian::doccount docs_before = writer.doc_count();
  IndexProgress progress;
  progress.total_bytes = prepared.inputs.total_bytes;
  std::unordered_set<std::string> seen_ids;
  WritingHandler handler(writer, observer, report, progress, config,
                         config.prune ? &seen_ids : nullptr);
  observer.on_phase("index");
  const auto index_start = Clock::now();
  for (const auto& file : prepared.inputs.files) {
    read_input(file, prepared.furniture, config.limits, handler);
  }
  writer.commit();
  handler.publish();
  report.phases.index = seconds_since(index_start);
  report.bytes_read = progress.bytes_read;

  const auto remove_start = Clock::now();
  if (!prepared.delete_ids.empty()) observer.on_phase("delete");
  for (const auto& id : prepared.delete_ids) {
    ++(writer.remove(id) ? report.deleted : report.not_found);
  }
  if (config.prune) {
    if (report.rejected > 0) {
      // A record that failed to parse is not a record that should go.
      report.notes.push_back("prune skipped: " + std::to_string(report.rejected) +
                             " inputs were rejected, so the set of ids is incomplete");
    } else {
      observer.on_phase("prune");
      report.pruned = writer.remove_all_except(seen_ids);
    }
  }
  if (writer.replace_synonyms().phrases_changed && docs_before > 0) {
    report.notes.push_back(
        "multi-word synonyms changed: articles indexed by earlier runs follow the change "
        "only after a --rebuild");
  }
  writer.commit();
  report.phases.remove = seconds_since(remove_start);
  report.doc_count = writer.doc_count();
  const NearDuplicateStats links = writer.near_duplicates();
  report.near_duplicates_linked = links.linked;
  report.near_duplicate_clusters = links.clusters;
  report.phases.link = links.seconds;
}

}  // namespace

std::string reason_kind(const std::string& reason) {
  const auto cut = reason.find_first_of(":(");
  return trim(cut == std::string::npos ? reason : reason.substr(0, cut));
}

void count_rejection(IndexReport& report, const ParseError& error) {
  ++report.rejected;
  ++report.rejected_reasons[reason_kind(error.reason)];
}

IndexInputs prepare_inputs(const IndexerConfig& config, IndexObserver& observer,
                           IndexReport& report) {
  IndexInputs prepared;
  if (!config.furniture_file.empty()) {
    for (const auto& error : prepared.furniture.load_file(config.furniture_file)) {
      ++report.warnings;
      observer.on_warning(error);
    }
  }
  prepared.delete_ids.insert(config.delete_ids.begin(), config.delete_ids.end());
  if (!config.delete_from.empty()) read_delete_file(config.delete_from, prepared.delete_ids);

  prepared.inputs = collect_inputs(config.inputs);
  for (const auto& error : prepared.inputs.errors) {
    count_rejection(report, error);
    observer.on_rejected(error);
  }
  report.files = prepared.inputs.files.size();
  return prepared;
}

IndexReport run_indexer(const IndexerConfig& config, IndexObserver& observer) {
  const auto start = Clock::now();
  IndexReport report;
  const IndexInputs prepared = prepare_inputs(config, observer, report);
  IndexerConfig effective = config;
  load_synonyms(effective, observer, report);
  if (config.rebuild) {
    if (effective.parallel.threads == 0) {
      effective.parallel.threads = std::max(1u, std::thread::hardware_concurrency());
    }
    run_rebuild(effective, prepared, observer, report);
  } else {
    run_update(effective, prepared, observer, report);
  }
  report.elapsed_seconds = seconds_since(start);
  return report;
}

}  // namespace berita
