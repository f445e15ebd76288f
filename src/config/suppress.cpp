// `-- tfq-ignore: CODE` comments: found line by line, then matched against the findings' first lines.
#include "tfq/suppress.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "render/positions.hpp"

namespace tfq {
namespace {

constexpr std::string_view kMarker = "tfq-ignore";

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::size_t skip_spaces(std::string_view line, std::size_t at) {
  while (at < line.size() && is_space(line[at])) ++at;
  return at;
}

// The codes a suppression line names, with their byte ranges; nullopt when the line is no such comment.
struct Suppression {
  std::vector<std::pair<std::string_view, SourceRange>> names;
  SourceRange range;  // the whole comment
};

std::optional<Suppression> parse_line(std::string_view line, std::uint32_t line_start) {
  std::size_t at = skip_spaces(line, 0);
  if (line.substr(at, 2) != "--") return std::nullopt;
  const std::size_t comment = at;
  at = skip_spaces(line, at + 2);
  if (line.substr(at, kMarker.size()) != kMarker) return std::nullopt;
  at = skip_spaces(line, at + kMarker.size());
  if (at >= line.size() || line[at] != ':') return std::nullopt;
  Suppression s;
  std::size_t end = line.size();
  while (end > 0 && is_space(line[end - 1])) --end;
  s.range = {line_start + static_cast<std::uint32_t>(comment), line_start + static_cast<std::uint32_t>(end)};
  ++at;
  while (at < end) {
    at = skip_spaces(line, at);
    std::size_t stop = at;
    while (stop < end && line[stop] != ',' && !is_space(line[stop])) ++stop;
    if (stop > at) {
      s.names.push_back(
          {line.substr(at, stop - at),
           {line_start + static_cast<std::uint32_t>(at), line_start + static_cast<std::uint32_t>(stop)}});
    }
    at = stop + 1;
  }
  return s;
}

Diagnostic report(SourceRange range, std::string message, std::string help) {
  Diagnostic d = make_diagnostic(Code::invalid_suppression, range, std::move(message));
  d.help = std::move(help);
  return d;
}

}  // namespace

Suppressions find_suppressions(const Source& source) {
  Suppressions found;
  // Cheap exit: most files have no suppression at all.
  if (source.text().find(kMarker) == std::string::npos) return found;
  HiddenCodes pending;
  for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
    const std::optional<Suppression> s = parse_line(source.line_text(line), source.line_start(line));
    if (!s) {
      if (!pending.codes.empty()) found.lines[line] = std::move(pending);
      pending = {};
      continue;
    }
    pending.comment = s->range;
    if (s->names.empty()) {
      found.problems.push_back(report(s->range, "tfq-ignore names no code",
                                      "name the codes to ignore: -- tfq-ignore: TFQ215, TFQ303"));
    }
    for (const auto& [name, range] : s->names) {
      if (const CodeInfo* code = find_code(name)) {
        pending.codes.insert(code->code);
      } else {
        found.problems.push_back(report(range, "tfq-ignore names an unknown code '" + std::string(name) + "'",
                                        "tfq explain-code --list lists every code"));
      }
    }
  }
  return found;
}

void apply_suppressions(const Source& source, std::vector<Diagnostic>& diagnostics) {
  Suppressions found = find_suppressions(source);
  if (!found.lines.empty()) {
    render::PositionCursor cursor(source);
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
      const auto it = found.lines.find(cursor.at(d.range.begin).line);
      return it != found.lines.end() && it->second.codes.contains(d.code);
    });
  }
  diagnostics.insert(diagnostics.end(), found.problems.begin(), found.problems.end());
}

}  // namespace tfq
