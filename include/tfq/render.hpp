// Renderers turn diagnostics into text for people (Clang/rustc style) or for machines.
// They only read diagnostics; the data never depends on how it is shown.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

struct TextStyle {
  bool color = false;  // ANSI colours; the CLI sets it only on a TTY and never with NO_COLOR
  // Echoed source lines wider than this many columns are cut to a window around the range (with "...");
  // 0 never cuts.
  std::uint32_t max_line_width = 160;
};

// file:line:col: error[TFQ200]: message, the source line, ^~~~ under the range, labels, notes, help.
// Every line ends with '\n'.
std::string render_text(const Source& source, const Diagnostic& diagnostic, const TextStyle& style = {});

// All diagnostics of one source in the order given, separated by blank lines; "" when there are none.
std::string render_text(const Source& source, std::span<const Diagnostic> diagnostics,
                        const TextStyle& style = {});

// The diagnostics of one source, for renderers that take several sources at once.
struct SourceDiagnostics {
  const Source* source = nullptr;
  std::span<const Diagnostic> diagnostics;
};

// One JSON array of every finding of every source, one finding per line:
// {"file","code","severity","message","line","column","end_line","end_column","labels","notes","help","fixes"}.
// Lines and columns are 1-based; columns count characters; the end is exclusive (the position just after
// the range). Labels and fix-its carry their own line, column, end_line, end_column.
std::string render_json(std::span<const SourceDiagnostics> sources);

// JSON Lines: the findings of render_json, one compact object per line; "" when there are none.
std::string render_jsonl(std::span<const SourceDiagnostics> sources);

// One SARIF 2.1.0 log: tool.driver with a rule for every code (id, name, descriptions, help from the
// code explanations), one result per finding with its physical location (lines, columns in code points,
// byte offsets), labels as related locations and fix-its as fixes.
std::string render_sarif(std::span<const SourceDiagnostics> sources);

// GitHub Actions workflow commands (::error, ::warning, ::notice). GitHub shows only a few annotations of
// each severity per step, so at most max_per_severity of each are annotations, errors first; the rest
// are plain log lines followed by one ::notice that counts them.
struct GithubReport {
  std::string commands;  // for stdout
  std::string summary;   // a Markdown table of every finding, for the file named by GITHUB_STEP_SUMMARY
};
inline constexpr std::size_t github_annotation_limit = 10;
GithubReport render_github(std::span<const SourceDiagnostics> sources,
                           std::size_t max_per_severity = github_annotation_limit);

// A GitLab Code Quality report: a JSON array of issues with description, check_name, a fingerprint that
// stays the same while the finding's file, code, message and text do, severity and location. Paths are
// given relative to the repository, as GitLab matches them: without a leading "./", and relative to
// project_dir (CI_PROJECT_DIR) when inside it.
std::string render_gitlab(std::span<const SourceDiagnostics> sources, std::string_view project_dir = {});

}  // namespace tfq
