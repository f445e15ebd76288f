// `tfq lint` in CI: every output format from the real binary (golden files under tests/data/formats/cli),
// the GitHub step summary and annotation limit, --quiet, parallel runs, the project file, suppression,
// include/exclude and globs. TFQ_UPDATE_GOLDEN=1 rewrites the golden files.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace fs = std::filesystem;
using tfq::test::make_temp_dir;
using tfq::test::ProcessOptions;
using tfq::test::read_file;
using tfq::test::run_tfq;
using tfq::test::write_file;

namespace {

const std::string kCliData = std::string(TFQ_TEST_DATA) + "/formats/cli";

ProcessOptions in_directory(const std::string& dir, std::map<std::string, std::string> env = {}) {
  ProcessOptions options;
  options.working_directory = dir;
  options.env = std::move(env);
  options.unset_env = {"GITHUB_STEP_SUMMARY"};
  return options;
}

void check_golden(const std::string& path, const std::string& actual) {
  if (std::getenv("TFQ_UPDATE_GOLDEN") != nullptr) write_file(path, actual);
  INFO("golden file " << path);
  CHECK(read_file(path) == actual);
}

// The rules list every code and the version changes with releases: both are checked elsewhere.
std::string normalized_sarif(const std::string& sarif) {
  auto log = nlohmann::ordered_json::parse(sarif);
  auto& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["rules"].size() > 50);
  driver["rules"] = "(every code)";
  driver["version"] = driver["semanticVersion"] = "(version)";
  return log.dump(2) + "\n";
}

std::size_t lines_starting(const std::string& text, std::string_view prefix) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    if (std::string_view(text).substr(at).starts_with(prefix)) ++n;
  }
  return n;
}

// A fresh directory holding the given files (parent directories are created).
std::string project(const std::map<std::string, std::string>& files) {
  const std::string root = fs::canonical(make_temp_dir()).string();
  for (const auto& [path, content] : files) {
    fs::create_directories(fs::path(root + "/" + path).parent_path());
    write_file(root + "/" + path, content);
  }
  return root;
}

}  // namespace

TEST_CASE("lint renders the findings of a directory in every format as its golden file", "[cli][lint_ci]") {
  for (const std::string format : {"text", "json", "jsonl", "sarif", "github", "gitlab"}) {
    INFO("--format " << format);
    const auto r = run_tfq({"lint", "inputs", "--format", format}, in_directory(kCliData));
    CHECK(r.exit_code == 1);
    CHECK(r.err.empty());
    check_golden(kCliData + "/expected." + format, format == "sarif" ? normalized_sarif(r.out) : r.out);
  }
}

TEST_CASE("lint --format github appends a table of all findings to GITHUB_STEP_SUMMARY", "[cli][lint_ci]") {
  const std::string summary = make_temp_dir() + "/summary.md";
  write_file(summary, "earlier step\n");
  auto options = in_directory(kCliData, {{"GITHUB_STEP_SUMMARY", summary}});
  options.unset_env.clear();
  const auto r = run_tfq({"lint", "inputs", "--format", "github"}, options);
  CHECK(r.exit_code == 1);
  CHECK(r.out == read_file(kCliData + "/expected.github"));
  const std::string written = read_file(summary);
  REQUIRE(written.starts_with("earlier step\n"));
  check_golden(kCliData + "/expected.summary.md", written.substr(std::string("earlier step\n").size()));
}

TEST_CASE("lint --format github shows ten errors as annotations and counts the rest", "[cli][lint_ci]") {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 13; ++i) files["q" + std::to_string(100 + i) + ".where"] = "usrName = 'x'\n";
  const std::string root = project(files);
  const auto r = run_tfq({"lint", ".", "--format", "github"}, in_directory(root));
  CHECK(r.exit_code == 1);
  CHECK(lines_starting(r.out, "::error ") == 10);
  CHECK(lines_starting(r.out, "./q110.where:1:1: error[TFQ200]") == 1);
  CHECK(
      r.out.ends_with("::notice title=tfq::3 more findings (3 errors) not shown as annotations: "
                      "see the log above or the step summary\n"));
}

TEST_CASE("machine formats keep stdout for the format alone", "[cli][lint_ci]") {
  for (const std::string format : {"json", "sarif", "gitlab"}) {
    const auto r =
        run_tfq({"lint", "inputs/a.where", "missing.where", "--format", format}, in_directory(kCliData));
    CHECK(r.exit_code == 2);
    CHECK_NOTHROW(nlohmann::json::parse(r.out));
    CHECK(r.err == "tfq lint: cannot read 'missing.where': No such file or directory\n");
  }
}

TEST_CASE("lint --quiet prints only the count", "[cli][lint_ci]") {
  const auto r = run_tfq({"lint", "inputs", "--quiet"}, in_directory(kCliData));
  CHECK(r.exit_code == 1);
  CHECK(r.out == "found 1 error and 2 warnings\n");
  const auto clean = run_tfq({"lint", "inputs/clean.where", "-q"}, in_directory(kCliData));
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "found no errors or warnings\n");
}

TEST_CASE("lint output is the same with one job and with many", "[cli][lint_ci]") {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 150; ++i) {
    const std::string n = std::to_string(i);
    files["d" + std::to_string(i % 7) + "/f" + n + ".where"] = i % 3 == 0   ? "usrName = '" + n + "'\n"
                                                               : i % 3 == 1 ? "contractYear = " + n + "\n"
                                                                            : "x IN ('a', 'a')\n";
  }
  const std::string root = project(files);
  for (const std::string format : {"text", "json"}) {
    const auto one = run_tfq({"lint", ".", "--format", format, "-j", "1"}, in_directory(root));
    const auto many = run_tfq({"lint", ".", "--format", format, "--jobs", "8"}, in_directory(root));
    CHECK(one.exit_code == 1);
    CHECK(many.exit_code == one.exit_code);
    CHECK(many.out == one.out);
    CHECK(one.out.find("d0/f0.where") < one.out.find("d0/f105.where"));
  }
}

TEST_CASE("lint finds .tfq.json above the current directory and applies its severities", "[cli][lint_ci]") {
  const std::string root = project({
      {".tfq.json", R"({"severity": {"TFQ200": "warning", "ltgt_operator": "off"}})"},
      {"sub/dir/q.where", "usrName = 'a' AND usageType <> 'Normal'\n"},
  });
  const auto r = run_tfq({"lint", "q.where"}, in_directory(root + "/sub/dir"));
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("warning[TFQ200]") != std::string::npos);
  CHECK(r.out.find("TFQ219") == std::string::npos);
  // Without the project file the same clause has an error.
  const auto elsewhere =
      run_tfq({"lint", root + "/sub/dir/q.where", "--config", root + "/sub/none.json"}, in_directory(root));
  CHECK(elsewhere.exit_code == 2);
  CHECK(elsewhere.err == "tfq lint: cannot read the project file '" + root + "/sub/none.json'\n");
}

TEST_CASE("lint --config names the project file to use", "[cli][lint_ci]") {
  const std::string root = project({
      {"strict.json", R"({"severity": {"duplicate_in_element": "error"}})"},
      {"q.where", "userName IN ('a', 'a')\n"},
  });
  CHECK(run_tfq({"lint", "q.where"}, in_directory(root)).exit_code == 0);
  const auto strict = run_tfq({"lint", "q.where", "--config", "strict.json"}, in_directory(root));
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.find("error[TFQ215]") != std::string::npos);
}

TEST_CASE("a broken project file is a usage error with positioned diagnostics", "[cli][lint_ci]") {
  const std::string root =
      project({{".tfq.json", "{\"exlude\": [\"vendor\"]}\n"}, {"q.where", "contractYear = 1\n"}});
  const auto r = run_tfq({"lint", "q.where"}, in_directory(root));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == root + R"(/.tfq.json:1:2: error[TFQ700]: unknown key 'exlude'
 1 | {"exlude": ["vendor"]}
   |  ^~~~~~~~
help: did you mean 'exclude'?
tfq lint: the project file ')" +
                     root + "/.tfq.json' cannot be used\n");
}

TEST_CASE("the project's catalog path is relative to the project file", "[cli][lint_ci]") {
  const std::string root = project({
      {".tfq.json", R"({"catalog": "catalog/extra.json"})"},
      {"catalog/extra.json", R"({"fields": [{"name": "hubRegion", "type": "string"}]})"},
      {"queries/q.where", "hubRegion = 'eu'\n"},
  });
  CHECK(run_tfq({"lint", "q.where"}, in_directory(root + "/queries")).exit_code == 0);
  // --catalog on the command line takes the place of the project's catalog.
  const std::string other = project({{"c.json", R"({"fields": []})"}});
  const auto r =
      run_tfq({"lint", "q.where", "--catalog", other + "/c.json"}, in_directory(root + "/queries"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("unknown field 'hubRegion'") != std::string::npos);
}

TEST_CASE("the project's target makes plain statements Query API requests", "[cli][lint_ci]") {
  const std::string root = project({
      {"q.tfq", "SELECT userName, tokensConsumed FROM DESKTOP_PRODUCT INTO 'users';\n"},
  });
  CHECK(run_tfq({"lint", "q.tfq"}, in_directory(root)).exit_code == 0);
  write_file(root + "/.tfq.json", R"({"target": "query"})");
  const auto r = run_tfq({"lint", "q.tfq"}, in_directory(root));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("error[TFQ423]") != std::string::npos);
}

TEST_CASE("tfq-ignore comments hide findings through the command line", "[cli][lint_ci]") {
  const std::string root =
      project({{"q.where", "contractYear = 1\n-- tfq-ignore: TFQ200\nAND usrName = 'a'\n"}});
  const auto r = run_tfq({"lint", "q.where"}, in_directory(root));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
}

TEST_CASE("include and exclude lists, --exclude and JSON bodies decide what directories give",
          "[cli][lint_ci]") {
  const std::string body = R"({"fields": ["usrName"]})";
  const std::string root = project({
      {"a.where", "usrName = 'a'\n"},
      {"vendor/b.where", "usrName = 'b'\n"},
      {".hidden/c.where", "usrName = 'c'\n"},
      {"bodies/d.json", body},
      {"package.json", R"({"name": "web"})"},
  });
  const auto names = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"lint", "--format", "jsonl"});
    std::string files;
    for (const auto& line : std::vector<std::string>{run_tfq(args, in_directory(root)).out}) {
      for (std::size_t at = 0; at < line.size(); at = line.find('\n', at) + 1) {
        files +=
            nlohmann::json::parse(line.substr(at, line.find('\n', at) - at))["file"].get<std::string>() + " ";
      }
    }
    return files;
  };
  // Hidden directories and JSON files are skipped when walking a directory.
  CHECK(names({"."}) == "./a.where ./vendor/b.where ");
  CHECK(names({".", "--exclude", "vendor"}) == "./a.where ");
  write_file(root + "/.tfq.json", R"({"include": ["*.where", "bodies/*.json"], "exclude": ["vendor"]})");
  CHECK(names({"."}) == "./a.where ./bodies/d.json ");
  // A file named on the command line is always linted.
  CHECK(names({"vendor/b.where"}) == "vendor/b.where ");
}

TEST_CASE("lint expands globs that the shell left alone, in sorted order", "[cli][lint_ci]") {
  const std::string root = project({
      {"q/2024/b.tfq", "SELECT usrName FROM DESKTOP_PRODUCT;\n"},
      {"q/a.tfq", "SELECT usrName FROM DESKTOP_PRODUCT;\n"},
      {"q/c.where", "usrName = 1\n"},
      {"q/body.json", R"({"fields": ["usrName"]})"},
  });
  const auto r = run_tfq({"lint", "q/**/*.tfq", "--format", "jsonl"}, in_directory(root));
  CHECK(r.exit_code == 1);
  CHECK(lines_starting(r.out, R"({"file":"q/2024/b.tfq")") == 1);
  CHECK(r.out.find(R"({"file":"q/a.tfq")") > r.out.find(R"({"file":"q/2024/b.tfq")"));
  CHECK(r.out.find("c.where") == std::string::npos);
  // A glob names JSON bodies explicitly.
  CHECK(run_tfq({"lint", "q/*.json", "--format", "jsonl"}, in_directory(root)).out.find("q/body.json") !=
        std::string::npos);
  const auto none = run_tfq({"lint", "q/*.nothing"}, in_directory(root));
  CHECK(none.exit_code == 2);
  CHECK(none.err == "tfq lint: no .where, .tfq or .json files match 'q/*.nothing'\n");
}

TEST_CASE("lint --format sarif of real findings, every rule included, is valid SARIF 2.1.0",
          "[cli][lint_ci]") {
  const auto r = run_tfq({"lint", "inputs", "--format", "sarif"}, in_directory(kCliData));
  const std::string path = make_temp_dir() + "/lint.sarif";
  write_file(path, r.out);
  const auto valid = tfq::test::run_process({"/usr/bin/python3",
                                             std::string(TFQ_SOURCE_DIR) + "/tests/support/validate_sarif.py",
                                             std::string(TFQ_TEST_DATA) + "/sarif-schema-2.1.0.json", path});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);
}

TEST_CASE("lint --format gitlab gives paths relative to CI_PROJECT_DIR, however the files were named",
          "[cli][lint_ci]") {
  const std::string root = project({{"q/a.where", "contractYear = 'x'\n"}});
  for (const std::string& operand : std::vector<std::string>{".", "./q", "q", root + "/q", root}) {
    INFO(operand);
    const auto r =
        run_tfq({"lint", "--format", "gitlab", operand}, in_directory(root, {{"CI_PROJECT_DIR", root}}));
    CHECK(r.exit_code == 1);
    const auto issues = nlohmann::json::parse(r.out);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0]["location"]["path"] == "q/a.where");
  }
}
