// The project file .tfq.json: found upward from the current directory (or named with --config), it sets
// a catalog overlay, the default target, a severity per code and which files tfq looks at.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/request.hpp"
#include "tfq/source.hpp"

namespace tfq {

inline constexpr std::string_view config_file_name = ".tfq.json";

// A code's severity as the project wants it; nullopt is "off": the code is not reported.
struct SeverityOverride {
  Code code{};
  std::optional<Severity> severity;
};

struct Config {
  std::string directory;         // the project file's directory: the base of `catalog` and of the globs
  std::string catalog;           // "catalog": the overlay's path joined to directory; empty when not set
  std::optional<Target> target;  // "target": "export" or "query", for statements that do not say
  std::vector<SeverityOverride> severities;  // "severity": {"TFQ215": "off", "redundant_predicate": "error"}
  std::vector<std::string> include;          // "include": globs; when given, directories yield only these
  std::vector<std::string> exclude;          // "exclude": globs of files never taken from directories
};

struct ConfigResult {
  std::optional<Config> config;  // absent after any error
  std::vector<Diagnostic> diagnostics;
};

// Reads a project file. `directory` is the directory it lives in. Unknown keys, wrong types and bad
// values are positioned errors with a did-you-mean; a catalog path that names no file is one too.
ConfigResult read_config(const Source& source, std::string_view directory);

// The path of the nearest .tfq.json in `start` or a directory above it; "" when there is none.
std::string find_config(std::string_view start);

// Gives each finding of an overridden code its new severity, and removes those that are "off".
void apply_severity_overrides(std::span<const SeverityOverride> overrides,
                              std::vector<Diagnostic>& diagnostics);

// Whether the include and exclude lists let a file through, given its path relative to the project
// file's directory (see path_matches in tfq/glob.hpp for how a glob matches).
bool selects(const Config& config, std::string_view relative_path);

}  // namespace tfq
