berita_add_tests(core_tests
  article/dateline_test.cpp
)
