// SearchRequest -> Xapian::Query: the query text through the analyzer's
// QueryParser, then the request's filters applied as boolean filters (they
// restrict the match set without changing scores).
#ifndef BERITA_QUERY_QUERY_BUILDER_H
#define BERITA_QUERY_QUERY_BUILDER_H

#include <xapian.h>

#include "query/search_request.h"

namespace berita {

// QueryParser flags Berita accepts in query text.
unsigned query_parser_flags();

// Throws InvalidRequest("bad_query") when the text cannot be parsed.
Xapian::Query build_query(const SearchRequest& request, Xapian::QueryParser& parser);

}  // namespace berita

#endif
