# Wire-story collapsing, index side: band terms and near-duplicate linking
# in update and rebuild mode.
berita_add_tests(near_duplicates_tests
  index/near_duplicate_linker_test.cpp
)
