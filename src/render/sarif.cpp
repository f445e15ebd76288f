// The SARIF 2.1.0 renderer: one log with a rule for every code, for code scanning and SARIF viewers.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "render/paths.hpp"
#include "render/positions.hpp"
#include "render/uri.hpp"
#include "tfq/code_docs.hpp"
#include "tfq/render.hpp"

namespace tfq {
namespace {

using Json = nlohmann::ordered_json;

// tfq has no web page of its own; its diagnostics are about the API this documentation describes.
constexpr std::string_view kInformationUri = "https://aps.autodesk.com/en/docs/tokenflex/v1/";

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

Json text_message(std::string_view text) {
  return Json{{"text", text}};
}

Json rule(const CodeInfo& code) {
  const CodeExplanation explanation = explain(code.code);
  Json r;
  r["id"] = code.id;
  r["name"] = code.name;
  r["shortDescription"] = text_message(code.summary);
  r["fullDescription"] = text_message(explanation.summary.empty() ? code.summary : explanation.summary);
  if (!explanation.markdown.empty()) {
    r["help"] = {{"text", explanation.markdown}, {"markdown", explanation.markdown}};
  }
  r["defaultConfiguration"] = {{"level", level(code.severity)}};
  return r;
}

Json driver() {
  Json d;
  d["name"] = "tfq";
  d["version"] = TFQ_VERSION;
  d["semanticVersion"] = TFQ_VERSION;
  d["informationUri"] = kInformationUri;
  Json rules = Json::array();
  for (const CodeInfo& code : all_codes()) rules.push_back(rule(code));
  d["rules"] = std::move(rules);
  return d;
}

// Lines and columns (in code points, as the run's columnKind says) plus the byte offsets.
Json region(render::PositionCursor& cursor, SourceRange range) {
  const std::uint32_t end = std::max(range.begin, range.end);
  const LineColumn start_at = cursor.at(range.begin);
  const LineColumn end_at = cursor.at(end);
  return {{"startLine", start_at.line}, {"startColumn", start_at.column}, {"endLine", end_at.line},
          {"endColumn", end_at.column}, {"byteOffset", range.begin},      {"byteLength", end - range.begin}};
}

Json artifact(const Source& source) {
  return {{"uri", render::file_uri(render::repository_path(source.name()))}};
}

Json physical_location(const Source& source, render::PositionCursor& cursor, SourceRange range) {
  return {{"physicalLocation", {{"artifactLocation", artifact(source)}, {"region", region(cursor, range)}}}};
}

Json fix(const Source& source, const Diagnostic& d, render::PositionCursor& cursor) {
  Json replacements = Json::array();
  for (const FixIt& f : d.fixes) {
    replacements.push_back(
        {{"deletedRegion", region(cursor, f.range)}, {"insertedContent", text_message(f.replacement)}});
  }
  Json x;
  x["description"] = text_message(d.help.empty() ? "apply the suggested edit" : d.help);
  x["artifactChanges"] =
      Json::array({{{"artifactLocation", artifact(source)}, {"replacements", replacements}}});
  return x;
}

// The message: the diagnostic's own, then its notes and help, as a person reads them in text output.
std::string message_text(const Diagnostic& d) {
  std::string text = d.message;
  for (const std::string& note : d.notes) text += "\nnote: " + note;
  if (!d.help.empty()) text += "\nhelp: " + d.help;
  return text;
}

Json result(const Source& source, const Diagnostic& d, render::PositionCursor& cursor) {
  Json r;
  r["ruleId"] = info(d.code).id;
  r["level"] = level(d.severity);
  r["message"] = text_message(message_text(d));
  r["locations"] = Json::array({physical_location(source, cursor, d.range)});
  if (!d.labels.empty()) {
    Json related = Json::array();
    int id = 1;
    for (const Label& label : d.labels) {
      Json location = physical_location(source, cursor, label.range);
      location["id"] = id++;
      location["message"] = text_message(label.message);
      related.push_back(std::move(location));
    }
    r["relatedLocations"] = std::move(related);
  }
  if (!d.fixes.empty()) r["fixes"] = Json::array({fix(source, d, cursor)});
  return r;
}

}  // namespace

std::string render_sarif(std::span<const SourceDiagnostics> sources) {
  Json results = Json::array();
  for (const SourceDiagnostics& s : sources) {
    render::PositionCursor cursor(*s.source);
    for (const Diagnostic& d : s.diagnostics) results.push_back(result(*s.source, d, cursor));
  }
  Json run;
  run["tool"] = {{"driver", driver()}};
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({std::move(run)});
  // File names and messages may hold bytes that are not UTF-8; replace them rather than fail.
  return log.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace tfq
