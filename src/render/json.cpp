// The JSON renderers: one array of findings, or JSON Lines, for tools (editors, CI annotations, jq).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/positions.hpp"
#include "tfq/render.hpp"

namespace tfq {
namespace {

using Json = nlohmann::ordered_json;

void add_range(Json& object, render::PositionCursor& cursor, SourceRange range) {
  const LineColumn start = cursor.at(range.begin);
  const LineColumn end = cursor.at(std::max(range.begin, range.end));
  object["line"] = start.line;
  object["column"] = start.column;
  object["end_line"] = end.line;
  object["end_column"] = end.column;
}

Json finding(const Source& source, const Diagnostic& d, render::PositionCursor& cursor) {
  Json f;
  f["file"] = source.name();
  f["code"] = info(d.code).id;
  f["severity"] = to_string(d.severity);
  f["message"] = d.message;
  add_range(f, cursor, d.range);
  Json labels = Json::array();
  for (const Label& label : d.labels) {
    Json l;
    l["message"] = label.message;
    add_range(l, cursor, label.range);
    labels.push_back(std::move(l));
  }
  f["labels"] = std::move(labels);
  f["notes"] = d.notes;
  f["help"] = d.help;
  Json fixes = Json::array();
  for (const FixIt& fix : d.fixes) {
    Json x;
    add_range(x, cursor, fix.range);
    x["replacement"] = fix.replacement;
    fixes.push_back(std::move(x));
  }
  f["fixes"] = std::move(fixes);
  return f;
}

}  // namespace

std::string render_json(std::span<const SourceDiagnostics> sources) {
  std::string out = "[";
  bool first = true;
  for (const SourceDiagnostics& s : sources) {
    render::PositionCursor cursor(*s.source);
    for (const Diagnostic& d : s.diagnostics) {
      out += first ? "\n  " : ",\n  ";
      first = false;
      // File names and messages may hold bytes that are not UTF-8; replace them rather than fail.
      out += finding(*s.source, d, cursor).dump(-1, ' ', false, Json::error_handler_t::replace);
    }
  }
  out += first ? "]\n" : "\n]\n";
  return out;
}

std::string render_jsonl(std::span<const SourceDiagnostics> sources) {
  std::string out;
  for (const SourceDiagnostics& s : sources) {
    render::PositionCursor cursor(*s.source);
    for (const Diagnostic& d : s.diagnostics) {
      out += finding(*s.source, d, cursor).dump(-1, ' ', false, Json::error_handler_t::replace);
      out += '\n';
    }
  }
  return out;
}

}  // namespace tfq
