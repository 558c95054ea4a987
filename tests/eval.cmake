# Ranking quality: metrics, TREC files, the evaluator, the regression guard
# on real collections, and berita-eval end to end.
berita_add_tests(eval_tests
  eval/evaluator_test.cpp
  eval/metrics_test.cpp
  eval/relevance_regression_test.cpp
  eval/trec_files_test.cpp
)
berita_add_tests(eval_e2e_tests
  e2e/eval_cli_test.cpp
)
berita_add_tests(ranking_tests
  search/ranking_test.cpp
)
