// The project file .tfq.json: every key read, every mistake a positioned error with did-you-mean,
// discovery upward from a directory, severity overrides and include/exclude selection.
#include "tfq/config.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"
#include "tfq/render.hpp"

using tfq::Code;
using tfq::Config;
using tfq::Severity;
using tfq::Source;

namespace {

tfq::ConfigResult read(const std::string& text, const std::string& directory = ".") {
  return tfq::read_config(Source(".tfq.json", text), directory);
}

std::string rendered(const std::string& text, const std::string& directory = ".") {
  const Source source(".tfq.json", text);
  const auto result = tfq::read_config(source, directory);
  return tfq::render_text(source, result.diagnostics);
}

}  // namespace

TEST_CASE("config reads the catalog, target, severities and globs", "[config]") {
  const std::string dir = tfq::test::make_temp_dir();
  std::filesystem::create_directories(dir + "/cat");
  tfq::test::write_file(dir + "/cat/extra.json", "{}");
  const auto result = read(R"({
  "catalog": "cat/extra.json",
  "target": "query",
  "severity": {"TFQ215": "off", "redundant_predicate": "error", "TFQ205": "warning"},
  "include": ["queries/**"],
  "exclude": ["*.tmp.where", "vendor"]
})",
                           dir);
  INFO(tfq::render_text(Source(".tfq.json", ""), result.diagnostics));
  REQUIRE(result.config);
  const Config& c = *result.config;
  CHECK(c.directory == dir);
  CHECK(c.catalog == dir + "/cat/extra.json");
  CHECK(c.target == tfq::Target::query);
  REQUIRE(c.severities.size() == 3);
  CHECK(c.severities[0].code == Code::duplicate_in_element);
  CHECK_FALSE(c.severities[0].severity.has_value());
  CHECK(c.severities[1].code == Code::redundant_predicate);
  CHECK(c.severities[1].severity == Severity::error);
  CHECK(c.severities[2].severity == Severity::warning);
  CHECK(c.include == std::vector<std::string>{"queries/**"});
  CHECK(c.exclude == std::vector<std::string>{"*.tmp.where", "vendor"});
}

TEST_CASE("config accepts an empty object and sets nothing", "[config]") {
  const auto result = read("{}");
  REQUIRE(result.config);
  CHECK(result.config->catalog.empty());
  CHECK_FALSE(result.config->target.has_value());
  CHECK(result.diagnostics.empty());
}

TEST_CASE("config reports an unknown key at the key with the closest key", "[config]") {
  CHECK(rendered("{\n  \"exlude\": [\"build\"]\n}\n") == R"(.tfq.json:2:3: error[TFQ700]: unknown key 'exlude'
 2 |   "exlude": ["build"]
   |   ^~~~~~~~
help: did you mean 'exclude'?
)");
  const auto far = read(R"({"colour": true})");
  REQUIRE(far.diagnostics.size() == 1);
  CHECK(far.diagnostics[0].help == "the keys are catalog, target, severity, include and exclude");
  CHECK_FALSE(far.config);
}

TEST_CASE("config reports values of the wrong type at the value", "[config]") {
  CHECK(
      rendered(R"({"exclude": "build/**"})") ==
      R"(.tfq.json:1:13: error[TFQ701]: 'exclude' must be an array of globs, such as ["build/**", "*.tmp.where"], not a string
 1 | {"exclude": "build/**"}
   |             ^~~~~~~~~~
)");
  const auto result = read(R"({"target": 1, "severity": [], "include": [1], "catalog": false})");
  REQUIRE(result.diagnostics.size() == 4);
  for (const auto& d : result.diagnostics) CHECK(d.code == Code::config_wrong_type);
  CHECK(read("[]").diagnostics.at(0).code == Code::config_wrong_type);
}

TEST_CASE("config reports bad values with did-you-mean", "[config]") {
  const auto result = read(
      R"({"target": "exports", "severity": {"TFQ215": "warn", "unknown_feild": "off", "TFQ999x": "off"}})");
  REQUIRE(result.diagnostics.size() == 4);
  CHECK(result.diagnostics[0].message == "unknown target 'exports'");
  CHECK(result.diagnostics[0].help == "did you mean 'export'?");
  CHECK(result.diagnostics[1].message == "unknown severity 'warn'");
  CHECK(result.diagnostics[1].help == "did you mean 'warning'?");
  CHECK(result.diagnostics[2].message == "unknown diagnostic code 'unknown_feild'");
  CHECK(result.diagnostics[2].help == "did you mean 'unknown_field'?");
  CHECK(result.diagnostics[3].code == Code::config_bad_value);
  for (const auto& d : result.diagnostics) CHECK(d.code == Code::config_bad_value);
  CHECK_FALSE(result.config);
}

TEST_CASE("config reports a catalog path that names no file, relative to the project file", "[config]") {
  const std::string dir = tfq::test::make_temp_dir();
  const auto result = read(R"({"catalog": "missing.json"})", dir);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].code == Code::config_bad_value);
  CHECK(result.diagnostics[0].message == "catalog file '" + dir + "/missing.json' does not exist");
  CHECK(result.diagnostics[0].help == "the path is relative to the directory of .tfq.json");
}

TEST_CASE("config reports a key given twice, labelling the first", "[config]") {
  const auto result =
      read(R"({"severity": {"TFQ215": "off", "TFQ215": "error"}, "target": "export", "target": "query"})");
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(result.diagnostics[0].code == Code::config_duplicate_key);
  CHECK(result.diagnostics[0].message == "key 'TFQ215' is given twice");
  REQUIRE(result.diagnostics[0].labels.size() == 1);
  CHECK(result.diagnostics[0].labels[0].range.begin == 14);
}

TEST_CASE("config reports malformed JSON and invalid UTF-8 with positions", "[config]") {
  const auto trailing = read("{\"exclude\": [\"a\",]}");
  REQUIRE_FALSE(trailing.diagnostics.empty());
  CHECK(trailing.diagnostics[0].code == Code::json_syntax);
  CHECK_FALSE(trailing.config);
  const auto latin1 = read("{\"exclude\": [\"caf\xe9\"]}");
  REQUIRE_FALSE(latin1.diagnostics.empty());
  CHECK(latin1.diagnostics[0].code == Code::invalid_utf8);
}

TEST_CASE("config discovery finds the nearest project file upward", "[config]") {
  namespace fs = std::filesystem;
  const std::string root = fs::canonical(tfq::test::make_temp_dir()).string();
  fs::create_directories(root + "/a/b/c");
  CHECK(tfq::find_config(root + "/a/b/c").empty() == !fs::exists("/.tfq.json"));
  tfq::test::write_file(root + "/.tfq.json", "{}");
  CHECK(tfq::find_config(root + "/a/b/c") == root + "/.tfq.json");
  tfq::test::write_file(root + "/a/.tfq.json", "{}");
  CHECK(tfq::find_config(root + "/a/b/c") == root + "/a/.tfq.json");
  CHECK(tfq::find_config(root + "/a") == root + "/a/.tfq.json");
  CHECK(tfq::find_config(root) == root + "/.tfq.json");
  // A directory named .tfq.json is not a project file.
  fs::create_directories(root + "/a/b/.tfq.json");
  CHECK(tfq::find_config(root + "/a/b") == root + "/a/.tfq.json");
}

TEST_CASE("severity overrides change severities and drop codes that are off", "[config]") {
  std::vector<tfq::Diagnostic> d = {tfq::make_diagnostic(Code::duplicate_in_element, {0, 1}, "a"),
                                    tfq::make_diagnostic(Code::redundant_predicate, {1, 2}, "b"),
                                    tfq::make_diagnostic(Code::unknown_field, {2, 3}, "c"),
                                    tfq::make_diagnostic(Code::duplicate_in_element, {3, 4}, "d")};
  const std::vector<tfq::SeverityOverride> overrides = {{Code::duplicate_in_element, std::nullopt},
                                                        {Code::redundant_predicate, Severity::error},
                                                        {Code::unknown_field, Severity::warning}};
  tfq::apply_severity_overrides(overrides, d);
  REQUIRE(d.size() == 2);
  CHECK(d[0].message == "b");
  CHECK(d[0].severity == Severity::error);
  CHECK(d[1].message == "c");
  CHECK(d[1].severity == Severity::warning);
}

TEST_CASE("include and exclude lists select files relative to the project file", "[config]") {
  Config c;
  CHECK(tfq::selects(c, "anything.where"));
  c.exclude = {"vendor", "*.tmp.where"};
  CHECK(tfq::selects(c, "q.where"));
  CHECK_FALSE(tfq::selects(c, "vendor/q.where"));
  CHECK_FALSE(tfq::selects(c, "a/b.tmp.where"));
  c.include = {"queries/**"};
  CHECK(tfq::selects(c, "queries/x/q.tfq"));
  CHECK_FALSE(tfq::selects(c, "other/q.tfq"));
  CHECK_FALSE(tfq::selects(c, "queries/vendor/q.tfq"));
}
