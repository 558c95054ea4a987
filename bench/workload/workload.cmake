# Workloads shared by the query benchmark and the scaling runner: query
# lists, latency summaries, and the plain-Xapian baselines. Included from
# bench/ and from tests/bench.cmake, so the baselines' own tests run in every
# build, with or without Google Benchmark.
if(NOT TARGET berita_workload)
  add_library(berita_workload STATIC
    ${CMAKE_CURRENT_LIST_DIR}/latency.cc
    ${CMAKE_CURRENT_LIST_DIR}/plain_engine.cc
    ${CMAKE_CURRENT_LIST_DIR}/query_set.cc
  )
  target_include_directories(berita_workload PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
  target_link_libraries(berita_workload PUBLIC berita_common PRIVATE berita_warnings)
endif()
