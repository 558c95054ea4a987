# Facets and freshness-aware ranking (search/facets, search/recency), tested
# against real Xapian databases built with the real document builder. The
# [measure] cases are hidden: they time the features on an indexed Reuters
# collection (see facets_recency_measure_test.cpp).
berita_add_tests(facets_tests
  search/facets_test.cpp
  search/recency_test.cpp
  search/value_columns_test.cpp
  search/facets_recency_measure_test.cpp
)
