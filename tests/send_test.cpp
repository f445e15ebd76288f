// The transport and the API client against a real HTTP server on 127.0.0.1 (tests/fake_tokenflex.py):
// retries, the never-a-duplicate rule, percent-encoding, downloads, TLS, and redaction.
#include <catch2/catch.hpp>
#include <filesystem>
#include <thread>

#include "support/fake_server.hpp"
#include "support/process.hpp"
#include "tfq/api.hpp"

using namespace tfq::send;
using namespace std::chrono_literals;
using nlohmann::json;
using tfq::test::FakeServer;

namespace {

ClientOptions options_for(const std::string& base_url, int retries = 3) {
  ClientOptions options;
  options.base_url = base_url;
  options.token = tfq::test::fake_token;
  options.transport.connect_timeout = 2000ms;
  options.transport.max_time = 5000ms;
  options.retry.retries = retries;
  options.retry.base_delay = 10ms;
  options.retry.max_delay = 50ms;
  options.retry.max_time = 20'000ms;
  return options;
}

const std::string kBody =
    R"({"fields":["productName"],"metrics":["tokensConsumed"],"downloadFileName":"monthly"})";

PollPolicy quick_polls() {
  PollPolicy policy;
  policy.first_interval = 20ms;
  policy.max_interval = 50ms;
  policy.timeout = 10'000ms;
  return policy;
}

}  // namespace

TEST_CASE("base URLs must be https, or http to a loopback host", "[send]") {
  std::string why;
  CHECK(checked_base_url("https://developer.api.autodesk.com/tokenflex/v1/", &why) ==
        "https://developer.api.autodesk.com/tokenflex/v1");
  CHECK(checked_base_url("http://127.0.0.1:8080/tokenflex/v1", &why) == "http://127.0.0.1:8080/tokenflex/v1");
  CHECK(checked_base_url("http://localhost:1/x", &why) == "http://localhost:1/x");
  CHECK(checked_base_url("http://[::1]:1/x", &why) == "http://[::1]:1/x");
  CHECK(checked_base_url("http://example.com/tokenflex/v1", &why).empty());
  CHECK(why.find("loopback") != std::string::npos);
  CHECK(checked_base_url("http://127.0.0.1.example.com/", &why).empty());
  CHECK(checked_base_url("ftp://127.0.0.1/", &why).empty());
  CHECK(checked_base_url("file:///etc/passwd", &why).empty());
  CHECK(checked_base_url("developer.api.autodesk.com", &why).empty());
  CHECK(checked_base_url("https://x.example/v1?a=b", &why).empty());
  CHECK(is_allowed_url("https://bucket.s3.amazonaws.com/f.csv?X-Amz-Signature=1"));
  CHECK_FALSE(is_allowed_url("http://bucket.s3.amazonaws.com/f.csv"));
}

TEST_CASE("contract numbers are digits, and null only where allowed", "[send]") {
  CHECK(is_valid_contract("110000917988", false));
  CHECK_FALSE(is_valid_contract("", false));
  CHECK_FALSE(is_valid_contract("12a", false));
  CHECK_FALSE(is_valid_contract("../1", false));
  CHECK_FALSE(is_valid_contract("null", false));
  CHECK(is_valid_contract("null", true));
}

TEST_CASE("request keys are percent-encoded as whole path segments", "[send]") {
  CHECK(percent_encode("2018-10-29T03:25:31#4d16aed0-9de2") == "2018-10-29T03%3A25%3A31%234d16aed0-9de2");
  CHECK(percent_encode("a/b?c d%") == "a%2Fb%3Fc%20d%25");
  CHECK(percent_encode("Az09-._~") == "Az09-._~");
}

TEST_CASE("redaction removes secrets and Authorization values whatever their case", "[send]") {
  const std::vector<std::string> secrets{"s3cr3t"};
  CHECK(redact("a s3cr3t b s3cr3t", secrets) == "a [redacted] b [redacted]");
  CHECK(redact("authorization: Bearer xyz\r\nAccept: */*\r\n", secrets) ==
        "authorization: [redacted]\r\nAccept: */*\r\n");
  CHECK(redact("nothing here", secrets) == "nothing here");
}

TEST_CASE("an export request is created with the token, JSON content type and body", "[send]") {
  FakeServer server;
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  CHECK(created.value->request_status == "Requested");
  CHECK(created.value->download_file_name == "monthly.csv");
  const auto posts = server.requests("create_export");
  REQUIRE(posts.size() == 1);
  CHECK(posts[0]["path"] == "/tokenflex/v1/export/123/requests");
  CHECK(posts[0]["headers"]["authorization"] == std::string("Bearer ") + tfq::test::fake_token);
  CHECK(posts[0]["headers"]["content-type"] == "application/json");
  CHECK(posts[0]["body"] == kBody);
}

TEST_CASE("a POST answered 503 or 429 is retried, honouring Retry-After, and creates one export", "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"status":503,"headers":{"Retry-After":"0"}},
                                                  {"status":429,"headers":{"Retry-After":"1"}}]}})"));
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  CHECK(created.attempts == 3);
  const auto posts = server.requests("create_export");
  REQUIRE(posts.size() == 3);
  // Retry-After: 1 was honoured: the third POST came at least a second after the second.
  CHECK(posts[2]["time"].get<double>() - posts[1]["time"].get<double>() >= 0.9);
  CHECK(client.list_exports("123", "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z").value->size() == 1);
}

TEST_CASE("a POST whose connection drops after sending is reported unknown and not resent", "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"drop":true}]}})"));
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  CHECK(created.outcome == Outcome::unknown);
  CHECK(created.message.find("not sent again") != std::string::npos);
  CHECK(server.requests("create_export").size() == 1);
}

TEST_CASE("a POST on a connection that drops is not resent by libcurl either, even after other calls",
          "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{},{"drop":true}]}})"));
  Client client(options_for(server.base_url()));
  // Calls before the POST leave a kept-alive connection that libcurl would otherwise reuse, and silently
  // resend the POST on, when it dies.
  REQUIRE(client.create_export("123", kBody).ok());
  REQUIRE(client.list_exports("123", "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z").ok());
  CHECK(client.create_export("123", kBody).outcome == Outcome::unknown);
  CHECK(server.requests("create_export").size() == 2);
}

TEST_CASE("a POST that times out is reported unknown and not resent, though the server created it",
          "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"delay":1.5}]}})"));
  ClientOptions options = options_for(server.base_url());
  options.transport.max_time = 300ms;
  Client client(options);
  const auto created = client.create_export("123", kBody);
  CHECK(created.outcome == Outcome::unknown);
  CHECK(created.message.find("no answer in time") != std::string::npos);
  std::this_thread::sleep_for(1500ms);
  CHECK(server.requests("create_export").size() == 1);
  CHECK(client.list_exports("123", "2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z").value->size() == 1);
}

TEST_CASE("a POST answered 500, 502 or 504 is reported unknown and not resent", "[send]") {
  for (int status : {500, 502, 504}) {
    FakeServer server(
        json::parse(R"({"faults":{"create_export":[{"status":)" + std::to_string(status) + "}]}}"));
    Client client(options_for(server.base_url()));
    const auto created = client.create_export("123", kBody);
    CHECK(created.outcome == Outcome::unknown);
    CHECK(server.requests("create_export").size() == 1);
  }
}

TEST_CASE("a POST to a port nobody listens on is retried, then reported as a network failure", "[send]") {
  Client client(
      options_for("http://127.0.0.1:" + std::to_string(tfq::test::closed_port()) + "/tokenflex/v1", 2));
  const auto created = client.create_export("123", kBody);
  CHECK(created.outcome == Outcome::network);
  CHECK(created.attempts == 3);
  CHECK(created.message.find("could not connect") != std::string::npos);
  CHECK(created.message.find("gave up after 3 tries") != std::string::npos);
}

TEST_CASE("GETs are retried after dropped connections, slow answers and 5xx", "[send]") {
  FakeServer server(
      json::parse(R"({"faults":{"get_export":[{"drop":true},{"delay":1.0},{"status":500},{"status":502},
                                              {"status":504},{"status":408}]}})"));
  ClientOptions options = options_for(server.base_url(), 6);
  options.transport.max_time = 300ms;
  Client client(options);
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const auto read = client.get_export("123", created.value->request_key);
  REQUIRE(read.ok());
  CHECK(read.attempts <= 7);  // libcurl itself may resend a GET whose reused connection died
  CHECK(server.requests("get_export").size() == 7);
  CHECK(read.value->request_key == created.value->request_key);
}

TEST_CASE("request keys with ':' and '#' travel percent-encoded in the path", "[send]") {
  FakeServer server;
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const std::string key = created.value->request_key;
  REQUIRE(key.find('#') != std::string::npos);
  REQUIRE(client.get_export("123", key).ok());
  const auto gets = server.requests("get_export");
  REQUIRE(gets.size() == 1);
  CHECK(gets[0]["path"] == "/tokenflex/v1/export/123/requests/" + percent_encode(key));
  CHECK(gets[0]["path"].get<std::string>().find("%23") != std::string::npos);
}

TEST_CASE("the server's 4xx answers become rejections with its message", "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[
      {"status":400,"body":{"Code":"BadRequestError","Message":"Invalid field 'foo'"}},{"status":403}]}})"));
  Client client(options_for(server.base_url()));
  const auto bad = client.create_export("123", kBody);
  CHECK(bad.outcome == Outcome::rejected);
  CHECK(bad.error.http_status == 400);
  CHECK(bad.message ==
        "the server rejected the request as invalid (400) (the server said: BadRequestError: Invalid field "
        "'foo')");
  const auto forbidden = client.create_export("123", kBody);
  CHECK(forbidden.outcome == Outcome::rejected);
  CHECK(forbidden.message.find("not a Token Flex admin") != std::string::npos);
  ClientOptions wrong = options_for(server.base_url());
  wrong.token = "wrong-token";
  const auto unauthorized = Client(wrong).get_export("123", "k");
  CHECK(unauthorized.outcome == Outcome::rejected);
  CHECK(unauthorized.message.find("invalid or has expired") != std::string::npos);
  CHECK(unauthorized.error.code == "AUTH-001");
}

TEST_CASE("a server message quoting the token is redacted", "[send]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"status":400,"echo_auth":true}]}})"));
  Client client(options_for(server.base_url()));
  const auto bad = client.create_export("123", kBody);
  CHECK(bad.outcome == Outcome::rejected);
  CHECK(bad.message.find(tfq::test::fake_token) == std::string::npos);
  CHECK(bad.error.message.find(tfq::test::fake_token) == std::string::npos);
  CHECK(bad.message.find("[redacted]") != std::string::npos);
}

TEST_CASE("the verbose trace never shows the token or a download signature", "[send]") {
  FakeServer server(json{{"polls_until_ready", 0}});
  std::string trace;
  ClientOptions options = options_for(server.base_url());
  options.transport.trace = [&](std::string_view line) { (trace += line) += '\n'; };
  Client client(options);
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const std::string path = tfq::test::make_temp_dir() + "/out.csv";
  REQUIRE(download_export(client, "123", created.value->request_key, path).ok());
  CHECK(trace.find("> POST /tokenflex/v1/export/123/requests") != std::string::npos);
  CHECK(trace.find("Authorization: [redacted]") != std::string::npos);
  CHECK(trace.find(tfq::test::fake_token) == std::string::npos);
  CHECK(trace.find("X-Amz-Signature") == std::string::npos);
  CHECK(trace.find("sig-") == std::string::npos);
}

TEST_CASE("a download goes without Authorization, refreshes an expired URL and retries a cut transfer",
          "[send][download]") {
  FakeServer server(json::parse(R"({"polls_until_ready":0,"expired_url_generations":1,
                           "csv":"\"productName\",\n\"AutoCAD\",\n","faults":{"download":[{},{"truncate":true}]}})"));
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const std::string dir = tfq::test::make_temp_dir();
  const auto done = download_export(client, "123", created.value->request_key, dir + "/out.csv");
  REQUIRE(done.ok());
  CHECK(tfq::test::read_file(dir + "/out.csv") == "\"productName\",\n\"AutoCAD\",\n");
  CHECK(*done.value == 26);
  const auto downloads = server.requests("download");
  CHECK(downloads.size() == 3);  // the expired URL (403), the new one cut short, the new one whole
  CHECK(server.requests("refresh_url").size() == 1);
  for (const auto& download : downloads) CHECK_FALSE(download["headers"].contains("authorization"));
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
}

TEST_CASE("a download URL already past its expiry date is refreshed before use", "[send][download]") {
  FakeServer server(json{{"polls_until_ready", 0}, {"stale_expiry", true}});
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const std::string path = tfq::test::make_temp_dir() + "/out.csv";
  REQUIRE(download_export(client, "123", created.value->request_key, path).ok());
  CHECK(server.requests("refresh_url").size() == 1);
  CHECK(server.requests("download").size() == 1);
}

TEST_CASE("a failed download leaves no file and an existing file untouched", "[send][download]") {
  FakeServer server(
      json{{"polls_until_ready", 0},
           {"faults", {{"download", {{{"truncate", true}}, {{"truncate", true}}, {{"truncate", true}}}}}}});
  Client client(options_for(server.base_url(), 2));
  const auto created = client.create_export("123", kBody);
  REQUIRE(created.ok());
  const std::string dir = tfq::test::make_temp_dir();
  const auto failed = download_export(client, "123", created.value->request_key, dir + "/out.csv");
  CHECK(failed.outcome == Outcome::network);
  CHECK(std::filesystem::is_empty(dir));

  tfq::test::write_file(dir + "/out.csv", "precious");
  const auto refused = download_export(client, "123", created.value->request_key, dir + "/out.csv");
  CHECK(refused.outcome == Outcome::local);
  CHECK(tfq::test::read_file(dir + "/out.csv") == "precious");
  DownloadOptions overwrite;
  overwrite.overwrite = true;
  const auto replaced =
      download_export(client, "123", created.value->request_key, dir + "/out.csv", overwrite);
  REQUIRE(replaced.ok());
  CHECK(tfq::test::read_file(dir + "/out.csv") != "precious");
}

TEST_CASE("waiting polls until every export is ready, and stops at the timeout", "[send][wait]") {
  FakeServer server(json{{"polls_until_ready", 3}});
  Client client(options_for(server.base_url()));
  const auto a = client.create_export("123", kBody);
  const auto b = client.create_export("123", kBody);
  REQUIRE((a.ok() && b.ok()));
  std::size_t rounds = 0;
  const auto results =
      wait_for_exports(client, "123", {a.value->request_key, b.value->request_key}, quick_polls(),
                       [&](std::size_t, std::size_t, Milliseconds) { ++rounds; });
  REQUIRE(results.size() == 2);
  for (const auto& result : results) {
    REQUIRE(result.ok());
    CHECK(result.value->request_status == "Download");
  }
  CHECK(rounds == 4);

  FakeServer never(json{{"polls_until_ready", 1000000}});
  Client slow(options_for(never.base_url()));
  const auto c = slow.create_export("123", kBody);
  PollPolicy short_wait = quick_polls();
  short_wait.timeout = 200ms;
  const auto timed_out = wait_for_exports(slow, "123", {c.value->request_key}, short_wait);
  CHECK(timed_out[0].outcome == Outcome::network);
  CHECK(timed_out[0].message.find("still Requested after") != std::string::npos);
}

TEST_CASE("an export that ends in Error is a rejection", "[send][wait]") {
  FakeServer server(json{{"polls_until_ready", 0}, {"final_status", "Error"}});
  Client client(options_for(server.base_url()));
  const auto created = client.create_export("123", kBody);
  const auto results = wait_for_exports(client, "123", {created.value->request_key}, quick_polls());
  CHECK(results[0].outcome == Outcome::rejected);
  CHECK(results[0].message.find("status Error") != std::string::npos);
}

TEST_CASE("a query is created, waited for and paged through into CSV", "[send][query]") {
  FakeServer server(json{{"query_rows", 250}, {"query_polls_until_done", 2}});
  Client client(options_for(server.base_url()));
  const auto job = client.create_query("123", R"({"fields":["productName"],"metrics":["tokensConsumed"]})");
  REQUIRE(job.ok());
  CHECK(server.requests("create_query")[0]["path"] == "/tokenflex/v1/usage/123/query");
  REQUIRE(wait_for_query(client, "123", job.value->id, quick_polls()).ok());
  const std::string path = tfq::test::make_temp_dir() + "/q.csv";
  const auto rows = download_query_results(client, "123", job.value->id, 100, path);
  REQUIRE(rows.ok());
  CHECK(*rows.value == 250);
  const std::string csv = tfq::test::read_file(path);
  CHECK(csv.starts_with("productName,tokensConsumed\nProduct 0,0.0\n\"Say \"\"hi\"\", then\",1.5\n"));
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 251);
  std::vector<std::string> offsets;
  for (const auto& get : server.requests("get_query")) offsets.push_back(get["query"]);
  CHECK(offsets.back() == "offset=200&limit=100");
  CHECK(std::find(offsets.begin(), offsets.end(), "offset=100&limit=100") != offsets.end());
}

TEST_CASE("a query that fails on the server is a rejection", "[send][query]") {
  FakeServer server(json{{"query_final_status", "FAILED"}, {"query_polls_until_done", 0}});
  Client client(options_for(server.base_url()));
  const auto job = client.create_query("123", R"({"fields":["productName"]})");
  REQUIRE(job.ok());
  const auto waited = wait_for_query(client, "123", job.value->id, quick_polls());
  CHECK(waited.outcome == Outcome::rejected);
  CHECK(waited.message == "the query ended with status FAILED");
}

TEST_CASE("HTTPS works with the private CA given, and fails without it or with another CA", "[send][tls]") {
  const std::string dir = tfq::test::make_temp_dir();
  const auto server_cert = tfq::test::make_self_signed_certificate(dir, "server");
  const auto other_cert = tfq::test::make_self_signed_certificate(dir, "other");
  FakeServer server(json::object(), server_cert);
  REQUIRE(server.base_url().starts_with("https://127.0.0.1:"));

  ClientOptions trusted = options_for(server.base_url(), 0);
  trusted.transport.ca_file = server_cert.cert;
  REQUIRE(Client(trusted).create_export("123", kBody).ok());

  ClientOptions wrong_ca = trusted;
  wrong_ca.transport.ca_file = other_cert.cert;
  const auto refused = Client(wrong_ca).create_export("123", kBody);
  CHECK(refused.outcome == Outcome::network);
  CHECK(refused.message.find("TLS") != std::string::npos);

  ClientOptions system_store = options_for(server.base_url(), 0);
  CHECK(Client(system_store).get_export("123", "k").outcome == Outcome::network);
  CHECK(server.requests("create_export").size() == 1);
}
