// tfq catalog: lists the field catalog (built-in, or with a --catalog overlay) as a table or as JSON;
// with names, shows those fields, metrics and enums in detail.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "commands.hpp"
#include "project.hpp"
#include "report.hpp"
#include "tfq/catalog.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

struct CatalogOptions {
  std::string catalog_file;
  std::string config_file;
  std::string format = "text";
  std::vector<std::string> names;
};

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

std::string type_of(const FieldInfo& f) {
  return f.type == FieldType::enumeration ? "enum " + f.enum_name : std::string(to_string(f.type));
}

std::string categories_of(const FieldInfo& f) {
  return f.categories.empty() ? "all" : join(f.categories, ", ");
}

// Columns count characters, not bytes: an overlay's examples may be any UTF-8.
std::size_t width_of(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// Rows of cells printed in columns as wide as their widest cell, two spaces apart; no trailing blanks.
void print_table(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width_of(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - width_of(row[i]) + 2, ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
  }
}

void print_listing(std::ostream& out, const Catalog& catalog) {
  std::vector<std::vector<std::string>> fields = {
      {"FIELD", "TYPE", "CATEGORIES", "SESSION", "NULLABLE", "EXAMPLE"}};
  std::vector<std::vector<std::string>> metrics = {{"METRIC", "TYPE", "CATEGORIES"}};
  for (const FieldInfo& f : catalog.entries()) {
    if (f.metric) {
      metrics.push_back({f.name, type_of(f), categories_of(f)});
    } else {
      fields.push_back({f.name, type_of(f), categories_of(f), f.session_level ? "*" : "",
                        f.nullable ? "yes" : "no", f.example});
    }
  }
  std::vector<std::vector<std::string>> enums = {{"ENUM", "VALUES", "LEGACY (RESPONSES ONLY)"}};
  for (const EnumInfo& e : catalog.enums())
    enums.push_back({e.name, join(e.values, ", "), join(e.legacy_values, ", ")});
  print_table(out, fields);
  out << '\n';
  print_table(out, metrics);
  out << '\n';
  print_table(out, enums);
}

void print_entry(std::ostream& out, const FieldInfo& f) {
  out << f.name << '\n';
  print_table(out, {{"  kind", f.metric ? "metric" : "field"},
                    {"  type", type_of(f)},
                    {"  categories", categories_of(f)},
                    {"  session-level", f.session_level ? "yes (export only)" : "no"},
                    {"  nullable", f.nullable ? "yes" : "no"},
                    {"  example", f.example},
                    {"  description", f.description}});
}

void print_enum(std::ostream& out, const EnumInfo& e) {
  std::vector<std::vector<std::string>> rows = {
      {e.name}, {"  kind", "enum"}, {"  values", join(e.values, ", ")}};
  if (!e.legacy_values.empty())
    rows.push_back({"  legacy", join(e.legacy_values, ", ") + " (responses only)"});
  print_table(out, rows);
}

// Reports each name that is neither a field, a metric nor an enum, with did-you-mean; false when any is.
bool all_known(const Catalog& catalog, const std::vector<std::string>& names) {
  bool known = true;
  for (const std::string& name : names) {
    if (catalog.find(name) != nullptr || catalog.find_enum(name) != nullptr) continue;
    std::vector<std::string_view> candidates;
    for (const FieldInfo& f : catalog.entries()) candidates.push_back(f.name);
    for (const EnumInfo& e : catalog.enums()) candidates.push_back(e.name);
    const std::string suggestion = closest_name(name, candidates);
    std::cerr << "tfq catalog: no field, metric or enum named '" << name << "'"
              << (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?") << '\n';
    known = false;
  }
  return known;
}

void print_named(std::ostream& out, const Catalog& catalog, const std::vector<std::string>& names) {
  bool first = true;
  for (const std::string& name : names) {
    if (!first) out << '\n';
    first = false;
    const FieldInfo* entry = catalog.find(name);
    const EnumInfo* values = catalog.find_enum(name);
    if (entry != nullptr) print_entry(out, *entry);
    if (entry != nullptr && values != nullptr) out << '\n';
    if (values != nullptr) print_enum(out, *values);
  }
}

// The catalog's JSON with only the named entries (all of them when no name is given).
std::string catalog_json(const Catalog& catalog, const std::vector<std::string>& names) {
  if (names.empty()) return catalog.to_json();
  nlohmann::ordered_json document = nlohmann::ordered_json::parse(catalog.to_json());
  for (const char* list : {"fields", "enums"}) {
    auto& entries = document[list];
    nlohmann::ordered_json kept = nlohmann::ordered_json::array();
    for (auto& entry : entries) {
      if (std::find(names.begin(), names.end(), entry["name"].get<std::string>()) != names.end())
        kept.push_back(entry);
    }
    entries = std::move(kept);
  }
  return document.dump(2) + "\n";
}

int run_catalog(const CatalogOptions& options) {
  // The catalog the project's other commands use: --catalog, else the project file's, else the built-in.
  const std::optional<Project> project = load_project(options.config_file, "catalog");
  if (!project) return exit_usage;
  const std::string path = project_catalog_path(*project, options.catalog_file);
  const Catalog* catalog = &Catalog::builtin();
  std::optional<LoadedCatalog> loaded;
  if (!path.empty()) {
    // Here the catalog is the input itself: a malformed one is a finding (exit 1), not a usage error.
    loaded = load_catalog_overlay(path);
    if (loaded->unreadable) {
      std::cerr << "tfq catalog: " << path << ": " << loaded->diagnostics.front().message << '\n';
      return exit_usage;
    }
    if (!loaded->catalog) {
      std::cerr << render_text(loaded->source, loaded->diagnostics, {.color = color_wanted(stderr)});
      return exit_findings;
    }
    catalog = &*loaded->catalog;
  }
  if (!all_known(*catalog, options.names)) return exit_findings;
  if (options.format == "json") {
    std::cout << catalog_json(*catalog, options.names);
  } else if (options.names.empty()) {
    print_listing(std::cout, *catalog);
  } else {
    print_named(std::cout, *catalog, options.names);
  }
  return exit_ok;
}

}  // namespace

void register_catalog(CLI::App& app, CommandRegistry& registry) {
  auto options = std::make_shared<CatalogOptions>();
  CLI::App* command = app.add_subcommand("catalog", "List the field catalog: fields, metrics and enums");
  command->add_option("names", options->names, "Fields, metrics or enums to show in detail");
  command->add_option(
      "--catalog", options->catalog_file,
      "Overlay a catalog file (extra fields, enum values, type overrides) on the built-in catalog (instead "
      "of the project's)");
  command->add_option("--config", options->config_file,
                      "The project file to use instead of the nearest .tfq.json");
  command->add_option("--format", options->format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->callback([options, &registry] { registry.exit_code = run_catalog(*options); });
}

}  // namespace tfq::cli
