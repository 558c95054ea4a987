#include "workload/plain_engine.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

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

PlainSearcher::PlainSearcher(const std::string& db_path) : db_(db_path) {
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
  for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
  return bytes > 0 ? mset.size() : 0;
}

ReferenceIndexReport build_reference_index(const std::string& jsonl_path,
                                           const std::string& db_path,
                                           const std::string& work_dir) {
  std::ifstream in(jsonl_path);
  if (!in) throw std::runtime_error("cannot read " + jsonl_path);
  ReferenceIndexReport report;
  const auto start = std::chrono::steady_clock::now();
  {
    Xapian::WritableDatabase db(work_dir, Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      const auto record = nlohmann::json::parse(line);
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text_of(record, "title"), 1, "S");
      generator.index_text(text_of(record, "title"));
      generator.increase_termpos();
      generator.index_text(text_of(record, "body"));
      std::string date = text_of(record, "date");
      if (date.size() == 10) doc.add_value(kDateSlot, date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2));
      const std::string id_term = "Q" + text_of(record, "id");
      doc.add_boolean_term(id_term);
      doc.set_data(line);
      db.replace_document(id_term, doc);
      ++report.articles;
    }
    db.commit();
  }
  report.index_seconds = seconds_since(start);
  const auto compact_start = std::chrono::steady_clock::now();
  std::filesystem::remove_all(db_path);
  Xapian::Database(work_dir).compact(db_path);
  report.compact_seconds = seconds_since(compact_start);
  std::filesystem::remove_all(work_dir);
  return report;
}

}  // namespace berita::bench
