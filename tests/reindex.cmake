# Reindexing: generations and atomic swap, parallel rebuild, incremental
# updates (deletes, prune), and crash tests that kill the real indexer.
berita_add_tests(reindex_tests
  index/generations_test.cpp
  index/rebuild_test.cpp
  index/update_test.cpp
  index/progress_test.cpp
  index/report_json_test.cpp
  index/table_check_test.cpp
  index/parallel_indexer_test.cpp
  cli/indexer_options_test.cpp
  e2e/reindex_support.cpp
  e2e/reindex_crash_test.cpp
  e2e/reindex_cli_test.cpp
)
target_link_libraries(reindex_tests PRIVATE berita_cli)
