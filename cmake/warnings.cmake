# Warnings are on for every target we own; third-party headers are included as
# system headers so their warnings do not drown ours.
add_library(berita_warnings INTERFACE)
target_compile_options(berita_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
  -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual)

add_library(berita_sanitize INTERFACE)
if(BERITA_SANITIZE)
  target_compile_options(berita_sanitize INTERFACE -fsanitize=address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(berita_sanitize INTERFACE -fsanitize=address,undefined)
endif()
