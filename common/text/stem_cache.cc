#include "text/stem_cache.h"

#include <unordered_map>
#include <unordered_set>

namespace berita {

class CachingStemmer::Cache : public Xapian::StemImplementation {
 public:
  Cache(const std::string& language, bool note_words, std::size_t max_words)
      : inner_(language.empty() || language == "none" ? Xapian::Stem() : Xapian::Stem(language)),
        note_words_(note_words),
        max_words_(max_words) {}

  std::string operator()(const std::string& word) override {
    const auto found = stems_.find(word);
    if (found != stems_.end()) return found->second;
    if (stems_.size() >= max_words_) stems_.clear();
    // A set, not a list: after the cache starts over the same words come
    // back, and a segment of a large archive would hold them many times.
    if (note_words_) new_words_.insert(word);
    return stems_.emplace(word, inner_(word)).first->second;
  }

  std::string get_description() const override {
    return "caching " + inner_.get_description();
  }

  std::vector<std::string> take_new_words() {
    std::vector<std::string> words(new_words_.begin(), new_words_.end());
    new_words_.clear();
    return words;
  }

 private:
  Xapian::Stem inner_;
  bool note_words_;
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
  std::unordered_set<std::string> new_words_;
};

CachingStemmer::CachingStemmer(const std::string& language, bool note_words,
                               std::size_t max_words)
    : cache_(new Cache(language, note_words, max_words)) {
  stem_ = Xapian::Stem(cache_);
}

std::vector<std::string> CachingStemmer::take_new_words() { return cache_->take_new_words(); }

}  // namespace berita
