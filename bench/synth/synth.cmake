# The synthetic archive generator's library. Included from bench/ and from
# tests/bench.cmake: its tests run in every build, with or without Google
# Benchmark, so it cannot live only behind BERITA_BUILD_BENCH.
if(NOT TARGET berita_synth)
  add_library(berita_synth STATIC
    ${CMAKE_CURRENT_LIST_DIR}/archive_generator.cc
    ${CMAKE_CURRENT_LIST_DIR}/corpus_profile.cc
    ${CMAKE_CURRENT_LIST_DIR}/query_generator.cc
    ${CMAKE_CURRENT_LIST_DIR}/random.cc
    ${CMAKE_CURRENT_LIST_DIR}/vocabulary.cc
  )
  target_include_directories(berita_synth PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
  target_link_libraries(berita_synth
    PUBLIC nlohmann_json::nlohmann_json berita_sanitize
    PRIVATE berita_warnings)
endif()
