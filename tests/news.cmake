# News search features (issue #4) wired through the Searcher, the CLI and
# the daemon: query building, more-like-this, autocomplete, and end-to-end
# tests of every parameter.
berita_add_tests(news_tests
  query/query_builder_test.cpp
  search/similar_test.cpp
  search/autocomplete_test.cpp
)
