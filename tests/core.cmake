berita_add_tests(core_tests
  article/dateline_test.cpp
  article/fields_test.cpp
  article/json_article_test.cpp
  article/text_article_test.cpp
  text/utf8_test.cpp
)
