// The GitHub Actions renderer: workflow commands that become annotations, and a step summary table.
#include <algorithm>
#include <array>
#include <vector>

#include "render/paths.hpp"
#include "render/positions.hpp"
#include "tfq/render.hpp"

namespace tfq {
namespace {

struct Finding {
  const Source* source;
  const Diagnostic* diagnostic;
  LineColumn start;
  LineColumn end;
};

// The escapes the Actions runner decodes: in a command's message only %, CR and LF are special; in its
// properties also ':' and ',' (which separate them). A raw newline would end the command, and the next
// line could then be read as another command, so nothing user-written reaches the log unescaped.
std::string escape_data(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (const char c : escape_data(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "notice";
  }
  return "error";
}

std::string full_message(const Diagnostic& d) {
  std::string text = d.message;
  for (const std::string& note : d.notes) text += "\nnote: " + note;
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  return text;
}

std::string annotation(const Finding& f) {
  const Diagnostic& d = *f.diagnostic;
  return "::" + std::string(command(d.severity)) +
         " file=" + escape_property(render::repository_path(f.source->name())) +
         ",line=" + std::to_string(f.start.line) + ",col=" + std::to_string(f.start.column) +
         ",endLine=" + std::to_string(f.end.line) + ",endColumn=" + std::to_string(f.end.column) +
         ",title=" + escape_property(info(d.code).id) + "::" + escape_data(full_message(d)) + "\n";
}

// A finding beyond the annotation limit: an ordinary log line, escaped so it cannot start a command.
std::string log_line(const Finding& f) {
  const Diagnostic& d = *f.diagnostic;
  return escape_property(f.source->name()) + ":" + std::to_string(f.start.line) + ":" +
         std::to_string(f.start.column) + ": " + std::string(to_string(d.severity)) + "[" +
         std::string(info(d.code).id) + "]: " + escape_data(full_message(d)) + "\n";
}

std::string count_of(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Counts per severity, "2 errors, 1 warning"; severities with no finding are left out.
std::string counts(const std::array<std::size_t, 3>& n) {
  std::string out;
  const std::array<std::string_view, 3> nouns = {"error", "warning", "note"};
  for (std::size_t i = 0; i < n.size(); ++i) {
    if (n[i] == 0) continue;
    if (!out.empty()) out += ", ";
    out += count_of(n[i], nouns[i]);
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': break;
      case '\n': out += "<br>"; break;
      default: out += c;
    }
  }
  return out;
}

std::string summary_table(const std::vector<Finding>& findings, const std::array<std::size_t, 3>& total) {
  if (findings.empty()) return "### tfq: no findings\n\n";
  std::string out =
      "### tfq: " + counts(total) + "\n\n| Severity | Code | Location | Message |\n|---|---|---|---|\n";
  for (const Finding& f : findings) {
    const Diagnostic& d = *f.diagnostic;
    out += "| " + std::string(to_string(d.severity)) + " | " + std::string(info(d.code).id) + " | " +
           markdown_cell(f.source->name() + ":" + std::to_string(f.start.line) + ":" +
                         std::to_string(f.start.column)) +
           " | " + markdown_cell(full_message(d)) + " |\n";
  }
  return out + "\n";
}

}  // namespace

GithubReport render_github(std::span<const SourceDiagnostics> sources, std::size_t max_per_severity) {
  std::vector<Finding> findings;
  for (const SourceDiagnostics& s : sources) {
    render::PositionCursor cursor(*s.source);
    for (const Diagnostic& d : s.diagnostics) {
      findings.push_back(
          {s.source, &d, cursor.at(d.range.begin), cursor.at(std::max(d.range.begin, d.range.end))});
    }
  }
  // Most important first: errors, then warnings, then notes; the given order within each.
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return a.diagnostic->severity < b.diagnostic->severity;
  });
  std::array<std::size_t, 3> total{};
  for (const Finding& f : findings) ++total[static_cast<std::size_t>(f.diagnostic->severity)];

  // The closing notice is a notice too: when it is needed, one fewer note fits under the limit.
  const std::size_t limit = std::max<std::size_t>(max_per_severity, 1);
  std::array<std::size_t, 3> shown{};
  for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = std::min(total[i], limit);
  const auto hidden = [&] { return findings.size() - (shown[0] + shown[1] + shown[2]); };
  if (hidden() > 0 && shown[2] == limit) --shown[2];

  GithubReport report;
  std::string overflow;
  std::array<std::size_t, 3> annotated{};
  for (const Finding& f : findings) {
    const auto level = static_cast<std::size_t>(f.diagnostic->severity);
    if (annotated[level] < shown[level]) {
      ++annotated[level];
      report.commands += annotation(f);
    } else {
      overflow += log_line(f);
    }
  }
  if (hidden() > 0) {
    std::array<std::size_t, 3> rest{};
    for (std::size_t i = 0; i < rest.size(); ++i) rest[i] = total[i] - shown[i];
    report.commands += overflow;
    report.commands += "::notice title=tfq::" + count_of(hidden(), "more finding") + " (" + counts(rest) +
                       ") not shown as annotations: see the log above or the step summary\n";
  }
  report.summary = summary_table(findings, total);
  return report;
}

}  // namespace tfq
