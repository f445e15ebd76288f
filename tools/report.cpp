// Findings to stdout in the chosen format, counted for the summary and the exit code.
#include "report.hpp"

#include <unistd.h>

#include <cstdlib>

#include "commands.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

std::string count(int n, const char* what) {
  return std::to_string(n) + " " + what + (n == 1 ? "" : "s");
}

void write(std::FILE* out, const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), out);
}

}  // namespace

bool color_wanted(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(::fileno(stream)) == 1;
}

void FindingsReport::add(Source source, std::vector<Diagnostic> diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (options_.warnings_as_errors && d.severity == Severity::warning) d.severity = Severity::error;
    if (d.severity == Severity::error) ++errors_;
    if (d.severity == Severity::warning) ++warnings_;
  }
  if (diagnostics.empty()) return;
  if (options_.format == OutputFormat::json) {
    kept_.push_back({std::make_unique<Source>(std::move(source)), std::move(diagnostics)});
    return;
  }
  if (printed_) write(out_, "\n");
  write(out_, render_text(source, diagnostics, {.color = options_.color}));
  printed_ = true;
}

void FindingsReport::finish() {
  if (options_.format == OutputFormat::json) {
    std::vector<SourceDiagnostics> all;
    for (const Kept& k : kept_) all.push_back({k.source.get(), k.diagnostics});
    write(out_, render_json(all));
  } else if (errors_ + warnings_ > 0) {
    std::string summary = "found ";
    if (errors_ > 0) summary += count(errors_, "error");
    if (errors_ > 0 && warnings_ > 0) summary += " and ";
    if (warnings_ > 0) summary += count(warnings_, "warning");
    write(out_, "\n" + summary + "\n");
  }
  std::fflush(out_);
}

int FindingsReport::exit_code(bool input_problems) const {
  if (input_problems) return exit_usage;
  return errors_ > 0 ? exit_findings : exit_ok;
}

}  // namespace tfq::cli
