// The real tfq binary's status, list, wait and download commands against the fake Token Flex server:
// output lines, exit codes, secrets kept out of every output, atomic downloads, and the connection flags.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/fake_server.hpp"
#include "support/process.hpp"

using nlohmann::json;
using tfq::test::FakeServer;
using tfq::test::run_tfq;

namespace {

const std::string kKey = "2018-10-29T03:25:31#4d16aed0-9de2-40c1-9e91-22e3e83c6ce3";
const std::string kCsv = "\"productName\",\"tokensConsumed\",\n\"AutoCAD\",12.5,\n";

json one_export(const std::string& status, int polls_until_ready = 0) {
  return json{{"polls_until_ready", polls_until_ready},
              {"csv", kCsv},
              {"exports", json::array({json{{"requestKey", kKey},
                                            {"requestStatus", status},
                                            {"downloadFileName", "monthly.csv"},
                                            {"exportRequestDate", "2018-10-29T03:25:31.123456Z"}}})}};
}

json merged(json scenario, const char* more) {
  scenario.update(json::parse(more));
  return scenario;
}

tfq::test::ProcessOptions with_token() {
  tfq::test::ProcessOptions options;
  options.env["TFQ_TOKEN"] = tfq::test::fake_token;
  options.unset_env = {"TFQ_BASE_URL"};
  return options;
}

// The command, then the flags that point it at the fake server with short waits.
std::vector<std::string> args(const FakeServer& server, std::vector<std::string> command) {
  for (std::string flag : {"--base-url", "", "--retry-delay", "0.01", "--contract", "123"}) {
    command.push_back(flag.empty() ? server.base_url() : flag);
  }
  return command;
}

void check_no_token(const tfq::test::ProcessResult& result) {
  CHECK(result.out.find(tfq::test::fake_token) == std::string::npos);
  CHECK(result.err.find(tfq::test::fake_token) == std::string::npos);
}

}  // namespace

TEST_CASE("status prints the key, status and file of a request", "[cli][status]") {
  FakeServer server(one_export("Requested", 5));
  const auto result = run_tfq(args(server, {"status", kKey}), with_token());
  CHECK(result.exit_code == 0);
  CHECK(result.out == kKey + "\tRequested\tmonthly.csv\n");
  CHECK(result.err.empty());
  const auto gets = server.requests("get_export");
  REQUIRE(gets.size() == 1);
  CHECK(gets[0]["path"] ==
        "/tokenflex/v1/export/123/requests/2018-10-29T03%3A25%3A31%234d16aed0-9de2-40c1-9e91-22e3e83c6ce3");
  const auto json_result = run_tfq(args(server, {"status", kKey, "--format", "json"}), with_token());
  CHECK(json::parse(json_result.out)["requestKey"] == kKey);
}

TEST_CASE("a verbose trace shows the exchange but never the token", "[cli][status][redaction]") {
  FakeServer server(one_export("Download"));
  const auto dir = tfq::test::make_temp_dir();
  for (const auto& command :
       {std::vector<std::string>{"status", kKey, "--verbose"},
        std::vector<std::string>{"download", kKey, "-o", dir + "/x.csv", "--verbose"}}) {
    const auto result = run_tfq(args(server, command), with_token());
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("> GET /tokenflex/v1/export/123/requests/") != std::string::npos);
    CHECK(result.err.find("Authorization: [redacted]") != std::string::npos);
    CHECK(result.err.find("X-Amz-Signature=") == std::string::npos);
    check_no_token(result);
  }
}

TEST_CASE("the token comes from a token file, with a warning when others can read it",
          "[cli][status][secrets]") {
  FakeServer server(one_export("Requested", 5));
  const auto dir = tfq::test::make_temp_dir();
  const std::string file = dir + "/token";
  tfq::test::write_file(file, std::string(tfq::test::fake_token) + "\n");
  tfq::test::ProcessOptions no_env;
  no_env.unset_env = {"TFQ_TOKEN", "TFQ_BASE_URL"};
  ::chmod(file.c_str(), 0600);
  auto private_file = run_tfq(args(server, {"status", kKey, "--token-file", file}), no_env);
  CHECK(private_file.exit_code == 0);
  CHECK(private_file.err.empty());
  ::chmod(file.c_str(), 0644);
  auto shared_file = run_tfq(args(server, {"status", kKey, "--token-file", file}), no_env);
  CHECK(shared_file.exit_code == 0);
  CHECK(shared_file.err ==
        "tfq: warning: the token file '" + file + "' is readable by group or others; `chmod 600` it\n");
  check_no_token(shared_file);

  const auto missing = run_tfq(args(server, {"status", kKey, "--token-file", dir + "/none"}), no_env);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.starts_with("--token-file: File does not exist: " + dir + "/none\n"));
  const auto directory = run_tfq(args(server, {"status", kKey, "--token-file", dir}), no_env);
  CHECK(directory.exit_code == 2);
  CHECK(directory.err.starts_with("--token-file: File is actually a directory: " + dir + "\n"));
}

TEST_CASE("a token is never taken from the command line, and a missing one is a usage error",
          "[cli][status][secrets]") {
  FakeServer server(one_export("Requested"));
  tfq::test::ProcessOptions no_env;
  no_env.unset_env = {"TFQ_TOKEN", "TFQ_BASE_URL"};
  const auto flag = run_tfq(args(server, {"status", kKey, "--token", "abc"}), no_env);
  CHECK(flag.exit_code == 2);
  const auto missing = run_tfq(args(server, {"status", kKey}), no_env);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "tfq: error: no token: set TFQ_TOKEN or pass --token-file FILE\n");
  auto bad = with_token();
  bad.env["TFQ_TOKEN"] = "abc\r\nX-Injected: 1";
  const auto injected = run_tfq(args(server, {"status", kKey}), bad);
  CHECK(injected.exit_code == 2);
  CHECK(injected.err.find("cannot go in an HTTP header") != std::string::npos);
  CHECK(server.requests().empty());
}

TEST_CASE("contract numbers must be digits", "[cli][status]") {
  FakeServer server(one_export("Requested"));
  auto command = args(server, {"status", kKey});
  command.back() = "12a";
  const auto result = run_tfq(command, with_token());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("a contract number is digits") != std::string::npos);
  CHECK(server.requests().empty());
}

TEST_CASE("plain http is refused for any host but loopback, before anything is sent",
          "[cli][status][secrets]") {
  const auto result = run_tfq(
      {"status", kKey, "--contract", "1", "--base-url", "http://example.com/tokenflex/v1"}, with_token());
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("plain http:// is allowed only for loopback hosts") != std::string::npos);
  auto env = with_token();
  env.unset_env.clear();
  env.env["TFQ_BASE_URL"] = "http://10.1.2.3/tokenflex/v1";
  const auto from_env = run_tfq({"status", kKey, "--contract", "1"}, env);
  CHECK(from_env.exit_code == 2);
  CHECK(from_env.err.find("TFQ_BASE_URL") != std::string::npos);
}

TEST_CASE("TFQ_BASE_URL selects the server when --base-url is absent", "[cli][status]") {
  FakeServer server(one_export("Requested", 5));
  auto env = with_token();
  env.unset_env.clear();
  env.env["TFQ_BASE_URL"] = server.base_url();
  const auto result = run_tfq({"status", kKey, "--contract", "123"}, env);
  CHECK(result.exit_code == 0);
  CHECK(server.requests("get_export").size() == 1);
}

TEST_CASE("each server refusal has its message and exit code 3", "[cli][status]") {
  FakeServer server(json::parse(R"({"faults":{"get_export":[{"status":403},{"status":404}]}})"));
  const auto forbidden = run_tfq(args(server, {"status", kKey}), with_token());
  CHECK(forbidden.exit_code == 3);
  CHECK(forbidden.err ==
        "tfq: error: " + kKey +
            ": the server denied access (403): the token's user is not a Token Flex admin, or the contract "
            "number "
            "is wrong (the server said: Forbidden: Forbidden: not a Token Flex admin for this contract)\n");
  const auto missing = run_tfq(args(server, {"status", kKey}), with_token());
  CHECK(missing.exit_code == 3);
  auto wrong = with_token();
  wrong.env["TFQ_TOKEN"] = "expired-token";
  const auto unauthorized = run_tfq(args(server, {"status", kKey}), wrong);
  CHECK(unauthorized.exit_code == 3);
  CHECK(unauthorized.err.find("the server refused the token (401): it is invalid or has expired") !=
        std::string::npos);
}

TEST_CASE("a server nobody answers for is a network failure, exit code 4", "[cli][status]") {
  const auto result =
      run_tfq({"status", kKey, "--contract", "1", "--retries", "1", "--retry-delay", "0.01", "--base-url",
               "http://127.0.0.1:" + std::to_string(tfq::test::closed_port()) + "/tokenflex/v1"},
              with_token());
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("could not connect") != std::string::npos);
  CHECK(result.err.find("gave up after 2 tries") != std::string::npos);
}

TEST_CASE("list sends the time window and prints one line per request", "[cli][list]") {
  FakeServer server(one_export("Requested", 5));
  auto command = args(server, {"list", "--from", "2018-10-01", "--to", "2018-11-01T00:00:00Z"});
  command.back() = "null";
  const auto result = run_tfq(command, with_token());
  CHECK(result.exit_code == 0);
  CHECK(result.out == kKey + "\tRequested\tmonthly.csv\t2018-10-29T03:25:31.123456Z\n");
  const auto lists = server.requests("list_exports");
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]["path"] == "/tokenflex/v1/export/null/requests");
  CHECK(lists[0]["query"] == "fromDate=2018-10-01T00%3A00%3A00.000Z&toDate=2018-11-01T00%3A00%3A00Z");
  const auto bad = run_tfq(args(server, {"list", "--from", "October", "--to", "2018-11-01"}), with_token());
  CHECK(bad.exit_code == 2);
  CHECK(json::parse(
            run_tfq(args(server, {"list", "--from", "2018-10-01", "--to", "2018-11-01", "--format", "json"}),
                    with_token())
                .out)
            .size() == 1);
}

TEST_CASE("wait polls until the export is ready and prints its final line", "[cli][wait]") {
  FakeServer server(one_export("Requested", 2));
  const auto result = run_tfq(args(server, {"wait", kKey, "--interval", "0.05"}), with_token());
  CHECK(result.exit_code == 0);
  CHECK(result.out == kKey + "\tDownload\tmonthly.csv\n");
  CHECK(result.err.empty());  // no progress line when stderr is not a terminal
  CHECK(server.requests("get_export").size() == 3);
}

TEST_CASE("wait gives up at --timeout with exit code 4, and an Error export is exit code 3", "[cli][wait]") {
  FakeServer slow(one_export("Requested", 1000000));
  const auto timed_out =
      run_tfq(args(slow, {"wait", kKey, "--interval", "0.05", "--timeout", "0.3"}), with_token());
  CHECK(timed_out.exit_code == 4);
  CHECK(timed_out.out == kKey + "\tRequested\tmonthly.csv\n");
  CHECK(timed_out.err.find("stopped waiting (--timeout)") != std::string::npos);
  FakeServer failing(one_export("Error"));
  const auto failed = run_tfq(args(failing, {"wait", kKey, "--interval", "0.05"}), with_token());
  CHECK(failed.exit_code == 3);
  CHECK(failed.out == kKey + "\tError\tmonthly.csv\n");
}

TEST_CASE("download writes the CSV under the server's name, without sending the token to storage",
          "[cli][download]") {
  FakeServer server(one_export("Download"));
  const auto dir = tfq::test::make_temp_dir();
  auto options = with_token();
  options.working_directory = dir;
  const auto result = run_tfq(args(server, {"download", kKey}), options);
  CHECK(result.exit_code == 0);
  CHECK(result.out == kKey + "\tDownloaded\tmonthly.csv\n");
  CHECK(tfq::test::read_file(dir + "/monthly.csv") == kCsv);
  const auto downloads = server.requests("download");
  REQUIRE(downloads.size() == 1);
  CHECK_FALSE(downloads[0]["headers"].contains("authorization"));
}

TEST_CASE("download never clobbers an existing file unless --force", "[cli][download]") {
  FakeServer server(one_export("Download"));
  const auto dir = tfq::test::make_temp_dir();
  tfq::test::write_file(dir + "/out.csv", "precious");
  const auto refused = run_tfq(args(server, {"download", kKey, "-o", dir + "/out.csv"}), with_token());
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "tfq: error: '" + dir + "/out.csv' already exists (--force replaces it)\n");
  CHECK(tfq::test::read_file(dir + "/out.csv") == "precious");
  const auto forced =
      run_tfq(args(server, {"download", kKey, "-o", dir + "/out.csv", "--force"}), with_token());
  CHECK(forced.exit_code == 0);
  CHECK(tfq::test::read_file(dir + "/out.csv") == kCsv);
}

TEST_CASE("a download that cannot be written says why, with the path", "[cli][download]") {
  if (!std::filesystem::exists("/dev/full")) {
    WARN("no /dev/full on this machine: the write error is not exercised");
    return;
  }
  FakeServer server(one_export("Download"));
  const auto result = run_tfq(args(server, {"download", kKey, "-o", "/dev/full", "--force"}), with_token());
  CHECK(result.exit_code == 2);
  CHECK(result.err == "tfq: error: " + kKey + ": cannot write '/dev/full': No space left on device\n");
}

TEST_CASE("a download cut short every time leaves no partial file", "[cli][download]") {
  FakeServer server(
      merged(one_export("Download"),
             R"({"faults":{"download":[{"truncate":true},{"truncate":true},{"truncate":true}]}})"));
  const auto dir = tfq::test::make_temp_dir();
  const auto result =
      run_tfq(args(server, {"download", kKey, "-o", dir + "/out.csv", "--retries", "2"}), with_token());
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("the download failed") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("an interrupted download leaves no partial file and keeps an existing one", "[cli][download]") {
  FakeServer server(merged(one_export("Download"), R"({"faults":{"download":[{"slow_body":0.2}]}})"));
  const auto dir = tfq::test::make_temp_dir();
  tfq::test::write_file(dir + "/out.csv", "precious");
  auto command = args(server, {TFQ_BINARY, "download", kKey, "-o", dir + "/out.csv", "--force"});
  command.insert(command.begin(), {"timeout", "--preserve-status", "--signal=INT", "1.5"});
  const auto result = tfq::test::run_process(command, with_token());
  CHECK(result.exit_code == 130);
  CHECK(result.err.find("interrupted; nothing was written") != std::string::npos);
  CHECK(tfq::test::read_file(dir + "/out.csv") == "precious");
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 1);
}

TEST_CASE("download refuses an export that is not ready", "[cli][download]") {
  FakeServer server(one_export("Requested", 5));
  const auto dir = tfq::test::make_temp_dir();
  const auto result = run_tfq(args(server, {"download", kKey, "-o", dir + "/out.csv"}), with_token());
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("the export is not ready (status Requested)") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("HTTPS needs the private CA: --cacert is accepted and another CA is refused", "[cli][tls]") {
  const std::string dir = tfq::test::make_temp_dir();
  const auto cert = tfq::test::make_self_signed_certificate(dir, "server");
  const auto other = tfq::test::make_self_signed_certificate(dir, "other");
  FakeServer server(one_export("Requested", 5), cert);
  const auto trusted = run_tfq(args(server, {"status", kKey, "--cacert", cert.cert}), with_token());
  CHECK(trusted.exit_code == 0);
  CHECK(trusted.out == kKey + "\tRequested\tmonthly.csv\n");
  const auto wrong =
      run_tfq(args(server, {"status", kKey, "--cacert", other.cert, "--retries", "0"}), with_token());
  CHECK(wrong.exit_code == 4);
  CHECK(wrong.err.find("the TLS connection failed") != std::string::npos);
  const auto none = run_tfq(args(server, {"status", kKey, "--retries", "0"}), with_token());
  CHECK(none.exit_code == 4);
  CHECK(server.requests("get_export").size() == 1);
}

namespace {

// Runs tfq under `script`, which gives it a terminal; what the terminal showed comes back on stdout.
tfq::test::ProcessResult run_on_terminal(const std::vector<std::string>& args) {
  std::string command = "'" TFQ_BINARY "'";
  for (const std::string& arg : args) command += " '" + arg + "'";  // no argument here holds a quote
  return tfq::test::run_process({"script", "-qec", command, "/dev/null"}, with_token());
}

}  // namespace

TEST_CASE("on a terminal, wait shows a progress line and download a progress bar", "[cli][wait][download]") {
  FakeServer server(one_export("Requested", 2));
  const auto waited = run_on_terminal(args(server, {"wait", kKey, "--interval", "0.05"}));
  CHECK(waited.exit_code == 0);
  CHECK(waited.out.find("waiting: 0 of 1 finished (0m00s)") != std::string::npos);
  CHECK(waited.out.find(kKey + "\tDownload\tmonthly.csv") != std::string::npos);
  const auto dir = tfq::test::make_temp_dir();
  const auto fetched = run_on_terminal(args(server, {"download", kKey, "-o", dir + "/out.csv"}));
  CHECK(fetched.exit_code == 0);
  CHECK(fetched.out.find("] 100%") != std::string::npos);
  CHECK(tfq::test::read_file(dir + "/out.csv") == kCsv);
  CHECK(fetched.out.find(tfq::test::fake_token) == std::string::npos);
}

TEST_CASE("download replaces an expired URL through refreshUrl, still without the token", "[cli][download]") {
  FakeServer server(merged(one_export("Download"), R"({"expired_url_generations": 1})"));
  const auto dir = tfq::test::make_temp_dir();
  const auto result = run_tfq(args(server, {"download", kKey, "-o", dir + "/out.csv"}), with_token());
  CHECK(result.exit_code == 0);
  CHECK(tfq::test::read_file(dir + "/out.csv") == kCsv);
  CHECK(server.requests("refresh_url").size() == 1);
  const auto downloads = server.requests("download");
  REQUIRE(downloads.size() == 2);  // the expired URL, then the fresh one
  for (const auto& download : downloads) CHECK_FALSE(download["headers"].contains("authorization"));
  check_no_token(result);
}

TEST_CASE("a GET slower than --max-time is retried, and gives up with exit code 4",
          "[cli][status][timeouts]") {
  FakeServer server(merged(one_export("Download"), R"({"faults":{"get_export":[{"delay":6}]}})"));
  const auto retried = run_tfq(args(server, {"status", kKey, "--max-time", "2"}), with_token());
  CHECK(retried.exit_code == 0);
  CHECK(retried.out == kKey + "\tDownload\tmonthly.csv\n");
  CHECK(server.requests("get_export").size() == 2);

  FakeServer slow(merged(one_export("Download"), R"({"faults":{"get_export":[{"delay":6}]}})"));
  const auto gave_up =
      run_tfq(args(slow, {"status", kKey, "--max-time", "2", "--retries", "0"}), with_token());
  CHECK(gave_up.exit_code == 4);
  CHECK_FALSE(gave_up.err.empty());
}
