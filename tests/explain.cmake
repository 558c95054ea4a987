berita_add_tests(explain_tests
  search/explain_test.cpp
)
