#include "search/snippets.h"

namespace berita {

std::string make_snippet(const Xapian::MSet& mset, const Article& article,
                         const Xapian::Stem& stemmer, std::size_t length) {
  std::string text = article.standfirst;
  for (const auto& paragraph : article.paragraphs) {
    if (!text.empty()) text += ' ';
    text += paragraph;
  }
  if (text.empty()) text = article.title;
  return mset.snippet(text, length, stemmer, Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                                 Xapian::MSet::SNIPPET_EXHAUSTIVE,
                      kHighlightOpen, kHighlightClose, "\xE2\x80\xA6");
}

}  // namespace berita
