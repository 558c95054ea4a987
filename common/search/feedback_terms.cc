#include "search/feedback_terms.h"

#include "schema/schema.h"
#include "text/analyzer.h"

namespace berita {

bool FeedbackTermDecider::operator()(const std::string& term) const {
  if (term.size() < 3 || term[0] != schema::prefix::kStemmed[0]) return false;
  const unsigned char first = static_cast<unsigned char>(term[1]);
  if ((first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9')) return false;
  return !is_english_stopword(term.substr(1));
}

}  // namespace berita
