// The real tfq binary's submit command against the fake Token Flex server: compile first and send nothing
// on errors, the exact requests of --dry-run, every retry rule, the no-duplicate rule, the journal and
// --skip-submitted, --wait/--download for exports and queries, and the token kept out of all output.
#include <catch2/catch.hpp>
#include <cctype>
#include <filesystem>
#include <map>

#include "support/fake_server.hpp"
#include "support/process.hpp"

using nlohmann::json;
using tfq::test::FakeServer;
using tfq::test::run_tfq;

namespace {

const std::string kMonthly =
    "SELECT usageMonth, userName, tokensConsumed\nFROM DESKTOP_PRODUCT\nWHERE contractYear = 1\n"
    "INTO 'monthly';\n";
const std::string kCloudJson =
    R"({"fields": ["productName"], "metrics": ["tokensConsumed"], "downloadFileName": "cloud"})";
const std::string kQuery =
    "QUERY SELECT productName, tokensConsumed FROM DESKTOP_PRODUCT WHERE contractYear = 1;\n";

// A temporary folder holding the named files.
std::string files(const std::vector<std::pair<std::string, std::string>>& named) {
  const std::string dir = tfq::test::make_temp_dir();
  for (const auto& [name, text] : named) tfq::test::write_file(dir + "/" + name, text);
  return dir;
}

tfq::test::ProcessOptions in(const std::string& dir) {
  tfq::test::ProcessOptions options;
  options.env["TFQ_TOKEN"] = tfq::test::fake_token;
  options.unset_env = {"TFQ_BASE_URL"};
  options.working_directory = dir;
  return options;
}

std::vector<std::string> submit(const FakeServer& server, std::vector<std::string> more) {
  std::vector<std::string> command{"submit",          "--contract",    "123", "--base-url",
                                   server.base_url(), "--retry-delay", "0.01"};
  command.insert(command.end(), more.begin(), more.end());
  return command;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  return lines;
}

std::vector<json> journal_lines(const std::string& path) {
  std::vector<json> out;
  for (const auto& line : lines_of(tfq::test::read_file(path))) out.push_back(json::parse(line));
  return out;
}

}  // namespace

TEST_CASE("submit sends each compiled body and prints its key, status and file", "[cli][submit]") {
  FakeServer server;
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json"}), in(dir));
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const auto posts = server.requests("create_export");
  REQUIRE(posts.size() == 2);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].ends_with("\tRequested\tmonthly.tfq"));
  CHECK(lines[1].ends_with("\tRequested\tcloud.json"));
  const json first = json::parse(posts[0]["body"].get<std::string>());
  CHECK(first["downloadFileName"] == "monthly");
  CHECK(first["usageCategory"] == json::array({"DESKTOP_PRODUCT"}));
  CHECK(json::parse(posts[1]["body"].get<std::string>())["downloadFileName"] == "cloud");
}

TEST_CASE("a file with errors is never sent, and neither is any other file", "[cli][submit]") {
  FakeServer server;
  const auto dir = files({{"good.tfq", kMonthly}, {"bad.json", R"({"fields": ["productNme"]})"}});
  const auto result = run_tfq(submit(server, {"good.tfq", "bad.json"}), in(dir));
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("bad.json:1:") != std::string::npos);
  CHECK(result.err.find("tfq: error: nothing was sent: fix the errors above first") != std::string::npos);
  CHECK(server.requests().empty());
}

TEST_CASE("submit reports compile findings in any lint format, on stderr or in a file", "[cli][submit]") {
  FakeServer server;
  const auto dir = files({{"good.tfq", kMonthly}, {"bad.json", R"({"fields": ["productNme"]})"}});
  SECTION("github workflow commands on stderr, stdout left to the results") {
    const auto result =
        run_tfq(submit(server, {"good.tfq", "bad.json", "--diagnostics-format", "github"}), in(dir));
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK(result.err.find("::error file=bad.json,line=1,col=") != std::string::npos);
    CHECK(result.err.find("title=TFQ401::") != std::string::npos);
  }
  SECTION("a SARIF file, written whole, named by the closing message") {
    const auto result = run_tfq(submit(server, {"good.tfq", "bad.json", "--diagnostics-format", "sarif",
                                                "--diagnostics-file", "findings.sarif"}),
                                in(dir));
    CHECK(result.exit_code == 1);
    CHECK(result.err == "tfq: error: nothing was sent: fix the errors reported in 'findings.sarif' first\n");
    const json log = json::parse(tfq::test::read_file(dir + "/findings.sarif"));
    REQUIRE(log["runs"][0]["results"].size() == 1);
    const json& only = log["runs"][0]["results"][0];
    CHECK(only["ruleId"] == "TFQ401");
    CHECK(only["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bad.json");
  }
  SECTION("a clean batch still writes its (empty) report, then sends") {
    const auto result = run_tfq(
        submit(server, {"good.tfq", "--diagnostics-format", "json", "--diagnostics-file", "findings.json"}),
        in(dir));
    CHECK(result.exit_code == 0);
    CHECK(json::parse(tfq::test::read_file(dir + "/findings.json")) == json::array());
    CHECK(server.requests("create_export").size() == 1);
  }
  SECTION("neither the report nor the journal may land on an input") {
    const auto report = run_tfq(
        submit(server, {"good.tfq", "--diagnostics-format", "json", "--diagnostics-file", "good.tfq"}),
        in(dir));
    CHECK(report.exit_code == 2);
    const auto journal = run_tfq(submit(server, {"good.tfq", "--journal", "./good.tfq"}), in(dir));
    CHECK(journal.exit_code == 2);
    CHECK(journal.err.find("--journal './good.tfq' is an input") != std::string::npos);
    CHECK(tfq::test::read_file(dir + "/good.tfq") == kMonthly);
    CHECK(server.requests().empty());
  }
  SECTION("a report that cannot be written stops the batch before anything is sent") {
    const auto result = run_tfq(submit(server, {"good.tfq", "--diagnostics-format", "json",
                                                "--diagnostics-file", "no/such/dir/f.json"}),
                                in(dir));
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("nothing was sent") != std::string::npos);
  }
  CHECK(server.requests("create_export").size() <= 1);
}

TEST_CASE("a dry run prints the exact HTTP requests with the token redacted and sends nothing",
          "[cli][submit]") {
  FakeServer server;
  const auto dir = files({{"monthly.tfq", kMonthly}, {"q.tfq", kQuery}});
  auto options = in(dir);
  options.unset_env.push_back("TFQ_TOKEN");  // a dry run needs no token
  const auto result = run_tfq(submit(server, {"monthly.tfq", "q.tfq", "--dry-run"}), options);
  CHECK(result.exit_code == 0);
  const std::string base = server.base_url();
  CHECK(
      result.out ==
      "POST " + base +
          "/export/123/requests\n"
          "Authorization: Bearer [redacted]\nAccept: application/json\nUser-Agent: tfq/" TFQ_VERSION
          "\nContent-Type: application/json\n\n"
          R"({"fields":["usageMonth","userName"],"metrics":["tokensConsumed"],"usageCategory":["DESKTOP_PRODUCT"],)"
          R"("where":"contractYear = 1","downloadFileName":"monthly"})"
          "\n\nPOST " +
          base +
          "/usage/123/query\n"
          "Authorization: Bearer [redacted]\nAccept: application/json\nUser-Agent: tfq/" TFQ_VERSION
          "\nContent-Type: application/json\n\n"
          R"({"fields":["productName"],"metrics":["tokensConsumed"],"usageCategory":["DESKTOP_PRODUCT"],)"
          R"("where":"contractYear = 1"})"
          "\n");
  CHECK(server.requests().empty());
}

TEST_CASE("a batch larger than the server's queue goes through by honouring 429 Retry-After",
          "[cli][submit]") {
  FakeServer server(json{{"queue_limit", 2}, {"ready_after_seconds", 0.3}});
  std::string text;
  for (int i = 0; i < 5; ++i)
    text += "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT INTO 'part" + std::to_string(i) + "';\n";
  const auto dir = files({{"batch.tfq", text}});
  const auto result =
      run_tfq(submit(server, {"batch.tfq", "--retries", "100", "--retry-max-time", "60"}), in(dir));
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 5);
  CHECK(lines[4].ends_with("\tRequested\tbatch.tfq:part4"));
  const auto posts = server.requests("create_export");
  CHECK(posts.size() > 5);  // some were refused with 429 and sent again
  CHECK(json::parse(run_tfq({"list", "--contract", "123", "--base-url", server.base_url(), "--from",
                             "2000-01-01", "--to", "2100-01-01", "--format", "json"},
                            in(dir))
                        .out)
            .size() == 5);
}

TEST_CASE("after a 500 the outcome is unknown: exit 5, nothing resent, the rest of the batch not sent",
          "[cli][submit]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"status":503},{"status":500}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json"}), in(dir));
  CHECK(result.exit_code == 5);
  CHECK(result.out == "-\tunknown\tmonthly.tfq\n-\tnot-sent\tcloud.json\n");
  CHECK(result.err.find("the server failed with an unknown error (500)") != std::string::npos);
  CHECK(result.err.find("it was not sent again") != std::string::npos);
  CHECK(server.requests("create_export").size() == 2);  // the 503 and the 500
}

TEST_CASE("a 400 quotes the server and notes the catalog, and the other files are still sent",
          "[cli][submit]") {
  FakeServer server(json::parse(
      R"({"faults":{"create_export":[{"status":400,"body":{"Code":"BadRequestError","Message":"Invalid field 'userName'"}}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json"}), in(dir));
  CHECK(result.exit_code == 3);
  CHECK(result.err ==
        "tfq: error: monthly.tfq: the server rejected the request as invalid (400) (the server said: "
        "BadRequestError: Invalid field 'userName'); tfq compile accepted this body: the catalog may be out "
        "of date\n");
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "-\trejected\tmonthly.tfq");
  CHECK(lines[1].ends_with("\tRequested\tcloud.json"));
}

TEST_CASE("a refused token stops the batch after the first request", "[cli][submit][secrets]") {
  FakeServer server;
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  auto options = in(dir);
  options.env["TFQ_TOKEN"] = "expired-token";
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json"}), options);
  CHECK(result.exit_code == 3);
  CHECK(result.out == "-\trejected\tmonthly.tfq\n-\tnot-sent\tcloud.json\n");
  CHECK(result.err.find("the server refused the token (401)") != std::string::npos);
  CHECK(server.requests("create_export").size() == 1);
}

TEST_CASE("429 after every try gives up with the number of tries: exit 4", "[cli][submit]") {
  FakeServer server(json::parse(
      R"({"faults":{"create_export":[{"status":429,"headers":{"Retry-After":"0"}},{"status":429},{"status":429}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "--retries", "2"}), in(dir));
  CHECK(result.exit_code == 4);
  CHECK(result.err.find("the server is busy (429") != std::string::npos);
  CHECK(result.err.find("gave up after 3 tries") != std::string::npos);
  CHECK(server.requests("create_export").size() == 3);
}

TEST_CASE("the journal records every attempt, and --skip-submitted never sends a body twice",
          "[cli][submit][journal]") {
  FakeServer server(
      json::parse(R"({"faults":{"create_export":[{"status":503,"headers":{"Retry-After":"0"}}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto first = run_tfq(submit(server, {"monthly.tfq", "cloud.json", "--journal", "j.jsonl"}), in(dir));
  REQUIRE(first.exit_code == 0);
  const auto journal = journal_lines(dir + "/j.jsonl");
  REQUIRE(journal.size() == 6);
  std::vector<std::string> outcomes;
  for (const auto& line : journal) outcomes.push_back(line["outcome"]);
  CHECK(outcomes ==
        std::vector<std::string>{"sending", "retrying", "sending", "accepted", "sending", "accepted"});
  CHECK(journal[1]["httpStatus"] == 503);
  CHECK(journal[3]["attempt"] == 2);
  CHECK(journal[3]["file"] == "monthly.tfq");
  CHECK(journal[3]["contract"] == "123");
  CHECK(journal[3]["bodySha256"].get<std::string>().size() == 64);
  const std::string key = journal[3]["requestKey"];
  CHECK(first.out.starts_with(key + "\tRequested\tmonthly.tfq\n"));

  // A re-run (a retried CI job) with one new file: only the new one is sent.
  tfq::test::write_file(dir + "/q.tfq", kQuery);
  const auto again = run_tfq(
      submit(server, {"monthly.tfq", "cloud.json", "q.tfq", "--journal", "j.jsonl", "--skip-submitted"}),
      in(dir));
  CHECK(again.exit_code == 0);
  const auto lines = lines_of(again.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == key + "\tskipped\tmonthly.tfq");
  CHECK(lines[1].ends_with("\tskipped\tcloud.json"));
  CHECK(lines[2].ends_with("\tQUEUED\tq.tfq"));
  CHECK(server.requests("create_export").size() == 3);
  CHECK(server.requests("create_query").size() == 1);
  CHECK(journal_lines(dir + "/j.jsonl").size() == 8);
}

TEST_CASE("a body whose earlier outcome is unknown is not sent again by --skip-submitted",
          "[cli][submit][journal]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"drop":true}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}});
  const auto first = run_tfq(submit(server, {"monthly.tfq", "--journal", "j.jsonl"}), in(dir));
  CHECK(first.exit_code == 5);
  CHECK(journal_lines(dir + "/j.jsonl").back()["outcome"] == "unknown");
  const auto again =
      run_tfq(submit(server, {"monthly.tfq", "--journal", "j.jsonl", "--skip-submitted"}), in(dir));
  CHECK(again.exit_code == 5);
  CHECK(again.out == "-\tunknown\tmonthly.tfq\n");
  CHECK(again.err.find("an earlier attempt (journal line 2) may have created it") != std::string::npos);
  CHECK(server.requests("create_export").size() == 1);
}

TEST_CASE("skipping submitted bodies needs a journal", "[cli][submit][journal]") {
  FakeServer server;
  const auto dir = files({{"monthly.tfq", kMonthly}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "--skip-submitted"}), in(dir));
  CHECK(result.exit_code == 2);
  CHECK(server.requests().empty());
}

TEST_CASE("submit --wait --download waits for the export and writes its CSV", "[cli][submit][download]") {
  FakeServer server(json{{"polls_until_ready", 2}, {"csv", "\"userName\",\n\"ann\",\n"}});
  const auto dir = files({{"monthly.tfq", kMonthly}});
  std::filesystem::create_directory(dir + "/out");
  const auto result =
      run_tfq(submit(server, {"monthly.tfq", "--wait", "--download", "out", "--interval", "0.05"}), in(dir));
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].ends_with("\tDownload\tmonthly.tfq\tout/monthly.csv"));
  CHECK(tfq::test::read_file(dir + "/out/monthly.csv") == "\"userName\",\n\"ann\",\n");
  for (const auto& download : server.requests("download"))
    CHECK_FALSE(download["headers"].contains("authorization"));
}

TEST_CASE("a QUERY statement with --wait pages through the results into CSV", "[cli][submit][query]") {
  FakeServer server(json{{"query_rows", 230}});
  const auto dir = files({{"usage.tfq", kQuery}});
  const auto result =
      run_tfq(submit(server, {"usage.tfq", "--wait", "--interval", "0.05", "--page-size", "100"}), in(dir));
  CHECK(result.exit_code == 0);
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].ends_with("\tDONE\tusage.tfq\t./usage.csv"));
  const auto csv = lines_of(tfq::test::read_file(dir + "/usage.csv"));
  REQUIRE(csv.size() == 231);
  CHECK(csv[0] == "productName,tokensConsumed");
  CHECK(csv[230] == "Product 229,343.5");
  std::vector<std::string> queries;
  for (const auto& get : server.requests("get_query")) queries.push_back(get["query"]);
  CHECK(queries.back() == "offset=200&limit=100");
}

TEST_CASE("submit speaks JSON for machines", "[cli][submit]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"status":403}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json", "--format", "json"}), in(dir));
  CHECK(result.exit_code == 3);
  const json rows = json::parse(result.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["outcome"] == "rejected");
  CHECK(rows[0]["httpStatus"] == 403);
  CHECK(rows[0]["requestKey"].is_null());
  CHECK(rows[1]["status"] == "not-sent");
  const auto lines = run_tfq(submit(server, {"cloud.json", "--format", "jsonl"}), in(dir));
  CHECK(lines.exit_code == 0);
  CHECK(json::parse(lines.out)["status"] == "Requested");
}

TEST_CASE("submit never shows the token, even with --verbose and a server quoting it",
          "[cli][submit][redaction]") {
  FakeServer server(
      json::parse(R"({"polls_until_ready":0,"faults":{"create_export":[{"status":400,"echo_auth":true}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "cloud.json", "--verbose", "--wait",
                                              "--download", ".", "--interval", "0.05"}),
                              in(dir));
  CHECK(result.exit_code == 3);
  CHECK(result.err.find("Authorization: [redacted]") != std::string::npos);
  CHECK(result.err.find("bad header Bearer [redacted]") != std::string::npos);
  CHECK(result.out.find(tfq::test::fake_token) == std::string::npos);
  CHECK(result.err.find(tfq::test::fake_token) == std::string::npos);
  CHECK(std::filesystem::exists(dir + "/cloud.csv"));
}

TEST_CASE("submit reads its files as compile does: --param across files, and only request inputs",
          "[cli][submit]") {
  FakeServer server;
  const std::string year_query =
      "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT WHERE contractYear = :year INTO 'by-year';\n";
  const auto dir =
      files({{"year.tfq", year_query}, {"monthly.tfq", kMonthly}, {"clause.where", "contractYear = 1"}});
  // A binding used by one of the files is no error for the other.
  const auto both =
      run_tfq(submit(server, {"year.tfq", "monthly.tfq", "--param", "year=2", "--dry-run"}), in(dir));
  CHECK(both.exit_code == 0);
  CHECK(both.out.find(R"("where":"contractYear = 2")") != std::string::npos);
  CHECK(both.out.find(R"("downloadFileName":"monthly")") != std::string::npos);

  const auto unused = run_tfq(submit(server, {"monthly.tfq", "--param", "yeer=2"}), in(dir));
  CHECK(unused.exit_code == 1);
  CHECK(unused.err.find("TFQ463") != std::string::npos);
  const auto no_value = run_tfq(submit(server, {"year.tfq", "--param", "year"}), in(dir));
  CHECK(no_value.exit_code == 2);
  CHECK(no_value.err.find("--param takes name=value") != std::string::npos);

  // A where clause alone is not a request body: it is never POSTed.
  const auto clause = run_tfq(submit(server, {"monthly.tfq", "clause.where"}), in(dir));
  CHECK(clause.exit_code == 2);
  CHECK(clause.err.find("clause.where: not a request") != std::string::npos);
  const auto from_stdin = run_tfq(submit(server, {"-"}), in(dir));
  CHECK(from_stdin.exit_code == 2);

  // A directory gives its query files, as for tfq compile.
  std::filesystem::create_directory(dir + "/queries");
  tfq::test::write_file(dir + "/queries/monthly.tfq", kMonthly);
  const auto folder = run_tfq(submit(server, {"queries"}), in(dir));
  CHECK(folder.exit_code == 0);
  CHECK(folder.out.ends_with("\tRequested\tqueries/monthly.tfq\n"));
  CHECK(server.requests("create_export").size() == 1);
}

TEST_CASE("a POST that outlives --max-time has an unknown outcome: exit 5, never sent twice",
          "[cli][submit][timeouts]") {
  FakeServer server(json::parse(R"({"faults":{"create_export":[{"delay":5}]}})"));
  const auto dir = files({{"monthly.tfq", kMonthly}});
  const auto result = run_tfq(submit(server, {"monthly.tfq", "--max-time", "1.5"}), in(dir));
  CHECK(result.exit_code == 5);
  CHECK(result.out == "-\tunknown\tmonthly.tfq\n");
  CHECK(result.err.find("it was not sent again") != std::string::npos);
  CHECK(server.requests("create_export").size() == 1);
}

TEST_CASE("the requests a dry run shows are the ones sent, header for header and byte for byte",
          "[cli][submit]") {
  FakeServer server;
  const auto dir = files({{"monthly.tfq", kMonthly}});
  const auto dry = run_tfq(submit(server, {"monthly.tfq", "--dry-run", "--format", "json"}), in(dir));
  REQUIRE(dry.exit_code == 0);
  const json shown = json::parse(dry.out).at(0);
  REQUIRE(run_tfq(submit(server, {"monthly.tfq"}), in(dir)).exit_code == 0);
  const auto posts = server.requests("create_export");
  REQUIRE(posts.size() == 1);
  const json& sent = posts[0];
  CHECK(shown["method"] == sent["method"]);
  CHECK(shown["url"] == server.base_url() + "/export/123/requests");
  CHECK(sent["path"] == "/tokenflex/v1/export/123/requests");
  CHECK(shown["body"] == sent["body"]);
  // Every header tfq chooses is shown; only Host and Content-Length come from HTTP itself.
  std::map<std::string, std::string> shown_headers, sent_headers;
  for (const auto& [name, value] : shown["headers"].items()) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    shown_headers[lower] = value;
  }
  for (const auto& [name, value] : sent["headers"].items())
    if (name != "host" && name != "content-length") sent_headers[name] = value;
  CHECK(shown_headers["authorization"] == "Bearer [redacted]");
  shown_headers["authorization"] = std::string("Bearer ") + tfq::test::fake_token;
  CHECK(shown_headers == sent_headers);
}

TEST_CASE("submit --wait prints each export's final status and downloads nothing", "[cli][submit][wait]") {
  FakeServer server(json{{"polls_until_ready", 1}, {"final_status", "Error"}});
  const auto dir = files({{"monthly.tfq", kMonthly}, {"cloud.json", kCloudJson}});
  const auto result =
      run_tfq(submit(server, {"monthly.tfq", "cloud.json", "--wait", "--interval", "0.05"}), in(dir));
  CHECK(result.exit_code == 3);  // an export that ends in Error
  const auto lines = lines_of(result.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].ends_with("\tError\tmonthly.tfq"));
  CHECK(lines[1].ends_with("\tError\tcloud.json"));
  CHECK(server.requests("download").empty());
  CHECK(server.requests("get_export").size() >= 4);  // each polled until final
}

TEST_CASE("submit follows the project file as compile does: its target and its catalog",
          "[cli][submit][config]") {
  FakeServer server;
  const auto dir = files({{"hub.tfq", "SELECT userName, tokensConsumed WHERE hubRegion = 'eu';\n"},
                          {"extra.json", R"({"fields": [{"name": "hubRegion", "type": "string"}]})"}});
  CHECK(run_tfq(submit(server, {"hub.tfq", "--dry-run"}), in(dir)).exit_code == 1);  // unknown field
  tfq::test::write_file(dir + "/.tfq.json", R"({"catalog": "extra.json", "target": "query"})");
  const auto dry = run_tfq(submit(server, {"hub.tfq", "--dry-run"}), in(dir));
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.starts_with("POST " + server.base_url() + "/usage/123/query\n"));
  tfq::test::write_file(dir + "/.tfq.json", R"({"catalg": "extra.json"})");
  const auto broken = run_tfq(submit(server, {"hub.tfq", "--dry-run"}), in(dir));
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("TFQ700") != std::string::npos);
  CHECK(server.requests().empty());
}
