// Findings to stdout in the chosen format, counted for the summary and the exit code.
#include "report.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

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

// GITHUB_STEP_SUMMARY names a file each step appends Markdown to. Failing to write it spoils only the
// summary, so it is a message on stderr, not a failure of the command.
void append_step_summary(const std::string& path, const std::string& markdown) {
  std::FILE* file = std::fopen(path.c_str(), "ab");
  const bool written =
      file != nullptr && std::fwrite(markdown.data(), 1, markdown.size(), file) == markdown.size();
  if ((file != nullptr && std::fclose(file) != 0) || !written) {
    std::fprintf(stderr, "tfq: cannot append the step summary to '%s': %s\n", path.c_str(),
                 std::strerror(errno));
  }
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
  for (std::size_t i = 0; i < std::size(output_format_names); ++i) {
    if (output_format_names[i] == name) return static_cast<OutputFormat>(i);
  }
  return std::nullopt;
}

bool color_wanted(std::FILE* stream) {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return ::isatty(::fileno(stream)) == 1;
}

ReportOptions text_report_options(std::FILE* stream) {
  ReportOptions options;
  options.color = color_wanted(stream);
  return options;
}

ReportOptions format_report_options(OutputFormat format, std::FILE* stream) {
  if (format == OutputFormat::text) return text_report_options(stream);
  ReportOptions options;
  options.format = format;
  const char* summary = std::getenv("GITHUB_STEP_SUMMARY");
  if (format == OutputFormat::github && summary != nullptr) options.step_summary_path = summary;
  const char* project_dir = std::getenv("CI_PROJECT_DIR");
  if (format == OutputFormat::gitlab && project_dir != nullptr) options.project_dir = project_dir;
  return options;
}

std::string output_format_list() {
  std::string names;
  for (std::string_view name : output_format_names) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

void FindingsReport::add(Source source, std::vector<Diagnostic> diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (options_.warnings_as_errors && d.severity == Severity::warning) d.severity = Severity::error;
    if (d.severity == Severity::error) ++errors_;
    if (d.severity == Severity::warning) ++warnings_;
  }
  if (diagnostics.empty() || (options_.quiet && options_.format == OutputFormat::text)) return;
  if (options_.format != OutputFormat::text) {
    kept_.push_back({std::make_unique<Source>(std::move(source)), std::move(diagnostics)});
    return;
  }
  if (printed_) write(out_, "\n");
  write(out_, render_text(source, diagnostics, {.color = options_.color}));
  printed_ = true;
}

void FindingsReport::finish() {
  std::vector<SourceDiagnostics> all;
  for (const Kept& k : kept_) all.push_back({k.source.get(), k.diagnostics});
  switch (options_.format) {
    case OutputFormat::json: write(out_, render_json(all)); break;
    case OutputFormat::jsonl: write(out_, render_jsonl(all)); break;
    case OutputFormat::sarif: write(out_, render_sarif(all)); break;
    case OutputFormat::gitlab: write(out_, render_gitlab(all, options_.project_dir)); break;
    case OutputFormat::github: {
      const GithubReport github = render_github(all);
      write(out_, github.commands);
      if (!options_.step_summary_path.empty())
        append_step_summary(options_.step_summary_path, github.summary);
      break;
    }
    case OutputFormat::text: {
      if (errors_ + warnings_ == 0) {
        if (options_.quiet) write(out_, "found no errors or warnings\n");
        break;
      }
      std::string summary = "found ";
      if (errors_ > 0) summary += count(errors_, "error");
      if (errors_ > 0 && warnings_ > 0) summary += " and ";
      if (warnings_ > 0) summary += count(warnings_, "warning");
      write(out_, (options_.quiet ? "" : "\n") + summary + "\n");
      break;
    }
  }
  std::fflush(out_);
}

int FindingsReport::exit_code(bool input_problems) const {
  if (input_problems) return exit_usage;
  return errors_ > 0 ? exit_findings : exit_ok;
}

}  // namespace tfq::cli
