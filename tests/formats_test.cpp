// The machine output formats (jsonl, sarif, github, gitlab): golden files, the SARIF schema, GitHub's
// annotation limit. The goldens live in tests/data/formats/<case>.<format>; TFQ_UPDATE_GOLDEN=1 rewrites
// them (then read the diff before committing).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "tfq/code_docs.hpp"
#include "tfq/render.hpp"

using tfq::Code;
using tfq::Diagnostic;
using tfq::Severity;
using tfq::Source;
using tfq::SourceDiagnostics;
using tfq::SourceRange;

namespace {

SourceRange find(const Source& source, std::string_view what) {
  const std::size_t at = source.text().find(what);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size())};
}

Diagnostic finding(Code code, Severity severity, SourceRange range, std::string message) {
  Diagnostic d = tfq::make_diagnostic(code, range, std::move(message));
  d.severity = severity;
  return d;
}

// Two files with an error (help, fix-it), a warning with a label and a note, over several lines and
// after a non-ASCII character, so that every field of every format has something to show.
struct MixedCase {
  Source first{"queries/a.where", "contractYear = 1 AND usrName = 'Jürgen'\n  AND productName <> 'x'\n"};
  Source second{"b.where", "userName IN ('a', 'a')"};
  std::vector<Diagnostic> first_findings;
  std::vector<Diagnostic> second_findings;

  MixedCase() {
    Diagnostic unknown =
        finding(Code::unknown_field, Severity::error, find(first, "usrName"), "unknown field 'usrName'");
    unknown.help = "did you mean 'userName'?";
    unknown.fixes.push_back({find(first, "usrName"), "userName"});
    first_findings.push_back(unknown);
    Diagnostic operator_note =
        finding(Code::syntax_error, Severity::note, find(first, "<>"), "'<>' is sent as '!='");
    operator_note.fixes.push_back({find(first, "<>"), "!="});
    first_findings.push_back(operator_note);
    Diagnostic duplicate = finding(Code::syntax_error, Severity::warning, {18, 21}, "duplicate element 'a'");
    duplicate.labels.push_back({{14, 17}, "first listed here"});
    duplicate.notes.push_back("duplicates change nothing");
    duplicate.help = "remove it";
    duplicate.fixes.push_back({{16, 21}, ""});
    second_findings.push_back(duplicate);
  }
  std::vector<SourceDiagnostics> sources() const {
    return {{&first, first_findings}, {&second, second_findings}};
  }
};

// Names and messages that need escaping in every format: ':' ',' '%' a newline, quotes, '<' and '|'.
struct EscapingCase {
  Source source{"dir with space/x:y,z.where", "userName = 'a|b'"};
  std::vector<Diagnostic> findings;

  EscapingCase() {
    Diagnostic d = finding(Code::syntax_error, Severity::error, find(source, "'a|b'"),
                           "100% \"odd\" <value>\nsecond line: a, b");
    d.help = "::error::not a command";
    findings.push_back(d);
  }
  std::vector<SourceDiagnostics> sources() const { return {{&source, findings}}; }
};

std::string golden_path(const std::string& name) {
  return std::string(TFQ_TEST_DATA) + "/formats/" + name;
}

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = golden_path(name);
  if (std::getenv("TFQ_UPDATE_GOLDEN") != nullptr) tfq::test::write_file(path, actual);
  INFO("golden file " << path);
  CHECK(tfq::test::read_file(path) == actual);
}

// The SARIF rules list every code and so changes with each new code: it is checked on its own, and the
// golden holds the rest of the log.
std::string sarif_without_rules(const std::string& sarif) {
  auto log = nlohmann::ordered_json::parse(sarif);
  auto& driver = log["runs"][0]["tool"]["driver"];
  driver["rules"] = "(every code: checked by its own test)";
  driver["version"] = "(version)";
  driver["semanticVersion"] = "(version)";
  return log.dump(2) + "\n";
}

using Renderer = std::function<std::string(std::span<const SourceDiagnostics>)>;

const std::vector<std::pair<std::string, Renderer>>& formats() {
  static const std::vector<std::pair<std::string, Renderer>> all = {
      {"json", [](auto s) { return tfq::render_json(s); }},
      {"jsonl", [](auto s) { return tfq::render_jsonl(s); }},
      {"sarif", [](auto s) { return sarif_without_rules(tfq::render_sarif(s)); }},
      {"github", [](auto s) { return tfq::render_github(s).commands; }},
      {"github-summary.md", [](auto s) { return tfq::render_github(s).summary; }},
      {"gitlab", [](auto s) { return tfq::render_gitlab(s); }},
  };
  return all;
}

}  // namespace

TEST_CASE("every machine format renders findings of several files as its golden file", "[formats]") {
  const MixedCase mixed;
  for (const auto& [format, render] : formats()) check_golden("mixed." + format, render(mixed.sources()));
}

TEST_CASE("every machine format escapes names and messages as its golden file", "[formats]") {
  const EscapingCase escaping;
  for (const auto& [format, render] : formats())
    check_golden("escaping." + format, render(escaping.sources()));
}

TEST_CASE("every machine format renders no findings as its golden file", "[formats]") {
  const Source clean("clean.where", "contractYear = 1");
  const std::vector<SourceDiagnostics> sources = {{&clean, {}}};
  for (const auto& [format, render] : formats()) check_golden("none." + format, render(sources));
}

TEST_CASE("jsonl holds one complete finding per line", "[formats]") {
  const MixedCase mixed;
  const std::string out = tfq::render_jsonl(mixed.sources());
  const auto array = nlohmann::json::parse(tfq::render_json(mixed.sources()));
  std::size_t line_count = 0;
  for (std::size_t at = 0, next; at < out.size(); at = next + 1, ++line_count) {
    next = out.find('\n', at);
    REQUIRE(next != std::string::npos);
    CHECK(nlohmann::json::parse(out.substr(at, next - at)) == array[line_count]);
  }
  CHECK(line_count == 3);
}

TEST_CASE("sarif lists a rule with descriptions and help for every code", "[formats]") {
  const auto log = nlohmann::json::parse(tfq::render_sarif({}));
  const auto& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["name"] == "tfq");
  CHECK(driver["version"] == TFQ_VERSION);
  CHECK(driver["informationUri"].get<std::string>().starts_with("https://"));
  const auto codes = tfq::all_codes();
  REQUIRE(driver["rules"].size() == codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const auto& rule = driver["rules"][i];
    INFO("rule " << codes[i].id);
    CHECK(rule["id"] == codes[i].id);
    CHECK(rule["name"] == codes[i].name);
    CHECK(rule["shortDescription"]["text"] == codes[i].summary);
    CHECK(rule["fullDescription"]["text"] == tfq::explain(codes[i].code).summary);
    CHECK(rule["help"]["markdown"] == tfq::explain(codes[i].code).markdown);
    CHECK(rule["defaultConfiguration"]["level"] == to_string(codes[i].severity));
  }
}

TEST_CASE("sarif output is valid against the SARIF 2.1.0 schema", "[formats]") {
  const MixedCase mixed;
  const EscapingCase escaping;
  const Source absolute("/tmp/abs.where", "x");
  const std::vector<Diagnostic> absolute_findings = {
      finding(Code::unknown_field, Severity::error, {0, 1}, "unknown field 'x'")};
  std::vector<SourceDiagnostics> all = mixed.sources();
  for (const auto& s : escaping.sources()) all.push_back(s);
  all.push_back({&absolute, absolute_findings});
  const std::string dir = tfq::test::make_temp_dir();
  for (const auto& [name, sources] : std::vector<std::pair<std::string, std::vector<SourceDiagnostics>>>{
           {"all.sarif", all}, {"none.sarif", {}}}) {
    const std::string path = dir + "/" + name;
    tfq::test::write_file(path, tfq::render_sarif(sources));
    const auto result = tfq::test::run_process(
        {"/usr/bin/python3", std::string(TFQ_SOURCE_DIR) + "/tests/support/validate_sarif.py",
         std::string(TFQ_TEST_DATA) + "/sarif-schema-2.1.0.json", path});
    INFO(name << ": " << result.out << result.err);
    CHECK(result.exit_code == 0);
  }
}

TEST_CASE("sarif validator rejects a log that breaks the schema", "[formats]") {
  // Without this, a validator that accepts anything would make the schema test pass.
  const std::string path = tfq::test::make_temp_dir() + "/bad.sarif";
  tfq::test::write_file(path, R"({"version": "2.1.0", "runs": [{"results": []}]})");
  const auto result = tfq::test::run_process(
      {"/usr/bin/python3", std::string(TFQ_SOURCE_DIR) + "/tests/support/validate_sarif.py",
       std::string(TFQ_TEST_DATA) + "/sarif-schema-2.1.0.json", path});
  CHECK(result.exit_code == 1);
  CHECK(result.out.find("'tool' is a required property") != std::string::npos);
}

TEST_CASE("sarif names absolute files by file URIs and relative ones by percent-encoded paths", "[formats]") {
  const Source absolute("/tmp/a b.where", "x");
  const Source relative("<stdin>", "x");
  const std::vector<Diagnostic> one = {finding(Code::unknown_field, Severity::error, {0, 1}, "m")};
  const std::vector<SourceDiagnostics> sources = {{&absolute, one}, {&relative, one}};
  const auto log = nlohmann::json::parse(tfq::render_sarif(sources));
  const auto& results = log["runs"][0]["results"];
  CHECK(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "file:///tmp/a%20b.where");
  CHECK(results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "%3Cstdin%3E");
}

namespace {

// n findings of one severity, each on its own line of one source.
struct ManyCase {
  Source source;
  std::vector<Diagnostic> findings;

  ManyCase(std::size_t errors, std::size_t warnings, std::size_t notes)
      : source("many.where", std::string(errors + warnings + notes, '\n')) {
    std::uint32_t line = 0;
    auto add = [&](std::size_t n, Severity severity) {
      for (std::size_t i = 0; i < n; ++i, ++line) {
        findings.push_back(finding(Code::syntax_error, severity, {line, line},
                                   std::string(to_string(severity)) + " " + std::to_string(i + 1)));
      }
    };
    // Notes first and errors last: the renderer must reorder them by importance.
    add(notes, Severity::note);
    add(warnings, Severity::warning);
    add(errors, Severity::error);
  }
  std::vector<SourceDiagnostics> sources() const { return {{&source, findings}}; }
};

std::size_t count_lines_starting(const std::string& text, std::string_view prefix) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size(); at = text.find('\n', at) + 1) {
    if (std::string_view(text).substr(at).starts_with(prefix)) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("github format annotates at most ten findings of each severity and counts the rest", "[formats]") {
  const ManyCase many(12, 3, 10);
  const std::string out = tfq::render_github(many.sources()).commands;
  CHECK(count_lines_starting(out, "::error ") == 10);
  CHECK(count_lines_starting(out, "::warning ") == 3);
  // Nine notes and the closing notice: ten notices, GitHub's limit.
  CHECK(count_lines_starting(out, "::notice ") == 10);
  CHECK(count_lines_starting(out, "many.where:") == 3);
  // Errors come first, the closing notice last.
  CHECK(out.starts_with(
      "::error file=many.where,line=14,col=1,endLine=14,endColumn=1,title=TFQ100::error 1\n"));
  CHECK(
      out.ends_with("::notice title=tfq::3 more findings (2 errors, 1 note) not shown as annotations: "
                    "see the log above or the step summary\n"));
  CHECK(out.find("many.where:24:1: error[TFQ100]: error 11\n") != std::string::npos);
  CHECK(out.find("many.where:10:1: note[TFQ100]: note 10\n") != std::string::npos);
}

TEST_CASE("github format needs no closing notice when every finding fits", "[formats]") {
  const ManyCase many(10, 10, 10);
  const std::string out = tfq::render_github(many.sources()).commands;
  CHECK(count_lines_starting(out, "::error ") == 10);
  CHECK(count_lines_starting(out, "::warning ") == 10);
  CHECK(count_lines_starting(out, "::notice ") == 10);
  CHECK(out.find("more finding") == std::string::npos);
}

TEST_CASE("github format keeps every finding in the step summary, beyond the annotation limit", "[formats]") {
  const ManyCase many(15, 0, 0);
  const auto report = tfq::render_github(many.sources());
  CHECK(report.summary.starts_with("### tfq: 15 errors\n\n| Severity | Code | Location | Message |\n"));
  CHECK(count_lines_starting(report.summary, "| error | TFQ100 | many.where:") == 15);
}

TEST_CASE("github format honours a smaller annotation limit", "[formats]") {
  const ManyCase many(3, 0, 0);
  const std::string out = tfq::render_github(many.sources(), 2).commands;
  CHECK(count_lines_starting(out, "::error ") == 2);
  CHECK(
      out.ends_with("::notice title=tfq::1 more finding (1 error) not shown as annotations: "
                    "see the log above or the step summary\n"));
}

TEST_CASE("gitlab fingerprints do not change when the finding moves to another line", "[formats]") {
  const Source before("a.where", "usrName = 1");
  const Source after("a.where", "\n\ncontractYear = 1 AND\n  usrName = 1");
  const std::vector<Diagnostic> at_before = {
      finding(Code::unknown_field, Severity::error, find(before, "usrName"), "unknown field 'usrName'")};
  const std::vector<Diagnostic> at_after = {
      finding(Code::unknown_field, Severity::error, find(after, "usrName"), "unknown field 'usrName'")};
  const std::vector<SourceDiagnostics> first = {{&before, at_before}};
  const std::vector<SourceDiagnostics> second = {{&after, at_after}};
  const auto a = nlohmann::json::parse(tfq::render_gitlab(first));
  const auto b = nlohmann::json::parse(tfq::render_gitlab(second));
  CHECK(a[0]["location"]["lines"]["begin"] == 1);
  CHECK(b[0]["location"]["lines"]["begin"] == 4);
  CHECK(a[0]["fingerprint"] == b[0]["fingerprint"]);
}

TEST_CASE("gitlab fingerprints tell identical findings in one file apart", "[formats]") {
  const Source s("a.where", "usrName = 1 OR usrName = 2");
  const std::vector<Diagnostic> twice = {
      finding(Code::unknown_field, Severity::error, {0, 7}, "unknown field 'usrName'"),
      finding(Code::unknown_field, Severity::error, {15, 22}, "unknown field 'usrName'")};
  const std::vector<SourceDiagnostics> sources = {{&s, twice}};
  const auto issues = nlohmann::json::parse(tfq::render_gitlab(sources));
  REQUIRE(issues.size() == 2);
  CHECK(issues[0]["fingerprint"] != issues[1]["fingerprint"]);
  CHECK(issues[0]["fingerprint"].get<std::string>().size() == 32);
}

TEST_CASE("CI formats name a file as its repository does: no leading ./, inside CI_PROJECT_DIR relative",
          "[formats]") {
  const Source dotted("./queries/a.where", "contractYear = 'x'");
  const Source checkout("/builds/group/project/queries/b.where", "contractYear = 'x'");
  const Source elsewhere("/tmp/c.where", "contractYear = 'x'");
  const std::vector<Diagnostic> one{finding(Code::unknown_field, Severity::error, {0, 12}, "boom")};
  const std::vector<SourceDiagnostics> sources{{&dotted, one}, {&checkout, one}, {&elsewhere, one}};

  const auto gitlab = nlohmann::json::parse(tfq::render_gitlab(sources, "/builds/group/project/"));
  REQUIRE(gitlab.size() == 3);
  CHECK(gitlab[0]["location"]["path"] == "queries/a.where");
  CHECK(gitlab[1]["location"]["path"] == "queries/b.where");
  CHECK(gitlab[2]["location"]["path"] == "/tmp/c.where");
  // The fingerprint follows the repository's name, so `tfq lint .` and `tfq lint queries` agree.
  const Source plain("queries/a.where", dotted.text());
  const std::vector<SourceDiagnostics> as_named{{&plain, one}};
  CHECK(nlohmann::json::parse(tfq::render_gitlab(as_named))[0]["fingerprint"] == gitlab[0]["fingerprint"]);
  CHECK(nlohmann::json::parse(tfq::render_gitlab(sources))[1]["location"]["path"] ==
        "/builds/group/project/queries/b.where");

  const auto sarif = nlohmann::json::parse(tfq::render_sarif(sources));
  CHECK(sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
        "queries/a.where");
  CHECK(tfq::render_github(sources).commands.starts_with("::error file=queries/a.where,"));
}
