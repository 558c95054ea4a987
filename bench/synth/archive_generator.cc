#include "synth/archive_generator.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string_view>

namespace berita::synth {
namespace {

constexpr std::size_t kRecentStories = 64;
constexpr std::size_t kFlushBytes = 1 << 20;
constexpr std::string_view kOutletSuffixes[] = {"Times", "Post",    "Daily",   "Harian",
                                                "News",  "Herald",  "Wire",    "Berita",
                                                "Gazette", "Online", "Tribune", "Mail"};
// Headlines skip the most frequent function words most of the time.
constexpr std::size_t kHeadlineFirstRank = 20;

std::string capitalised(std::string word) {
  if (!word.empty()) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

std::string slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ') {
      out += '-';
    } else {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return out;
}

// Days since 1970-01-01 -> "YYYY-MM-DD" (proleptic Gregorian).
std::string iso_date(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(year),
                static_cast<int>(month), static_cast<int>(day));
  return buffer;
}

long days_from_year(long year) {
  // Days from 1970-01-01 to January 1st of year.
  long days = 0;
  for (long y = 1970; y < year; ++y) {
    days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365;
  }
  return days;
}

std::vector<std::string> pseudo_names(std::size_t n, Random& random, bool outlets) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < n; ++i) {
    std::string name;
    const std::size_t length = 4 + random.below(5);
    for (std::size_t j = 0; j < length; ++j) {
      const std::string_view letters = j % 2 ? "aeiou" : "bdgklmnprstwz";
      name += letters[random.below(letters.size())];
    }
    name += std::to_string(i);  // keeps names distinct
    if (outlets) {
      name = capitalised(name) + " " +
             std::string(kOutletSuffixes[random.below(std::size(kOutletSuffixes))]);
    }
    names.push_back(std::move(name));
  }
  return names;
}

std::size_t draw_count(const Quantiles& q, Random& random, std::size_t minimum) {
  return std::max<std::size_t>(minimum, static_cast<std::size_t>(std::lround(q.at(random.uniform()))));
}

void append_number(Random& random, std::string& out) {
  const double u = random.uniform();
  if (u < 0.5) {
    out += std::to_string(1 + random.below(99));
  } else if (u < 0.8) {
    out += std::to_string(100 + random.below(9900));
  } else {
    out += std::to_string(random.below(1000));
    out += '.';
    out += std::to_string(10 + random.below(90));
  }
}

void append_escaped(std::string_view text, std::string& out) {
  out += '"';
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_field(const char* key, std::string_view value, bool nullable, std::string& out) {
  out += '"';
  out += key;
  out += "\": ";
  if (nullable && value.empty()) {
    out += "null";
  } else {
    append_escaped(value, out);
  }
}

}  // namespace

void validate(const ArchiveOptions& options) {
  if (options.count == 0) {
    throw SynthError("--count must be at least 1 (the number of articles to generate)");
  }
  if (options.years < 1) throw SynthError("--years must be at least 1");
  if (options.first_year < 1970 || options.first_year > 9000) {
    throw SynthError("--first-year must be between 1970 and 9000");
  }
}

ArchiveGenerator::ArchiveGenerator(const CorpusProfile& profile, const ArchiveOptions& options)
    : options_((validate(options), options)),
      random_(options.seed),
      vocabulary_(profile, options.seed),
      number_rate_(profile.number_rate) {
  if (profile.styles.empty()) throw SynthError("the corpus profile has no styles");
  Random names(options.seed ^ 0x6e616d6573ULL);
  std::vector<double> weights;
  for (const auto& style_profile : profile.styles) {
    Style style;
    style.profile = style_profile;
    style.sources = pseudo_names(std::max<std::size_t>(1, style_profile.source_shares.size()), names, true);
    style.source_sampler = AliasSampler(style_profile.source_shares.empty()
                                            ? std::vector<double>{1.0}
                                            : style_profile.source_shares);
    style.categories = pseudo_names(style_profile.category_shares.size(), names, false);
    if (!style.categories.empty()) style.category_sampler = AliasSampler(style_profile.category_shares);
    style.categories_per_doc = AliasSampler(style_profile.categories_per_doc.empty()
                                                ? std::vector<double>{1.0}
                                                : style_profile.categories_per_doc);
    std::vector<double> lang_weights;
    for (const auto& [lang, share] : style_profile.lang_shares) lang_weights.push_back(share);
    if (lang_weights.empty()) lang_weights.push_back(1.0);
    style.lang_sampler = AliasSampler(lang_weights);
    styles_.push_back(std::move(style));
    weights.push_back(style_profile.weight);
  }
  style_sampler_ = AliasSampler(weights);
}

void ArchiveGenerator::append_word(std::size_t rank, bool capital, std::string& out) const {
  const std::string& word = vocabulary_.word(rank);
  const std::size_t at = out.size();
  out += word;
  if (capital) out[at] = static_cast<char>(out[at] - 'a' + 'A');
}

void ArchiveGenerator::append_sentence(std::size_t words, std::string& out) {
  bool first = true;
  std::size_t emitted = 0;
  while (emitted < words) {
    if (!first) out += ' ';
    if (random_.chance(number_rate_)) {
      append_number(random_, out);
      ++emitted;
    } else if (words - emitted >= 2 && random_.chance(vocabulary_.collocation_emission())) {
      const auto& pair = vocabulary_.collocations()[vocabulary_.sample_collocation(random_)];
      append_word(pair[0], first, out);
      out += ' ';
      append_word(pair[1], false, out);
      emitted += 2;
    } else {
      append_word(vocabulary_.sample_word(random_), first, out);
      ++emitted;
    }
    first = false;
  }
  out += '.';
}

void ArchiveGenerator::fresh_story(const Style& style, Remembered& story) {
  const StyleProfile& p = style.profile;
  story.title.clear();
  const std::size_t title_words = draw_count(p.title_words, random_, 1);
  for (std::size_t i = 0; i < title_words; ++i) {
    std::size_t rank = vocabulary_.sample_word(random_);
    if (rank < kHeadlineFirstRank) rank = vocabulary_.sample_word(random_);
    if (i > 0) story.title += ' ';
    append_word(rank, true, story.title);
  }
  // The body's length is drawn first, then cut into paragraphs, so long
  // and short stories keep the measured length distribution.
  std::size_t body_words = draw_count(p.body_words, random_, 1);
  story.paragraphs.clear();
  while (body_words > 0) {
    std::string& paragraph = story.paragraphs.emplace_back();
    std::size_t words = std::min(body_words, draw_count(p.paragraph_words, random_, 1));
    body_words -= words;
    while (words > 0) {
      const std::size_t sentence = std::min(words, draw_count(p.sentence_words, random_, 3));
      if (!paragraph.empty()) paragraph += ' ';
      append_sentence(sentence, paragraph);
      words -= sentence;
    }
  }
}

void ArchiveGenerator::near_duplicate(Remembered& story) {
  // A re-sent story: same headline or one word changed, and one paragraph
  // dropped or one word of the body replaced.
  if (random_.chance(0.5)) {
    const std::size_t space = story.title.rfind(' ');
    if (space != std::string::npos) {
      story.title.resize(space + 1);
      append_word(vocabulary_.sample_word(random_), true, story.title);
    }
  }
  if (story.paragraphs.size() > 1 && random_.chance(0.5)) {
    story.paragraphs.erase(story.paragraphs.begin() +
                           static_cast<long>(random_.below(story.paragraphs.size())));
  } else {
    std::string& paragraph = story.paragraphs[random_.below(story.paragraphs.size())];
    const std::size_t space = paragraph.find(' ');
    if (space != std::string::npos) {
      std::string replacement;
      append_word(vocabulary_.sample_word(random_), false, replacement);
      const std::size_t end = paragraph.find_first_of(" .", space + 1);
      paragraph.replace(space + 1, (end == std::string::npos ? paragraph.size() : end) - space - 1,
                        replacement);
    }
  }
}

void ArchiveGenerator::next(SynthArticle& article) {
  ++produced_;
  Remembered story;
  const Style* style = nullptr;
  const std::size_t picked = style_sampler_.sample(random_);
  if (!recent_.empty() && random_.chance(styles_[picked].profile.duplicate_rate)) {
    story = recent_[random_.below(recent_.size())];
    style = &styles_[story.style];
    near_duplicate(story);
  } else {
    style = &styles_[picked];
    story.style = picked;
    fresh_story(*style, story);
  }

  article.id = "synth-" + std::to_string(produced_);
  article.title = story.title;
  article.body.clear();
  for (const auto& paragraph : story.paragraphs) {
    if (!article.body.empty()) article.body += "\n\n";
    article.body += paragraph;
  }
  const long first = days_from_year(options_.first_year);
  const long span = days_from_year(options_.first_year + options_.years) - first;
  article.date = iso_date(first + static_cast<long>(random_.below(static_cast<std::uint64_t>(span))));
  article.source = style->sources[style->source_sampler.sample(random_)];
  article.category.clear();
  if (!style->categories.empty()) {
    const std::size_t k = style->categories_per_doc.sample(random_);
    for (std::size_t i = 0; i < k; ++i) {
      if (i > 0) article.category += ';';
      article.category += style->categories[style->category_sampler.sample(random_)];
    }
  }
  article.lang = style->profile.lang_shares.empty()
                     ? "en"
                     : style->profile.lang_shares[style->lang_sampler.sample(random_)].first;
  article.url = "https://" + slug(article.source) + ".example/" + article.date.substr(0, 4) + "/" +
                article.date.substr(5, 2) + "/" + article.id;

  recent_.push_back(std::move(story));
  if (recent_.size() > kRecentStories) recent_.pop_front();
}

void append_json_line(const SynthArticle& article, std::string& out) {
  out += '{';
  append_field("id", article.id, false, out);
  out += ", ";
  append_field("title", article.title, false, out);
  out += ", ";
  append_field("body", article.body, false, out);
  out += ", ";
  append_field("date", article.date, true, out);
  out += ", ";
  append_field("source", article.source, true, out);
  out += ", ";
  append_field("category", article.category, true, out);
  out += ", ";
  append_field("url", article.url, true, out);
  out += ", ";
  append_field("lang", article.lang, true, out);
  out += "}\n";
}

std::uint64_t write_archive(const CorpusProfile& profile, const ArchiveOptions& options,
                            std::ostream& out) {
  ArchiveGenerator generator(profile, options);
  SynthArticle article;
  std::string buffer;
  buffer.reserve(kFlushBytes * 2);
  for (std::uint64_t i = 0; i < options.count; ++i) {
    generator.next(article);
    append_json_line(article, buffer);
    if (buffer.size() >= kFlushBytes) {
      out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.flush();
  if (!out) throw SynthError("writing the archive failed (disk full?)");
  return options.count;
}

std::uint64_t write_archive_file(const CorpusProfile& profile, const ArchiveOptions& options,
                                 const std::string& path) {
  validate(options);
  if (path == "-") return write_archive(profile, options, std::cout);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) {
    throw SynthError("cannot write " + path + ": " + std::strerror(errno));
  }
  try {
    return write_archive(profile, options, out);
  } catch (const SynthError&) {
    throw SynthError("cannot write " + path + ": writing failed (disk full?)");
  }
}

}  // namespace berita::synth
