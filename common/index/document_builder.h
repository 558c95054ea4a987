// Article -> Xapian::Document, following the schema: free-text terms with
// positions (via the analyzer), boolean filter terms, value slots for dates
// and facets, and the stored article (index/article_codec).
#ifndef BERITA_INDEX_DOCUMENT_BUILDER_H
#define BERITA_INDEX_DOCUMENT_BUILDER_H

#include <xapian.h>

#include "article/article.h"
#include "index/article_codec.h"
#include "text/analyzer.h"

namespace berita {

// The stored article is written by codec; the two-argument form compresses
// it without a dictionary.
Xapian::Document build_document(const Article& article, Analyzer& analyzer,
                                const ArticleCodec& codec);
Xapian::Document build_document(const Article& article, Analyzer& analyzer);

}  // namespace berita

#endif
