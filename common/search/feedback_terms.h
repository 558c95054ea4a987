// Which terms relevance feedback may pick (pseudo-relevance feedback in the
// Searcher, "more like this"): stemmed words only (the "Z" terms the query
// parser produces). Field-prefixed copies would double-count a word, ids and
// filters are not text, numbers and stop words pull in unrelated documents.
#ifndef BERITA_SEARCH_FEEDBACK_TERMS_H
#define BERITA_SEARCH_FEEDBACK_TERMS_H

#include <xapian.h>

#include <string>

namespace berita {

class FeedbackTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override;
};

}  // namespace berita

#endif
