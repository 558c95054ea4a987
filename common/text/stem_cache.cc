#include "text/stem_cache.h"

#include <unordered_map>

namespace berita {
namespace {

class CachingStem : public Xapian::StemImplementation {
 public:
  CachingStem(const std::string& language, std::size_t max_words)
      : inner_(language), max_words_(max_words) {}

  std::string operator()(const std::string& word) override {
    const auto found = stems_.find(word);
    if (found != stems_.end()) return found->second;
    if (stems_.size() >= max_words_) stems_.clear();
    return stems_.emplace(word, inner_(word)).first->second;
  }

  std::string get_description() const override {
    return "caching " + inner_.get_description();
  }

 private:
  Xapian::Stem inner_;
  std::size_t max_words_;
  std::unordered_map<std::string, std::string> stems_;
};

}  // namespace

Xapian::Stem make_caching_stemmer(const std::string& language, std::size_t max_words) {
  if (language.empty() || language == "none") return Xapian::Stem();
  return Xapian::Stem(new CachingStem(language, max_words));
}

}  // namespace berita
