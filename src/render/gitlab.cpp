// The GitLab renderer: a Code Quality report (a JSON array of issues) for merge request widgets.
#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>

#include "render/paths.hpp"
#include "render/positions.hpp"
#include "tfq/render.hpp"

namespace tfq {
namespace {

using Json = nlohmann::ordered_json;

std::string_view gitlab_severity(Severity severity) {
  switch (severity) {
    case Severity::error: return "major";
    case Severity::warning: return "minor";
    case Severity::note: return "info";
  }
  return "major";
}

// FNV-1a, 64 bits: small, fixed and the same on every platform, which is all a fingerprint needs.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string hex(std::uint64_t value) {
  constexpr std::string_view digits = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = digits[value & 0xF];
  return out;
}

// GitLab compares fingerprints between the base and the merge request to tell new findings from old
// ones. So a fingerprint depends on what the finding is (file, code, message, the text it points at)
// but not on its line, which moves whenever lines are added above it; identical findings in one file
// are told apart by their order.
std::string fingerprint(std::string_view key, std::size_t occurrence) {
  const std::string keyed = std::string(key) + '\0' + std::to_string(occurrence);
  return hex(fnv1a(keyed, 0xcbf29ce484222325ULL)) + hex(fnv1a(keyed, 0x84222325cbf29ce4ULL));
}

std::string description(const Diagnostic& d) {
  return d.help.empty() ? d.message : d.message + " (help: " + d.help + ")";
}

}  // namespace

std::string render_gitlab(std::span<const SourceDiagnostics> sources, std::string_view project_dir) {
  Json issues = Json::array();
  std::map<std::string, std::size_t> seen;
  for (const SourceDiagnostics& s : sources) {
    render::PositionCursor cursor(*s.source);
    const std::string& text = s.source->text();
    const std::string path(render::repository_path(s.source->name(), project_dir));
    for (const Diagnostic& d : s.diagnostics) {
      const std::size_t begin = std::min<std::size_t>(d.range.begin, text.size());
      const std::size_t end = std::clamp<std::size_t>(d.range.end, begin, text.size());
      std::string key = path + '\0' + std::string(info(d.code).id) + '\0' + d.message + '\0' +
                        text.substr(begin, end - begin);
      const std::size_t occurrence = seen[key]++;
      Json issue;
      issue["description"] = description(d);
      issue["check_name"] = info(d.code).id;
      issue["fingerprint"] = fingerprint(key, occurrence);
      issue["severity"] = gitlab_severity(d.severity);
      issue["location"] = {{"path", path}, {"lines", {{"begin", cursor.at(d.range.begin).line}}}};
      issues.push_back(std::move(issue));
    }
  }
  // File names and messages may hold bytes that are not UTF-8; replace them rather than fail.
  return issues.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace tfq
