// A catalog document (the built-in catalog.json or a user's overlay) read into patches: what each entry
// sets and where, so that applying it can report problems at their exact position.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::detail {

// A key an entry may set: its value when present, and the value's source range.
template <class T>
struct Setting {
  std::optional<T> value;
  SourceRange range;
};

// A list of strings with the range of each element.
struct StringList {
  std::vector<std::string> items;
  std::vector<SourceRange> ranges;
};

struct FieldPatch {
  SourceRange entry;
  std::string name;
  SourceRange name_range;
  Setting<bool> metric, session_level, nullable;
  Setting<FieldType> type;
  Setting<std::string> enum_name, description, example;
  Setting<StringList> categories;
};

struct EnumPatch {
  SourceRange entry;
  std::string name;
  SourceRange name_range;
  Setting<StringList> values, legacy;
};

struct CatalogDocument {
  std::vector<EnumPatch> enums;
  std::vector<FieldPatch> fields;
};

// Reads the document's shape: JSON syntax, known keys, JSON types, type names, name syntax. Reports every
// problem found; nullopt when there was any.
std::optional<CatalogDocument> read_catalog_document(const Source& source,
                                                     std::vector<Diagnostic>& diagnostics);

// Field and enum names must be identifiers, so that a where clause can name them.
bool is_identifier(std::string_view name);

}  // namespace tfq::detail
