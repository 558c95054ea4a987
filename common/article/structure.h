// Recognises the parts of a story's text below the headline: standfirst,
// photo credits and captions, dateline, body paragraphs, and boilerplate to
// drop. Plain-text files and JSON bodies go through this same function, so a
// story is understood the same way whatever format it arrived in.
#ifndef BERITA_ARTICLE_STRUCTURE_H
#define BERITA_ARTICLE_STRUCTURE_H

#include <string_view>

#include "article/article.h"
#include "article/furniture.h"

namespace berita {

// Fills article.standfirst, captions, location and paragraphs from text
// (lines separated by '\n', paragraphs by blank lines). A paragraph that
// repeats article.title is dropped. A standfirst is only recognised in front
// of a dateline, where news layouts put it; without a dateline all text is
// body.
void recognise_structure(std::string_view text, const PageFurniture& furniture,
                         Article& article);

}  // namespace berita

#endif
