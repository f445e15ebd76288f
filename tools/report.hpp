// Printing findings for any command: text (streamed, file by file) or one JSON array, the closing
// summary, and the exit code they add up to.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::cli {

enum class OutputFormat { text, json };

struct ReportOptions {
  OutputFormat format = OutputFormat::text;
  bool color = false;
  bool warnings_as_errors = false;  // warnings are reported, and counted, as errors
};

// Colour for a stream: only on a terminal, and never when NO_COLOR is set to anything but "".
bool color_wanted(std::FILE* stream);

class FindingsReport {
 public:
  FindingsReport(std::FILE* out, ReportOptions options) : out_(out), options_(options) {}

  // Text is printed at once; JSON is kept until finish().
  void add(Source source, std::vector<Diagnostic> diagnostics);
  // JSON: prints the array. Text: prints "found 2 errors and 1 warning" when there were findings.
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
