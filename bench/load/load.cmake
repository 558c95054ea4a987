# The HTTP load benchmark's in-process baseline (bench/load/run.sh drives it
# next to wrk against berita-searchd). Included from searchd/CMakeLists.txt
# when BERITA_BUILD_BENCH is on.
add_executable(berita-load-inproc ${CMAKE_CURRENT_LIST_DIR}/inproc_main.cc)
target_link_libraries(berita-load-inproc PRIVATE berita_common berita_warnings)
