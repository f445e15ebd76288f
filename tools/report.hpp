// Printing findings for any command: text (streamed, file by file) or a machine format (JSON, JSON Lines,
// SARIF, GitHub workflow commands, GitLab Code Quality), the closing summary, and the exit code they add
// up to. Machine formats own stdout: nothing else is printed there.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::cli {

enum class OutputFormat { text, json, jsonl, sarif, github, gitlab };

// The names --format takes, in the order --help lists them.
inline constexpr std::string_view output_format_names[] = {"text",  "json",   "jsonl",
                                                           "sarif", "github", "gitlab"};
std::optional<OutputFormat> parse_output_format(std::string_view name);

struct ReportOptions {
  OutputFormat format = OutputFormat::text;
  bool color = false;
  bool warnings_as_errors = false;  // warnings are reported, and counted, as errors
  bool quiet = false;               // text: only the closing count, no findings
  std::string step_summary_path;    // github: the file a Markdown table of all findings is appended to
  std::string project_dir;          // gitlab: CI_PROJECT_DIR, which paths are made relative to
};

// Colour for a stream: only on a terminal, and never when NO_COLOR is set to anything but "".
bool color_wanted(std::FILE* stream);

// Rich text for a stream, coloured when color_wanted(stream): how commands without --format report.
ReportOptions text_report_options(std::FILE* stream);

// What --format FORMAT asks for on a stream: text as text_report_options(stream); for github also the
// step summary file GITHUB_STEP_SUMMARY names, for gitlab the checkout CI_PROJECT_DIR names.
ReportOptions format_report_options(OutputFormat format, std::FILE* stream);

// "text, json, jsonl, sarif, github, gitlab": the names for --help.
std::string output_format_list();

class FindingsReport {
 public:
  FindingsReport(std::FILE* out, ReportOptions options) : out_(out), options_(options) {}

  // Text is printed at once; machine formats are kept until finish().
  void add(Source source, std::vector<Diagnostic> diagnostics);
  // Machine formats: prints them (and appends the GitHub step summary). Text: prints "found 2 errors and 1
  // warning" when there were findings (quiet: always, "found no errors or warnings" when there were none).
  void finish();

  int errors() const { return errors_; }
  int warnings() const { return warnings_; }
  // exit_usage when an input could not be read, else exit_findings when errors were found, else exit_ok.
  int exit_code(bool input_problems) const;

 private:
  struct Kept {
    std::unique_ptr<Source> source;
    std::vector<Diagnostic> diagnostics;
  };
  std::FILE* out_;
  ReportOptions options_;
  std::vector<Kept> kept_;
  int errors_ = 0;
  int warnings_ = 0;
  bool printed_ = false;
};

}  // namespace tfq::cli
