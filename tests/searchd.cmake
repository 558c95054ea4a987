# berita-searchd: unit tests of its parts, and end-to-end tests that start the
# real daemon on a free loopback port and talk HTTP to it.
berita_add_tests(searchd_tests
  searchd/html_page_test.cpp
  searchd/metrics_test.cpp
  searchd/request_params_test.cpp
  searchd/searchd_options_test.cpp
)
target_link_libraries(searchd_tests PRIVATE berita_searchd berita_cli)

berita_add_tests(searchd_e2e_tests
  e2e/searchd_api_e2e_test.cpp
  e2e/searchd_bad_input_e2e_test.cpp
  e2e/searchd_lifecycle_e2e_test.cpp
  e2e/searchd_support.cpp
)
target_link_libraries(searchd_e2e_tests PRIVATE PkgConfig::HTTPLIB)
# The tests start the real programs.
add_dependencies(searchd_e2e_tests berita-searchd berita-search berita-indexer)

berita_add_tests(searchd_news_e2e_tests
  e2e/searchd_news_e2e_test.cpp
  e2e/searchd_support.cpp
)
target_link_libraries(searchd_news_e2e_tests PRIVATE PkgConfig::HTTPLIB)
add_dependencies(searchd_news_e2e_tests berita-searchd berita-search berita-indexer)
