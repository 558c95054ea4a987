# Synonyms (file, index terms, query expansion) and "did you mean".
berita_add_tests(synonyms_tests
  text/synonyms_test.cpp
  query/synonym_query_test.cpp
  search/synonym_search_test.cpp
  search/spelling_test.cpp
  search/word_neighbours_test.cpp
  index/word_keys_test.cpp
  e2e/synonyms_e2e_test.cpp
)
# The end-to-end cases run the real programs.
add_dependencies(synonyms_tests berita-indexer berita-search)
