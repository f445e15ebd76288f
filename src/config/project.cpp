// Finding the project file, and applying what it says to findings and to file lists.
#include <algorithm>
#include <filesystem>

#include "tfq/config.hpp"
#include "tfq/glob.hpp"

namespace tfq {

std::string find_config(std::string_view start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(start), ec).lexically_normal();
  if (ec) return "";
  while (true) {
    const fs::path candidate = dir / config_file_name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

void apply_severity_overrides(std::span<const SeverityOverride> overrides,
                              std::vector<Diagnostic>& diagnostics) {
  if (overrides.empty()) return;
  std::erase_if(diagnostics, [&](Diagnostic& d) {
    // The last override of a code wins, as in the file (duplicates are errors there anyway).
    const auto it = std::find_if(overrides.rbegin(), overrides.rend(),
                                 [&](const SeverityOverride& o) { return o.code == d.code; });
    if (it == overrides.rend()) return false;
    if (!it->severity) return true;
    d.severity = *it->severity;
    return false;
  });
}

bool selects(const Config& config, std::string_view relative_path) {
  const auto matches = [&](const std::string& glob) { return path_matches(glob, relative_path); };
  if (!config.include.empty() && std::none_of(config.include.begin(), config.include.end(), matches)) {
    return false;
  }
  return std::none_of(config.exclude.begin(), config.exclude.end(), matches);
}

}  // namespace tfq
