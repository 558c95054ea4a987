#include "index/report_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace berita {
namespace {

TEST_CASE("the JSON report carries the summary's numbers under stable names", "[index][report]") {
  IndexReport report;
  report.mode = "rebuild";
  report.threads = 2;
  report.added = 10;
  report.replaced = 2;
  report.deleted = 1;
  report.rejected = 3;
  report.rejected_reasons = {{"malformed JSON", 2}, {"empty file", 1}};
  report.doc_count = 10;
  report.bytes_read = 2000000;
  report.generation = "/srv/db.gen-4";
  report.phases.merge = 1.5;
  report.elapsed_seconds = 2;
  const auto json = nlohmann::json::parse(report_to_json(report));
  CHECK(json["mode"] == "rebuild");
  CHECK(json["added"] == 10);
  CHECK(json["replaced"] == 2);
  CHECK(json["deleted"] == 1);
  CHECK(json["rejected"] == 3);
  CHECK(json["rejected_reasons"]["malformed JSON"] == 2);
  CHECK(json["doc_count"] == 10);
  CHECK(json["generation"] == "/srv/db.gen-4");
  CHECK(json["phases_seconds"]["merge"] == 1.5);
  CHECK(json["articles_per_second"] == 6.0);
  CHECK(json["mb_per_second"] == 1.0);
}

}  // namespace
}  // namespace berita
