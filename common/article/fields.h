// Validation and normalisation of the metadata fields an article carries,
// shared by every input format so they agree on what is acceptable.
#ifndef BERITA_ARTICLE_FIELDS_H
#define BERITA_ARTICLE_FIELDS_H

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace berita {

// Ids become Xapian terms, whose length is limited.
constexpr std::size_t kMaxIdBytes = 200;

// "2018-07-05" -> itself; also accepts "2018-07-05T10:00:00Z" and
// "2018/07/05". nullopt if the text is not a real calendar date.
std::optional<std::string> normalise_date(std::string_view text);

// "politics; economy" -> {"politics", "economy"}; also splits on ','.
std::vector<std::string> split_categories(std::string_view text);

// Lower-cased two or three letter code; "english" and "malay" map to codes.
// Empty input gives "en", Berita's default language.
std::string normalise_lang(std::string_view text);

// Why id is unusable, or nullopt when it is fine.
std::optional<std::string> check_id(std::string_view id);

}  // namespace berita

#endif
