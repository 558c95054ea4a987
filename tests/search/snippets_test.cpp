#include "search/snippets.h"

#include <catch2/catch.hpp>

#include "query/query_builder.h"
#include "text/analyzer.h"
#include "text/utf8.h"

namespace berita {
namespace {

const std::string kEllipsis = "\xE2\x80\xA6";

Article article_of(std::vector<std::string> paragraphs, std::string standfirst = "",
                   std::string title = "") {
  Article a;
  a.title = std::move(title);
  a.standfirst = std::move(standfirst);
  a.paragraphs = std::move(paragraphs);
  return a;
}

// An in-memory archive whose term frequencies give the snippet weights,
// and queries parsed as the Searcher parses them.
class Archive {
 public:
  explicit Archive(const std::vector<std::string>& texts) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(analyzer_.stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto& text : texts) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      db_.add_document(doc);
    }
  }

  SnippetTerms terms(const std::string& query) {
    Xapian::QueryParser parser = analyzer_.make_query_parser(db_);
    return SnippetTerms(parser.parse_query(query, query_parser_flags()), db_, analyzer_.stemmer());
  }
  SnippetTerms terms(const Xapian::Query& query) {
    return SnippetTerms(query, db_, analyzer_.stemmer());
  }
  std::string snippet(const std::string& query, const Article& article,
                      std::size_t length = kSnippetBytes) {
    return make_snippet(terms(query), article, length);
  }

 private:
  Analyzer analyzer_;
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
};

Archive& news() {
  static Archive archive({"Crude oil prices rose on supply worries.", "Gas prices fell.",
                          "The prime minister took the oath.", "Floods hit Kelantan.",
                          "Oil and gas output grew.", "Election results were announced."});
  return archive;
}

// The article text a snippet shows: markup, entities and ellipses removed.
std::string visible_text(std::string snippet) {
  for (const std::string& markup : {std::string(kHighlightOpen), std::string(kHighlightClose), kEllipsis}) {
    for (std::size_t at; (at = snippet.find(markup)) != std::string::npos;) snippet.erase(at, markup.size());
  }
  const std::pair<std::string, std::string> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    for (std::size_t at; (at = snippet.find(entity)) != std::string::npos;) {
      snippet.replace(at, entity.size(), character);
    }
  }
  return snippet;
}

std::string filler(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) {
    if (!text.empty()) text += ' ';
    text += "The committee met again on Tuesday to discuss the agenda.";
  }
  return text;
}

TEST_CASE("snippets for short texts, table of query, text and expected snippet", "[snippets]") {
  const struct {
    const char* query;
    const char* text;
    const char* expected;
  } cases[] = {
      // Stem match: "price" highlights "prices" as the index matched it.
      {"price", "Crude oil prices rose on supply worries.",
       "Crude oil <mark>prices</mark> rose on supply worries."},
      {"oil prices", "Crude oil prices rose.", "Crude <mark>oil</mark> <mark>prices</mark> rose."},
      // Upper-case words match lower-case terms.
      {"oil", "OIL AND GAS.", "<mark>OIL</mark> AND GAS."},
      // Phrase words are highlighted one by one.
      {"\"prime minister\"", "The Prime Minister said.",
       "The <mark>Prime</mark> <mark>Minister</mark> said."},
      // A field term highlights the same word in the body text.
      {"title:floods", "Floods hit Kelantan.", "<mark>Floods</mark> hit Kelantan."},
      // Filters and excluded words are not highlighted.
      {"floods source:bernama", "Bernama reported floods.", "Bernama reported <mark>floods</mark>."},
      {"oil -gas", "Oil and gas output grew.", "<mark>Oil</mark> and gas output grew."},
      // A wildcard highlights each word it covers.
      {"elect*", "Election results: the electorate voted.",
       "<mark>Election</mark> results: the <mark>electorate</mark> voted."},
      // Escaping: & < > " (a highlight stays the only markup).
      {"oil", "AT&T <b>oil</b> \"deal\"",
       "AT&amp;T &lt;b&gt;<mark>oil</mark>&lt;/b&gt; &quot;deal&quot;"},
      // Apostrophes inside a word keep it one word.
      {"minister's", "The minister's car.", "The <mark>minister&#39;s</mark> car."},
  };
  for (const auto& c : cases) {
    INFO("query: " << c.query);
    CHECK(news().snippet(c.query, article_of({c.text})) == c.expected);
  }
}

TEST_CASE("the best window is chosen, wherever it is", "[snippets]") {
  // Four paragraphs of filler, the match in the fifth.
  const Article article = article_of({filler(3), filler(3), filler(3), filler(3),
                                      "Oil prices rose sharply after the storm. " + filler(2)});
  // The match's paragraph ends the text, so the room left goes to the
  // sentence before it.
  CHECK(news().snippet("oil", article) ==
        filler(1) + " <mark>Oil</mark> prices rose sharply after the storm. " + filler(2));
  // A shorter snippet ends with an ellipsis where it cuts a sentence.
  CHECK(news().snippet("oil", article, 90) ==
        "<mark>Oil</mark> prices rose sharply after the storm. The committee met again on Tuesday to "
        "discuss the" + kEllipsis);
}

TEST_CASE("a window with both query words beats one with one word twice", "[snippets]") {
  const Article article = article_of(
      {"Oil demand grew, and oil stocks fell.", filler(4), "Analysts expect oil and gas to recover."});
  const std::string snippet = news().snippet("oil gas", article);
  CHECK(snippet.find("<mark>oil</mark> and <mark>gas</mark>") != std::string::npos);
  CHECK(snippet.find("stocks") == std::string::npos);
}

TEST_CASE("rarer words weigh more when windows differ", "[snippets]") {
  // "oil" is in two of the six articles, "election" in one.
  const Article article = article_of({"Oil was mentioned here.", filler(4), "The election was held."});
  CHECK(news().snippet("oil election", article).find("<mark>election</mark>") != std::string::npos);
}

TEST_CASE("a window starts at a sentence start near the match, or says it was cut",
          "[snippets]") {
  const Article near = article_of({"Markets were calm. Traders said oil was steady."});
  CHECK(news().snippet("oil", near, 60) == "Markets were calm. Traders said <mark>oil</mark> was steady.");
  CHECK(news().snippet("oil", near, 45) == "Traders said <mark>oil</mark> was steady.");
  const Article far = article_of({filler(4) + " And after much debate over many long weeks of talks in "
                                  "the capital city the oil deal was signed " + filler(1)});
  const std::string snippet = news().snippet("oil", far, 80);
  CHECK(snippet.rfind(kEllipsis, 0) == 0);
  CHECK(snippet.find("<mark>oil</mark>") != std::string::npos);
  CHECK(visible_text(snippet).size() <= 80);
}

TEST_CASE("an initial or a title before a name does not end a sentence", "[snippets]") {
  // Had the name after the dot started a sentence, the snippet would start
  // at the name, the sentence start nearest the match.
  const std::pair<const char*, const char*> signers[] = {{"A. Karasmasoglu", "Karasmasoglu"},
                                                         {"Mr. Ongpin", "Ongpin"}};
  for (const auto& [signer, name] : signers) {
    const Article article = article_of({filler(4) + " It was signed in the capital by " + signer +
                                        " after oil talks. " + filler(2)});
    const std::string snippet = news().snippet("oil", article, 100);
    INFO(snippet);
    CHECK(snippet.find(std::string(name) + " after <mark>oil</mark> talks.") != std::string::npos);
    CHECK(snippet.rfind(name, 0) == std::string::npos);
  }
}

TEST_CASE("no match gives the opening of the text", "[snippets]") {
  const Article article = article_of({filler(6)}, "A standfirst opens the story.");
  const std::string snippet = news().snippet("zebra", article, 100);
  CHECK(snippet.rfind("A standfirst opens the story. The committee met", 0) == 0);
  CHECK(snippet.find("<mark>") == std::string::npos);
  CHECK(snippet.size() >= kEllipsis.size());
  CHECK(snippet.compare(snippet.size() - kEllipsis.size(), kEllipsis.size(), kEllipsis) == 0);
  CHECK(visible_text(snippet).size() <= 100);
  // An empty query behaves the same.
  CHECK(make_snippet(SnippetTerms(), article, 100) == snippet);
}

TEST_CASE("an empty article has an empty snippet; a title-only one shows its title",
          "[snippets]") {
  CHECK(news().snippet("oil", Article{}).empty());
  CHECK(news().snippet("oil", article_of({}, "", "Oil rises")) == "<mark>Oil</mark> rises");
  CHECK(news().snippet("oil", article_of({"", ""})).empty());
}

TEST_CASE("a word longer than the snippet is cut inside, on a character boundary",
          "[snippets]") {
  std::string long_word;
  for (int i = 0; i < 200; ++i) long_word += "\xC3\xA9";  // é, 2 bytes each
  const Article article = article_of({"Short start. " + long_word + " oil end."});
  const std::string snippet = news().snippet(long_word, article, 101);
  CHECK(find_invalid_utf8(snippet) == std::string::npos);
  CHECK(visible_text(snippet).size() <= 101);
  CHECK(snippet.rfind(std::string(kHighlightOpen) + "\xC3\xA9", 0) == 0);
  CHECK(snippet.find(kEllipsis) != std::string::npos);
  // A match after the long word is still found, without the long word.
  const std::string after = news().snippet("oil", article, 40);
  CHECK(after.find("<mark>oil</mark> end.") != std::string::npos);
  CHECK(visible_text(after).size() <= 40);
}

TEST_CASE("snippets stay valid UTF-8 within the length for any cut", "[snippets]") {
  const std::string texts[] = {
      // Malay with accented names.
      "Perdana Menteri Datuk Seri Anwar Ibrahim berkata harga minyak sawit naik. "
      "Pegawai dari Sabah dan Sarawak hadir. Encik Müller dan Puan Chloé turut hadir.",
      // CJK: a run without spaces is one word to TermGenerator.
      "\xE5\x90\x89\xE9\x9A\x86\xE5\x9D\xA1\xE7\x9A\x84\xE6\xB2\xB9\xE4\xBB\xB7"
      "\xE4\xB8\x8A\xE6\xB6\xA8\xE3\x80\x82 oil \xE7\x9F\xB3\xE6\xB2\xB9\xE5\x85\xAC"
      "\xE5\x8F\xB8\xE3\x80\x82",
      // Accents right at word edges, quotes and dashes.
      "\xE2\x80\x9C" "Caf\xC3\xA9 na\xC3\xAFve\xE2\x80\x9D \xE2\x80\x94 r\xC3\xA9sum\xC3\xA9 of oil d\xC3\xA9j\xC3\xA0 vu.",
  };
  for (const auto& text : texts) {
    for (const char* query : {"minyak oil", "zebra", "caf\xC3\xA9"}) {
      for (std::size_t length = 1; length <= 160; ++length) {
        INFO("query " << query << ", length " << length << ", text " << text);
        const std::string snippet = news().snippet(query, article_of({text}), length);
        REQUIRE(find_invalid_utf8(snippet) == std::string::npos);
        REQUIRE(visible_text(snippet).size() <= length);
      }
    }
  }
}

TEST_CASE("a multi-word synonym term highlights its run of words", "[snippets]") {
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("kl"), Xapian::Query("kuala lumpur"));
  const Article article = article_of({"Rain fell in Kuala Lumpur and KL Sentral. Kuala Terengganu was dry."});
  CHECK(make_snippet(news().terms(query), article) ==
        "Rain fell in <mark>Kuala</mark> <mark>Lumpur</mark> and <mark>KL</mark> Sentral. "
        "Kuala Terengganu was dry.");
}

TEST_CASE("a word typed and its stem count as one term", "[snippets]") {
  const Xapian::Query query(Xapian::Query::OP_OR, Xapian::Query("prices"), Xapian::Query("Zprice"));
  CHECK(news().terms(query).size() == 1);
  CHECK(news().terms("oil prices").size() == 2);
}

}  // namespace
}  // namespace berita
