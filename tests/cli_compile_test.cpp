// tfq compile with the real binary on files: bodies printed or written all or nothing, --check, --param,
// JSON bodies, and the exit codes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support/process.hpp"

using tfq::test::read_file;
using tfq::test::run_tfq;
using tfq::test::write_file;

namespace {

const std::string kMonthly =
    "-- monthly usage\n"
    "select userName, tokensConsumed from DESKTOP_PRODUCT\n"
    "where contractYear = 1 and contractYear = 1 into 'monthly';\n";

const std::string kTwoStatements =
    "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT WHERE contractYear = :year INTO 'a';\n"
    "SELECT productName, tokensConsumed FROM CLOUD_PRODUCT INTO 'b';\n";

const std::string kUnknownField = "SELECT userNmae, tokensConsumed FROM DESKTOP_PRODUCT INTO 'bad';\n";

std::size_t files_in(const std::string& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

}  // namespace

TEST_CASE("tfq compile prints the canonical body of a query file", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  const auto result = run_tfq({"compile", dir + "/monthly.tfq"});
  CHECK(result.exit_code == 0);
  const auto body = nlohmann::json::parse(result.out);
  CHECK(body["fields"] == nlohmann::json::array({"userName"}));
  CHECK(body["metrics"] == nlohmann::json::array({"tokensConsumed"}));
  CHECK(body["usageCategory"] == nlohmann::json::array({"DESKTOP_PRODUCT"}));
  CHECK(body["where"] == "contractYear = 1");
  CHECK(body["downloadFileName"] == "monthly");
  // The duplicate predicate is reported (a warning) and removed.
  CHECK(result.err.find("contractYear = 1") != std::string::npos);
}

TEST_CASE("tfq compile output compiles again to the same bytes", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  const auto first = run_tfq({"compile", dir + "/monthly.tfq"});
  REQUIRE(first.exit_code == 0);
  write_file(dir + "/body.json", first.out);
  const auto again = run_tfq({"compile", dir + "/body.json"});
  CHECK(again.exit_code == 0);
  CHECK(again.err.empty());
  CHECK(again.out == first.out);
  const auto compact = run_tfq({"compile", "--compact", dir + "/body.json"});
  CHECK(compact.out == nlohmann::ordered_json::parse(first.out).dump() + "\n");
}

TEST_CASE("tfq compile prints several bodies as JSON Lines and binds parameters", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/two.tfq", kTwoStatements);
  const auto unbound = run_tfq({"compile", dir + "/two.tfq"});
  CHECK(unbound.exit_code == 1);
  CHECK(unbound.out.empty());
  CHECK(unbound.err.find("TFQ462") != std::string::npos);

  const auto bound = run_tfq({"compile", dir + "/two.tfq", "--param", "year=3"});
  CHECK(bound.exit_code == 0);
  const auto newline = bound.out.find('\n');
  REQUIRE(newline != std::string::npos);
  CHECK(nlohmann::json::parse(bound.out.substr(0, newline))["where"] == "contractYear = 3");
  CHECK(nlohmann::json::parse(bound.out.substr(newline + 1))["downloadFileName"] == "b");

  // A value is a literal of the field's type, never clause text.
  const auto injected = run_tfq({"compile", dir + "/two.tfq", "--param", "year=1 OR 1=1"});
  CHECK(injected.exit_code == 1);
  CHECK(injected.out.empty());
}

TEST_CASE("tfq compile writes nothing when any input has an error", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/good.tfq", kMonthly);
  write_file(dir + "/bad.tfq", kUnknownField);
  const std::string out = dir + "/out";
  const auto result = run_tfq({"compile", dir + "/good.tfq", dir + "/bad.tfq", "--out-dir", out});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("bad.tfq:1:8") != std::string::npos);
  CHECK(result.err.find("userName") != std::string::npos);  // the did-you-mean
  CHECK((!std::filesystem::exists(out) || files_in(out) == 0));

  write_file(dir + "/kept.json", "precious\n");
  const auto single = run_tfq({"compile", dir + "/bad.tfq", "-o", dir + "/kept.json"});
  CHECK(single.exit_code == 1);
  CHECK(read_file(dir + "/kept.json") == "precious\n");
}

TEST_CASE("tfq compile -o writes through a symbolic link, and into /dev/stdout as a shell would",
          "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  const auto printed = run_tfq({"compile", dir + "/monthly.tfq"});
  REQUIRE(printed.exit_code == 0);

  const auto to_stdout = run_tfq({"compile", dir + "/monthly.tfq", "-o", "/dev/stdout"});
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == printed.out);

  std::filesystem::create_directory(dir + "/bodies");
  std::filesystem::create_symlink("bodies/monthly.json", dir + "/current.json");
  const auto linked = run_tfq({"compile", dir + "/monthly.tfq", "-o", dir + "/current.json"});
  CHECK(linked.exit_code == 0);
  CHECK(std::filesystem::is_symlink(dir + "/current.json"));
  CHECK(read_file(dir + "/bodies/monthly.json") == printed.out);
}

TEST_CASE("tfq compile --stdin-name reads stdin as the kind of file it names", "[cli][compile]") {
  tfq::test::ProcessOptions piped;
  piped.stdin_text = kMonthly;
  const auto as_clause = run_tfq({"compile", "-"}, piped);
  CHECK(as_clause.exit_code == 1);  // a query file is no where clause
  CHECK(as_clause.err.find("<stdin>:") != std::string::npos);
  const auto as_query = run_tfq({"compile", "-", "--stdin-name", "monthly.tfq"}, piped);
  CHECK(as_query.exit_code == 0);
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  CHECK(as_query.out == run_tfq({"compile", dir + "/monthly.tfq"}).out);
  CHECK(as_query.err.find("monthly.tfq:3:28: warning[TFQ303]") == 0);
}

TEST_CASE("tfq compile needs inputs or --where, and not both", "[cli][compile]") {
  const auto nothing = run_tfq({"compile"});
  CHECK(nothing.exit_code == 2);
  CHECK(nothing.err ==
        "tfq compile: nothing to compile: give --where EXPR, FILE, DIR, GLOB or - (stdin); see tfq compile "
        "--help\n");
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  const auto both = run_tfq({"compile", dir + "/monthly.tfq", "--where", "contractYear = 1"});
  CHECK(both.exit_code == 2);
  CHECK(both.err == "tfq compile: give input files or --where, not both\n");
  CHECK(both.out.empty());
}

TEST_CASE("tfq compile -o that cannot be written names the path and the reason", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  std::filesystem::create_directory(dir + "/taken");
  const auto into_directory = run_tfq({"compile", dir + "/monthly.tfq", "-o", dir + "/taken"});
  CHECK(into_directory.exit_code == 2);
  CHECK(into_directory.err.ends_with("tfq compile: cannot write '" + dir + "/taken': Is a directory\n"));
  const auto missing = run_tfq({"compile", dir + "/monthly.tfq", "-o", dir + "/none/x.json"});
  CHECK(missing.exit_code == 2);
  CHECK(
      missing.err.ends_with("tfq compile: cannot write in '" + dir + "/none': No such file or directory\n"));
  if (std::filesystem::exists("/dev/full")) {
    const auto full = run_tfq({"compile", dir + "/monthly.tfq", "-o", "/dev/full"});
    CHECK(full.exit_code == 2);
    CHECK(full.err.ends_with("tfq compile: cannot write '/dev/full': No space left on device\n"));
  }
}

TEST_CASE("tfq compile never writes a body over one of its inputs", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  const std::string body =
      R"({"fields": ["usageMonth"], "metrics": ["tokensConsumed"], "downloadFileName": "x"})";
  write_file(dir + "/x.json", body);
  std::filesystem::create_symlink("monthly.tfq", dir + "/link.tfq");
  for (const auto& [input, output] : std::vector<std::pair<std::string, std::string>>{
           {dir + "/monthly.tfq", dir + "/monthly.tfq"},
           {dir + "/monthly.tfq", dir + "/./monthly.tfq"},  // the same file by another name
           {dir + "/monthly.tfq", dir + "/link.tfq"},       // or through a symbolic link
           {dir + "/x.json", dir + "/x.json"}}) {
    INFO(input << " -o " << output);
    const auto result = run_tfq({"compile", input, "-o", output});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("is an input") != std::string::npos);
  }
  // --out-dir names files after INTO: x.json would land on the input body of that name.
  const auto into = run_tfq({"compile", dir + "/x.json", "--out-dir", dir});
  CHECK(into.exit_code == 2);
  CHECK(read_file(dir + "/monthly.tfq") == kMonthly);
  CHECK(read_file(dir + "/x.json") == body);
}

TEST_CASE("tfq compile --out-dir writes one file per statement and --check compares with them",
          "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/two.tfq", kTwoStatements);
  const std::string out = dir + "/bodies";
  const auto wrote = run_tfq({"compile", dir + "/two.tfq", "--param", "year=2", "--out-dir", out});
  CHECK(wrote.exit_code == 0);
  CHECK(nlohmann::json::parse(read_file(out + "/a.json"))["where"] == "contractYear = 2");
  CHECK(nlohmann::json::parse(read_file(out + "/b.json"))["usageCategory"][0] == "CLOUD_PRODUCT");

  CHECK(run_tfq({"compile", dir + "/two.tfq", "--param", "year=2", "--out-dir", out, "--check"}).exit_code ==
        0);
  const auto stale = run_tfq({"compile", dir + "/two.tfq", "--param", "year=4", "--out-dir", out, "--check"});
  CHECK(stale.exit_code == 1);
  CHECK(nlohmann::json::parse(read_file(out + "/a.json"))["where"] == "contractYear = 2");
}

TEST_CASE("tfq compile points into a JSON body for its mistakes", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/body.json",
             "{\n"
             "  \"feilds\": [\"userName\"],\n"
             "  \"metrics\": [\"tokensConsumed\"],\n"
             "  \"usageCategory\": [\"DESKTOP_PRODUCT\"],\n"
             "  \"where\": \"contractYear = 'one'\",\n"
             "  \"downloadFileName\": \"x\"\n"
             "}\n");
  const auto result = run_tfq({"compile", dir + "/body.json"});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err.find("body.json:2:3") != std::string::npos);
  CHECK(result.err.find("fields") != std::string::npos);
  CHECK(result.err.find("body.json:5:28") != std::string::npos);  // inside the where string
}

TEST_CASE("tfq compile takes files or --where, and counts warnings as errors on request", "[cli][compile]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  CHECK(run_tfq({"compile", dir + "/monthly.tfq", "--where", "contractYear = 1"}).exit_code == 2);
  CHECK(run_tfq({"compile", dir + "/missing.tfq"}).exit_code == 2);
  const auto strict = run_tfq({"compile", "--warnings-as-errors", dir + "/monthly.tfq"});
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.empty());
}

TEST_CASE("tfq compile --format prints its findings on stdout in that format and writes the bodies to files",
          "[cli][compile][formats]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/bad.tfq", kUnknownField);
  write_file(dir + "/monthly.tfq", kMonthly);
  tfq::test::ProcessOptions options;
  options.unset_env = {"GITHUB_STEP_SUMMARY"};

  const auto bad =
      run_tfq({"compile", dir + "/bad.tfq", "--out-dir", dir + "/out", "--format", "jsonl"}, options);
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.empty());
  const auto finding = nlohmann::json::parse(bad.out.substr(0, bad.out.find('\n')));
  CHECK(finding["file"] == dir + "/bad.tfq");
  CHECK(finding["severity"] == "error");
  CHECK(finding["line"] == 1);
  CHECK_FALSE(std::filesystem::exists(dir + "/out"));

  const auto github =
      run_tfq({"compile", dir + "/monthly.tfq", "-o", dir + "/monthly.json", "--format", "github"}, options);
  CHECK(github.exit_code == 0);
  CHECK(github.err.empty());
  CHECK(github.out.starts_with("::warning file=" + dir + "/monthly.tfq,line=3,"));
  CHECK(github.out.find(",title=TFQ303::") != std::string::npos);
  CHECK(nlohmann::json::parse(read_file(dir + "/monthly.json"))["where"] == "contractYear = 1");

  const auto sarif =
      run_tfq({"compile", dir + "/monthly.tfq", "-o", dir + "/monthly.json", "--check", "--format", "sarif"},
              options);
  CHECK(sarif.exit_code == 0);
  const auto log = nlohmann::json::parse(sarif.out);
  CHECK(log["version"] == "2.1.0");
  REQUIRE(log["runs"][0]["results"].size() == 1);
  CHECK(log["runs"][0]["results"][0]["ruleId"] == "TFQ303");
  write_file(dir + "/compile.sarif", sarif.out);
  const auto valid = tfq::test::run_process(
      {"/usr/bin/python3", std::string(TFQ_SOURCE_DIR) + "/tests/support/validate_sarif.py",
       std::string(TFQ_TEST_DATA) + "/sarif-schema-2.1.0.json", dir + "/compile.sarif"});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);
}

TEST_CASE("tfq compile leaves stdout to the bodies unless they go to files", "[cli][compile][formats]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq", kMonthly);
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"compile", dir + "/monthly.tfq", "--format", "json"},
        std::vector<std::string>{"compile", "--where", "contractYear = 1", "--format", "gitlab"}}) {
    const auto r = run_tfq(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("prints the findings on stdout: give input files and -o or --out-dir") !=
          std::string::npos);
  }
  // Text findings stay on stderr beside the body on stdout.
  const auto text = run_tfq({"compile", dir + "/monthly.tfq", "--format", "text"});
  CHECK(text.exit_code == 0);
  CHECK(nlohmann::json::parse(text.out)["where"] == "contractYear = 1");
  CHECK(text.err.find("warning[TFQ303]") != std::string::npos);
}

TEST_CASE("tfq compile takes the catalog, target and severities of the nearest .tfq.json",
          "[cli][compile][config]") {
  const std::string root = std::filesystem::canonical(tfq::test::make_temp_dir()).string();
  std::filesystem::create_directories(root + "/queries");
  write_file(root + "/extra.json", R"({"fields": [{"name": "hubRegion", "type": "string"}]})");
  write_file(root + "/queries/hub.tfq",
             "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT WHERE hubRegion = 'eu' INTO 'hub';\n");
  write_file(root + "/queries/monthly.tfq", kMonthly);
  tfq::test::ProcessOptions in_queries;
  in_queries.working_directory = root + "/queries";
  CHECK(run_tfq({"compile", "hub.tfq"}, in_queries).exit_code == 1);

  write_file(root + "/.tfq.json", R"({"catalog": "extra.json", "severity": {"TFQ303": "off"}})");
  const auto hub = run_tfq({"compile", "hub.tfq"}, in_queries);
  CHECK(hub.exit_code == 0);
  CHECK(nlohmann::json::parse(hub.out)["where"] == "hubRegion = 'eu'");
  const auto quiet = run_tfq({"compile", "monthly.tfq"}, in_queries);
  CHECK(quiet.exit_code == 0);
  CHECK(quiet.err.empty());

  write_file(root + "/.tfq.json", R"({"target": "query", "severity": {"redundant_predicate": "error"}})");
  const auto query = run_tfq({"compile", "monthly.tfq"}, in_queries);
  CHECK(query.exit_code == 1);
  CHECK(query.out.empty());
  CHECK(query.err.find("error[TFQ423]") != std::string::npos);
  // --config names another project file; a broken one is a usage error.
  write_file(root + "/plain.json", "{}");
  CHECK(run_tfq({"compile", "monthly.tfq", "--config", "../plain.json"}, in_queries).exit_code == 0);
  write_file(root + "/.tfq.json", R"({"targte": "query"})");
  const auto broken = run_tfq({"compile", "monthly.tfq"}, in_queries);
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("error[TFQ700]: unknown key 'targte'") != std::string::npos);
}

TEST_CASE("tfq compile honours tfq-ignore, but never hides every error of an input",
          "[cli][compile][config]") {
  const std::string dir = tfq::test::make_temp_dir();
  write_file(dir + "/monthly.tfq",
             "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT\n"
             "-- tfq-ignore: TFQ303\n"
             "WHERE contractYear = 1 AND contractYear = 1 INTO 'monthly';\n");
  const auto ignored = run_tfq({"compile", dir + "/monthly.tfq", "--warnings-as-errors"});
  CHECK(ignored.exit_code == 0);
  CHECK(ignored.err.empty());
  CHECK(nlohmann::json::parse(ignored.out)["where"] == "contractYear = 1");

  write_file(dir + "/bad.tfq",
             "SELECT userName FROM DESKTOP_PRODUCT\n"
             "-- tfq-ignore: TFQ200\n"
             "WHERE usrName = 'a' INTO 'bad';\n");
  write_file(dir + "/.tfq.json", R"({"severity": {"unknown_field": "off"}})");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"compile", dir + "/bad.tfq"},
        std::vector<std::string>{"compile", "--where", "usrName = 'a'"}}) {
    tfq::test::ProcessOptions in_dir;
    in_dir.working_directory = dir;
    const auto bad = run_tfq(args, in_dir);
    CHECK(bad.exit_code == 1);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("error[TFQ200]: unknown field 'usrName'") != std::string::npos);
  }
}

TEST_CASE("every bundled query file and request body compiles cleanly", "[cli][compile][examples]") {
  // The parameters an example needs, as its header comment says.
  const std::map<std::string, std::vector<std::string>> extra_args = {
      {"manual-adjustments.tfq", {"--param", "year=2"}}};
  std::set<std::string> compiled;
  for (const auto& entry : std::filesystem::directory_iterator(TFQ_SOURCE_DIR "/examples")) {
    const std::string name = entry.path().filename().string();
    if (!name.ends_with(".tfq") && !name.ends_with(".json")) continue;
    std::vector<std::string> args{"compile", "--warnings-as-errors", entry.path().string()};
    if (const auto more = extra_args.find(name); more != extra_args.end())
      args.insert(args.end(), more->second.begin(), more->second.end());
    INFO(name);
    const auto result = run_tfq(args);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    const auto body = nlohmann::json::parse(result.out);
    CHECK((body.contains("fields") || body.contains("metrics")));
    CHECK(body.contains("downloadFileName"));
    compiled.insert(name);
  }
  // The common jobs of the README: monthly desktop usage, a desktop session-level export (as a query file
  // and as the reference page's body), cloud product usage, manual adjustments of a contract year.
  for (const char* job :
       {"monthly-desktop-usage.tfq", "desktop-session-level.tfq", "desktop-session-level-export.json",
        "cloud-product-usage.tfq", "manual-adjustments.tfq"})
    CHECK(compiled.contains(job));

  const auto unbound = run_tfq({"compile", TFQ_SOURCE_DIR "/examples/manual-adjustments.tfq"});
  CHECK(unbound.exit_code == 1);
  CHECK(unbound.err.find("TFQ462") != std::string::npos);
  const auto year =
      run_tfq({"compile", TFQ_SOURCE_DIR "/examples/manual-adjustments.tfq", "--param", "year=3"});
  CHECK(nlohmann::json::parse(year.out)["where"] == "contractYear = 3");
}
