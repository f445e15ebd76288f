// The project file for a command: --config FILE, or the nearest .tfq.json above the current directory;
// and what it decides for the command line: the catalog, the files taken from directories and globs.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "inputs.hpp"
#include "tfq/catalog.hpp"
#include "tfq/config.hpp"

namespace tfq::cli {

struct Project {
  std::optional<Config> config;  // empty when there is no project file
  std::string path;              // the project file's path, "" when there is none
};

// Finds and reads the project file. nullopt after printing why it cannot be used (its rendered
// diagnostics, or why it cannot be read) to stderr, prefixed with `command`: a usage error.
std::optional<Project> load_project(const std::string& config_flag, const std::string& command);

// The catalog overlay's path: --catalog FILE when given, else the project's `catalog`, else "" (the
// built-in catalog alone).
std::string project_catalog_path(const Project& project, const std::string& catalog_flag);

// The catalog: --catalog FILE when given, else the project's `catalog`, else the built-in one (nullptr).
// `ok` is false after printing why the overlay cannot be used.
const Catalog* project_catalog(const Project& project, const std::string& catalog_flag,
                               const std::string& command, std::optional<LoadedCatalog>& loaded, bool& ok);

// The filter for directory walks and globs: the project's include and exclude lists (paths relative to
// the project file), the --exclude globs (relative to the current directory), and request bodies (.json)
// from directory walks only when an include pattern names them.
FileFilter project_filter(const Project& project, std::span<const std::string> excludes);

}  // namespace tfq::cli
