#include "index/stored_article.h"

#include <cstdint>
#include <stdexcept>

namespace berita {
namespace {

constexpr char kFormat = '\x01';

void put_length(std::string& out, std::size_t length) {
  // LEB128 varint.
  while (length >= 0x80) {
    out += static_cast<char>((length & 0x7F) | 0x80);
    length >>= 7;
  }
  out += static_cast<char>(length);
}

void put(std::string& out, std::string_view field) {
  put_length(out, field.size());
  out.append(field);
}

void put_list(std::string& out, const std::vector<std::string>& items) {
  put_length(out, items.size());
  for (const auto& item : items) put(out, item);
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {
    if (data_.empty() || data_[0] != kFormat) {
      throw std::runtime_error("document data is not a Berita stored article");
    }
    pos_ = 1;
  }
  std::size_t length() {
    std::size_t value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (pos_ >= data_.size()) throw std::runtime_error("truncated stored article");
      const auto byte = static_cast<unsigned char>(data_[pos_++]);
      value |= static_cast<std::size_t>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) return value;
    }
    throw std::runtime_error("corrupt stored article");
  }
  std::string field() {
    const std::size_t n = length();
    if (n > data_.size() - pos_) throw std::runtime_error("truncated stored article");
    std::string out(data_.substr(pos_, n));
    pos_ += n;
    return out;
  }
  std::vector<std::string> list() {
    const std::size_t n = length();
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) out.push_back(field());
    return out;
  }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

}  // namespace

std::string encode_article(const Article& a) {
  std::string out(1, kFormat);
  std::size_t body_bytes = 0;
  for (const auto& p : a.paragraphs) body_bytes += p.size() + 2;
  out.reserve(64 + a.title.size() + a.standfirst.size() + body_bytes);
  for (const auto* field : {&a.id, &a.title, &a.date, &a.source, &a.url}) put(out, *field);
  for (const auto* field : {&a.lang, &a.location, &a.byline, &a.standfirst}) put(out, *field);
  put_list(out, a.categories);
  put_list(out, a.captions);
  put_list(out, a.paragraphs);
  return out;
}

ArticleSummary decode_summary(std::string_view data) {
  Reader in(data);
  ArticleSummary s;
  s.id = in.field();
  s.title = in.field();
  s.date = in.field();
  s.source = in.field();
  s.url = in.field();
  return s;
}

Article decode_article(std::string_view data) {
  Reader in(data);
  Article a;
  for (auto* field : {&a.id, &a.title, &a.date, &a.source, &a.url, &a.lang, &a.location,
                      &a.byline, &a.standfirst}) {
    *field = in.field();
  }
  a.categories = in.list();
  a.captions = in.list();
  a.paragraphs = in.list();
  return a;
}

}  // namespace berita
