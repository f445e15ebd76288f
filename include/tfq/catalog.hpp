// The field catalog: every field, metric and enum the server knows, with types and usage categories.
// The default is grammar/catalog.json compiled into the library; a user's overlay file can extend it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/name_index.hpp"
#include "tfq/source.hpp"

namespace tfq {

enum class FieldType : std::uint8_t {
  string,
  date,         // 'YYYY-MM-DD'
  month,        // a date that is always the 1st of a month
  datetime,     // 'YYYY-MM-DDTHH:MM:SS', no zone
  integer,      // 64-bit
  number,       // metrics only: decimal values
  enumeration,  // one of the values of the enum named by FieldInfo::enum_name
};

std::string_view to_string(FieldType type);

struct FieldInfo {
  std::string name;
  bool metric = false;  // metrics can be requested but never filtered
  FieldType type = FieldType::string;
  std::string enum_name;                // for FieldType::enumeration
  std::vector<std::string> categories;  // usage categories that have it; empty = all
  bool session_level = false;           // the reference sheet's '*'
  bool nullable = false;  // general fields cannot be NULL; category-specific and custom ones can
  std::string description;
  std::string example;
};

struct EnumInfo {
  std::string name;
  std::vector<std::string> values;         // in catalog order
  std::vector<std::string> legacy_values;  // shown in responses of older endpoints; rejected in requests

  bool has_value(std::string_view value) const;
  bool is_legacy(std::string_view value) const;
};

class Catalog {
 public:
  // The built-in catalog, parsed once on first use.
  static const Catalog& builtin();

  // Parses a complete catalog document; problems are reported against `source`.
  static std::optional<Catalog> parse(const Source& source, std::vector<Diagnostic>& diagnostics);

  // This catalog with a user's overlay applied: new fields, metrics and enum values are added,
  // entries with an existing name are overridden key by key. nullopt when the overlay is malformed.
  std::optional<Catalog> with_overlay(const Source& overlay, std::vector<Diagnostic>& diagnostics) const;

  // Fields and metrics in catalog order; the position is the canonical ordering key.
  const std::vector<FieldInfo>& entries() const { return entries_; }
  const std::vector<EnumInfo>& enums() const { return enums_; }

  // Exact (case-sensitive) look-ups; nullptr when absent.
  const FieldInfo* find(std::string_view name) const;
  const EnumInfo* find_enum(std::string_view name) const;
  // The position of an entry in entries(), for canonical ordering.
  std::size_t index_of(const FieldInfo& entry) const {
    return static_cast<std::size_t>(&entry - entries_.data());
  }

  // The catalog as JSON, in the same shape as catalog.json.
  std::string to_json() const;

 private:
  std::vector<FieldInfo> entries_;
  std::vector<EnumInfo> enums_;
  NameIndex by_name_;  // entries_ by name, for find()
  void reindex();
  // Applies one catalog document (a complete catalog or an overlay); false when it is malformed.
  bool apply_document(const Source& document, std::vector<Diagnostic>& diagnostics);
};

// A user's catalog file (--catalog FILE) applied over a base catalog; shared by every command that
// takes --catalog. `source` holds the file's text, which `diagnostics` refer to.
struct LoadedCatalog {
  Source source;
  std::optional<Catalog> catalog;  // nullopt when the file could not be read or is malformed
  std::vector<Diagnostic> diagnostics;
  bool unreadable = false;  // an I/O problem (a usage error) rather than a malformed catalog
};
LoadedCatalog load_catalog_overlay(const std::string& path, const Catalog& base = Catalog::builtin());

// Did-you-mean: the closest names among candidates (case-insensitive match first, then edit distance);
// empty when nothing is close enough.
std::string closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates);

}  // namespace tfq
