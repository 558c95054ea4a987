// Whatever a client sends, berita-searchd answers with a 4xx and a JSON error
// (or closes a silent connection); never a crash, never a 500.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e/searchd_support.h"

namespace berita::test {
namespace {

using json = nlohmann::json;

struct BadRequest {
  std::string target;
  int status;
  const char* code;
  const char* parameter;  // nullptr: none expected
};

TEST_CASE("bad requests get 4xx with a JSON error naming the problem", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const BadRequest cases[] = {
      {"/search?limit=abc", 400, "bad_parameter", "limit"},
      {"/search?limit=0", 400, "bad_parameter", "limit"},
      {"/search?limit=101", 400, "bad_parameter", "limit"},
      {"/search?limit=-5", 400, "bad_parameter", "limit"},
      {"/search?offset=1e3", 400, "bad_parameter", "offset"},
      {"/search?sort=popularity", 400, "bad_parameter", "sort"},
      {"/search?from=2018-02-30", 400, "bad_parameter", "from"},
      {"/search?to=31/12/2018", 400, "bad_parameter", "to"},
      {"/search?from=2019-01-01&to=2018-01-01", 400, "bad_parameter", "from"},
      {"/search?q=oil&colour=red", 400, "bad_parameter", "colour"},
      {"/search?q=oil&q=gas", 400, "bad_parameter", "q"},
      {"/search?source=%20", 400, "bad_parameter", "source"},
      {"/search?q=AND", 400, "bad_query", "q"},
      {"/search?q=oil+AND+NOT+OR", 400, "bad_query", "q"},
      {"/search?q=caf%C3", 400, "bad_query", "q"},
      {"/search?q=%FF%FE%FD", 400, "bad_query", "q"},
      {"/search?q=oil%00prices", 400, "bad_query", "q"},
      {"/search?q=oil%0D%0Aprices", 400, "bad_query", "q"},
      {"/search?q=oil%1B%5B31m", 400, "bad_query", "q"},
      {"/search?q=" + std::string(2100, 'x'), 400, "bad_query", "q"},
      {"/health?verbose=1", 400, "bad_parameter", "verbose"},
      {"/nope", 404, "not_found", nullptr},
      {"/search/", 404, "not_found", nullptr},
      {"/doc/articles/%FF", 404, "not_found", nullptr},
      {"/" + std::string(9000, 'a'), 414, "uri_too_long", nullptr},
      {"/search?q=" + std::string(9000, 'a'), 414, "uri_too_long", nullptr},
  };
  for (const auto& c : cases) {
    INFO("GET " << c.target.substr(0, 120));
    const auto result = get(*client, c.target);
    INFO(result->body);
    CHECK(result->status == c.status);
    const json body = json::parse(result->body);
    CHECK(body["error"]["code"] == c.code);
    CHECK(body["error"]["message"].get<std::string>().size() > 0);
    if (c.parameter) CHECK(body["error"]["parameter"] == c.parameter);
  }
  // The same bad query is rejected the same way on the search page.
  const auto page = get(*client, "/?q=oil%0Aprices");
  CHECK(page->status == 400);
  CHECK(page->body.find("control characters") != std::string::npos);
  const auto page_limit = get(*client, "/?q=oil&limit=500");
  CHECK(page_limit->status == 400);
  CHECK(page_limit->body.find("value=\"oil\"") != std::string::npos);  // box refilled
  // Still healthy afterwards.
  CHECK(get(*client, "/health")->status == 200);
}

TEST_CASE("wrong methods get 405 with Allow, large bodies 413", "[searchd][e2e]") {
  Daemon daemon(corpus_db());
  auto client = daemon.client();
  const auto post = client->Post("/search", "q=oil", "application/x-www-form-urlencoded");
  REQUIRE(post);
  CHECK(post->status == 405);
  CHECK(post->get_header_value("Allow") == "GET, HEAD");
  CHECK(json::parse(post->body)["error"]["code"] == "method_not_allowed");
  const auto del = client->Delete("/doc/articles/alibaba-kl-office");
  REQUIRE(del);
  CHECK(del->status == 405);
  const auto put_unknown = client->Put("/nope", "x", "text/plain");
  REQUIRE(put_unknown);
  CHECK(put_unknown->status == 404);
  const auto huge = client->Post("/search", std::string(200 * 1024, 'x'), "text/plain");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  CHECK(json::parse(huge->body)["error"]["code"] == "payload_too_large");
  const auto head = client->Head("/health");
  REQUIRE(head);
  CHECK(head->status == 200);
}

// A raw TCP connection, for clients no HTTP library would imitate.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    timeval limit{20, 0};  // a bound for a broken daemon, not a timing check
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  void send_text(const std::string& text) {
    REQUIRE(::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(text.size()));
  }
  // Everything until the daemon closes the connection; "" if it closed
  // without answering. Fails the test if it keeps the connection open.
  std::string read_until_closed() {
    std::string out;
    char buffer[4096];
    for (;;) {
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n == 0) return out;
      if (n < 0) {
        if (errno == ECONNRESET) return out;
        FAIL("connection still open (errno " << errno << ")");
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
  }

 private:
  int fd_;
};

TEST_CASE("silent, trickling and garbage-sending clients are cut off", "[searchd][e2e]") {
  Daemon daemon(corpus_db(), {"--quiet", "--read-timeout", "1"});
  SECTION("a client that sends nothing is disconnected") {
    RawConnection silent(daemon.port());
    CHECK(silent.read_until_closed().empty());
  }
  SECTION("a client that stops mid-request is disconnected") {
    RawConnection trickle(daemon.port());
    trickle.send_text("GET /sea");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    trickle.send_text("rch?q=oil HTTP/1.1\r\nHost: x\r\n");
    const std::string answer = trickle.read_until_closed();
    CHECK((answer.empty() || answer.rfind("HTTP/1.1 400", 0) == 0));
  }
  SECTION("garbage gets 400") {
    RawConnection garbage(daemon.port());
    garbage.send_text("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http\r\n\r\n");
    const std::string answer = garbage.read_until_closed();
    CHECK((answer.empty() || answer.rfind("HTTP/1.1 400", 0) == 0));
  }
  SECTION("an unknown method gets 400") {
    RawConnection odd(daemon.port());
    odd.send_text("BREW /search HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(odd.read_until_closed().rfind("HTTP/1.1 400", 0) == 0);
  }
  // The daemon is still serving.
  auto client = daemon.client();
  CHECK(get(*client, "/health")->status == 200);
}

}  // namespace
}  // namespace berita::test
