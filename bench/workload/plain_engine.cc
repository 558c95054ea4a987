#include "workload/plain_engine.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/schema.h"

namespace berita::bench {
namespace {

constexpr Xapian::valueno kDateSlot = 0;

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string text_of(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  return it != record.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

PlainSearcher::PlainSearcher(const std::string& db_path)
    : db_(db_path),
      // Berita keeps each article in a value slot (schema::slot::kStoredArticle);
      // the baseline reads the same record there, and the document data of
      // its own databases.
      record_in_slot_(!db_.get_metadata(berita::schema::kVersionKey).empty()) {
  parser_.set_stemmer(Xapian::Stem("english"));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser_.set_database(db_);
  parser_.add_prefix("title", "S");
}

std::size_t PlainSearcher::search(const PlainRequest& request) {
  Xapian::Query query = parser_.parse_query(
      request.text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
  if (!request.filter_term.empty()) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(request.filter_term));
  }
  if (!request.date_low.empty() || !request.date_high.empty()) {
    const std::string high = request.date_high.empty() ? "99999999" : request.date_high;
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kDateSlot,
                                        request.date_low, high));
  }
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  if (request.sort_by_date) enquire.set_sort_by_value_then_relevance(kDateSlot, true);
  const Xapian::MSet mset = enquire.get_mset(request.offset, request.limit);
  std::size_t bytes = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    bytes += record_in_slot_ ? doc.get_value(berita::schema::slot::kStoredArticle).size()
                             : doc.get_data().size();
  }
  return bytes > 0 ? mset.size() : 0;
}

namespace {

// The baseline's document for one JSON line: TermGenerator defaults with the
// English stemmer over title (also with prefix S) and body, the date in slot
// 0, the id term, the line as data.
class ReferenceDocumentMaker {
 public:
  ReferenceDocumentMaker() { generator_.set_stemmer(Xapian::Stem("english")); }

  // Adds or replaces the line's document.
  void add(Xapian::WritableDatabase& db, const std::string& line) {
    const auto record = nlohmann::json::parse(line);
    Xapian::Document doc;
    generator_.set_document(doc);
    generator_.index_text(text_of(record, "title"), 1, "S");
    generator_.index_text(text_of(record, "title"));
    generator_.increase_termpos();
    generator_.index_text(text_of(record, "body"));
    std::string date = text_of(record, "date");
    if (date.size() == 10) doc.add_value(kDateSlot, date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
    const std::string id_term = "Q" + text_of(record, "id");
    doc.add_boolean_term(id_term);
    doc.set_data(line);
    db.replace_document(id_term, doc);
  }

 private:
  Xapian::TermGenerator generator_;
};

// Byte offsets splitting the file into parts of whole lines, as equal in
// line count as possible: parts + 1 offsets.
std::vector<std::uint64_t> part_offsets(const std::string& jsonl_path, unsigned parts) {
  std::ifstream in(jsonl_path);
  if (!in) throw std::runtime_error("cannot read " + jsonl_path);
  std::vector<std::uint64_t> line_starts;
  std::uint64_t offset = 0;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) line_starts.push_back(offset);
    offset += line.size() + 1;
  }
  std::vector<std::uint64_t> out;
  for (unsigned i = 0; i < parts; ++i) {
    const std::size_t first = line_starts.size() * i / parts;
    out.push_back(first < line_starts.size() ? line_starts[first] : offset);
  }
  out.push_back(offset);
  return out;
}

}  // namespace

ReferenceIndexReport build_reference_index(const std::string& jsonl_path,
                                           const std::string& db_path,
                                           const std::string& work_dir,
                                           double time_limit_seconds) {
  std::ifstream in(jsonl_path);
  if (!in) throw std::runtime_error("cannot read " + jsonl_path);
  ReferenceIndexReport report;
  const auto start = std::chrono::steady_clock::now();
  {
    Xapian::WritableDatabase db(work_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    ReferenceDocumentMaker maker;
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      maker.add(db, line);
      ++report.articles;
      if (time_limit_seconds > 0 && report.articles % 1000 == 0 &&
          seconds_since(start) >= time_limit_seconds) {
        report.stopped_early = true;
        break;
      }
    }
    db.commit();
  }
  report.index_seconds = seconds_since(start);
  if (report.stopped_early) {
    std::filesystem::remove_all(work_dir);
    return report;
  }
  const auto compact_start = std::chrono::steady_clock::now();
  std::filesystem::remove_all(db_path);
  Xapian::Database(work_dir).compact(db_path);
  report.compact_seconds = seconds_since(compact_start);
  std::filesystem::remove_all(work_dir);
  return report;
}

ReferenceIndexReport build_reference_index_in_parts(const std::string& jsonl_path,
                                                    const std::string& db_path,
                                                    const std::string& work_dir, unsigned parts,
                                                    unsigned threads) {
  if (parts == 0 || threads == 0) throw std::runtime_error("parts and threads must be at least 1");
  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::uint64_t> offsets = part_offsets(jsonl_path, parts);
  std::filesystem::create_directories(work_dir);
  const auto part_path = [&](unsigned i) { return work_dir + "/part-" + std::to_string(i); };
  std::atomic<unsigned> next{0};
  std::atomic<std::uint64_t> articles{0};
  std::mutex error_mutex;
  std::string error;
  const auto worker = [&] {
    try {
      ReferenceDocumentMaker maker;
      for (unsigned i = next++; i < parts; i = next++) {
        std::ifstream in(jsonl_path);
        in.seekg(static_cast<std::streamoff>(offsets[i]));
        Xapian::WritableDatabase db(part_path(i), Xapian::DB_CREATE_OR_OVERWRITE);
        std::uint64_t offset = offsets[i];
        std::uint64_t since_commit = 0;
        for (std::string line; offset < offsets[i + 1] && std::getline(in, line);) {
          offset += line.size() + 1;
          if (line.empty()) continue;
          maker.add(db, line);
          ++articles;
          // Small batches keep Xapian's in-memory postings small; the
          // compacted result is the same whatever the batch size.
          if (++since_commit == 1000) {
            db.commit();
            since_commit = 0;
          }
        }
        db.commit();
      }
    } catch (const std::exception& e) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      error = e.what();
    } catch (const Xapian::Error& e) {
      const std::lock_guard<std::mutex> lock(error_mutex);
      error = e.get_description();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (auto& thread : pool) thread.join();
  if (!error.empty()) throw std::runtime_error(error);
  ReferenceIndexReport report;
  report.articles = articles;
  report.index_seconds = seconds_since(start);
  const auto compact_start = std::chrono::steady_clock::now();
  std::filesystem::remove_all(db_path);
  Xapian::Database all;
  for (unsigned i = 0; i < parts; ++i) all.add_database(Xapian::Database(part_path(i)));
  all.compact(db_path, Xapian::DBCOMPACT_MULTIPASS);
  report.compact_seconds = seconds_since(compact_start);
  std::filesystem::remove_all(work_dir);
  return report;
}

}  // namespace berita::bench
