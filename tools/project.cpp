// Loading .tfq.json for a command, and turning it into a catalog and a file filter.
#include "project.hpp"

#include <algorithm>
#include <filesystem>

#include "atomic_files.hpp"
#include "report.hpp"
#include "tfq/glob.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

namespace fs = std::filesystem;

void complain(const std::string& command, const std::string& problem) {
  std::fprintf(stderr, "tfq %s: %s\n", command.c_str(), problem.c_str());
}

// An absolute, normalized path relative to `base`, in '/' form; nullopt when it lies outside base.
std::optional<std::string> relative_to(const fs::path& absolute, const fs::path& base) {
  const fs::path relative = absolute.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

}  // namespace

std::optional<Project> load_project(const std::string& config_flag, const std::string& command) {
  Project project;
  std::error_code ec;
  project.path = config_flag.empty() ? find_config(fs::current_path(ec).string()) : config_flag;
  if (project.path.empty()) return project;
  std::optional<std::string> text = read_existing(project.path);
  if (!text) {
    complain(command, "cannot read the project file '" + project.path + "'");
    return std::nullopt;
  }
  const Source source(project.path, std::move(*text));
  const fs::path directory = fs::absolute(project.path, ec).lexically_normal().parent_path();
  ConfigResult result = read_config(source, directory.string());
  if (!result.diagnostics.empty()) {
    std::fputs(render_text(source, result.diagnostics, {.color = color_wanted(stderr)}).c_str(), stderr);
  }
  if (!result.config) {
    complain(command, "the project file '" + project.path + "' cannot be used");
    return std::nullopt;
  }
  project.config = std::move(result.config);
  return project;
}

std::string project_catalog_path(const Project& project, const std::string& catalog_flag) {
  if (!catalog_flag.empty()) return catalog_flag;
  return project.config ? project.config->catalog : std::string();
}

const Catalog* project_catalog(const Project& project, const std::string& catalog_flag,
                               const std::string& command, std::optional<LoadedCatalog>& loaded, bool& ok) {
  ok = true;
  const std::string path = project_catalog_path(project, catalog_flag);
  if (path.empty()) return nullptr;
  loaded = load_catalog_overlay(path);
  if (loaded->unreadable) {
    const std::string origin = !catalog_flag.empty() ? "--catalog '" : "catalog '";
    complain(command, origin + path + "': " + loaded->diagnostics.front().message);
  } else if (!loaded->catalog) {
    std::fputs(render_text(loaded->source, loaded->diagnostics, {.color = color_wanted(stderr)}).c_str(),
               stderr);
    complain(command, "the catalog '" + path + "' cannot be used");
  } else {
    return &*loaded->catalog;
  }
  ok = false;
  return nullptr;
}

FileFilter project_filter(const Project& project, std::span<const std::string> excludes) {
  std::vector<std::string> cli_excludes(excludes.begin(), excludes.end());
  std::optional<Config> config = project.config;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  return [cli_excludes, config, cwd](const std::string& path, bool from_glob) {
    // Made absolute from the working directory read once above, not by asking the system per file. A
    // relative path whose working directory is gone lies nowhere.
    const bool placed = !cwd.empty() || fs::path(path).is_absolute();
    const fs::path absolute = (cwd / path).lexically_normal();
    if (const auto here = placed ? relative_to(absolute, cwd) : std::nullopt) {
      for (const std::string& glob : cli_excludes) {
        if (path_matches(glob, *here)) return false;
      }
    }
    const std::optional<std::string> in_project =
        config && placed ? relative_to(absolute, config->directory) : std::nullopt;
    // A directory holds many JSON files that are not request bodies: they are taken only when named by a
    // glob on the command line or by an include pattern of the project.
    if (path.ends_with(".json") && !from_glob) {
      if (!in_project) return false;
      const bool named =
          std::any_of(config->include.begin(), config->include.end(),
                      [&](const std::string& glob) { return path_matches(glob, *in_project); });
      if (!named) return false;
    }
    return !in_project || selects(*config, *in_project);
  };
}

}  // namespace tfq::cli
