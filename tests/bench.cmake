# Tests of the synthetic archive generator (bench/synth). The benchmarks
# themselves are not tests: they run from scripts/bench.sh.
include(${CMAKE_SOURCE_DIR}/bench/synth/synth.cmake)
include(${CMAKE_SOURCE_DIR}/bench/workload/workload.cmake)
berita_add_tests(bench_tests
  bench/archive_generator_test.cpp
  bench/corpus_profile_test.cpp
  bench/query_generator_test.cpp
  bench/reference_index_test.cpp
)
target_link_libraries(bench_tests PRIVATE berita_synth berita_workload)
