# Every third-party dependency is found here and nowhere else, so swapping one
# means editing one file.
find_package(Xapian REQUIRED)
# Xapian's CMake package exports variables but no target; wrap them so the
# rest of the build links `Xapian::xapian` like any modern package.
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()

find_package(nlohmann_json 3.10 REQUIRED)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
# Stored articles are compressed with a zstd dictionary (index/article_codec).
pkg_check_modules(ZSTD REQUIRED IMPORTED_TARGET libzstd)

# The indexer's allocator. Building a document and Xapian's flushes of its
# posting maps interleave millions of small allocations and frees; with
# glibc's malloc a rebuild spent a fifth of its time more than with jemalloc
# (docs/PERFORMANCE.md, "The allocator"). Programs link berita_allocator;
# the sanitizer build keeps the sanitizers' own allocator.
add_library(berita_allocator INTERFACE)
if(BERITA_JEMALLOC AND NOT BERITA_SANITIZE)
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
  target_link_libraries(berita_allocator INTERFACE PkgConfig::JEMALLOC)
  target_compile_definitions(berita_allocator INTERFACE BERITA_WITH_JEMALLOC=1)
endif()

if(BERITA_BUILD_TESTS)
  find_package(Catch2 2 REQUIRED)
  include(Catch)
endif()
if(BERITA_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
