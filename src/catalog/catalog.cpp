// The Catalog class: the built-in catalog, look-ups, and parsing or overlaying catalog documents.
#include "tfq/catalog.hpp"

#include <algorithm>

#include "catalog/builtin_catalog.hpp"

namespace tfq {

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::string: return "string";
    case FieldType::date: return "date";
    case FieldType::month: return "month";
    case FieldType::datetime: return "datetime";
    case FieldType::integer: return "integer";
    case FieldType::number: return "number";
    case FieldType::enumeration: return "enum";
  }
  return "string";
}

bool EnumInfo::has_value(std::string_view value) const {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool EnumInfo::is_legacy(std::string_view value) const {
  return std::find(legacy_values.begin(), legacy_values.end(), value) != legacy_values.end();
}

const Catalog& Catalog::builtin() {
  // Made once, on first use (thread-safe static initialisation), from tables compiled from
  // grammar/catalog.json; the test suite requires them to equal what parse() makes of that file.
  static const Catalog catalog = [] {
    Catalog tables;
    tables.entries_ = detail::builtin_fields();
    tables.enums_ = detail::builtin_enums();
    tables.reindex();
    return tables;
  }();
  return catalog;
}

std::optional<Catalog> Catalog::parse(const Source& source, std::vector<Diagnostic>& diagnostics) {
  Catalog catalog;
  if (!catalog.apply_document(source, diagnostics)) return std::nullopt;
  return catalog;
}

std::optional<Catalog> Catalog::with_overlay(const Source& overlay,
                                             std::vector<Diagnostic>& diagnostics) const {
  Catalog catalog = *this;
  if (!catalog.apply_document(overlay, diagnostics)) return std::nullopt;
  return catalog;
}

const FieldInfo* Catalog::find(std::string_view name) const {
  const std::uint32_t at =
      by_name_.find(name, [&](std::uint32_t i) -> std::string_view { return entries_[i].name; });
  return at == NameIndex::npos ? nullptr : &entries_[at];
}

const EnumInfo* Catalog::find_enum(std::string_view name) const {
  auto it = std::find_if(enums_.begin(), enums_.end(), [&](const EnumInfo& e) { return e.name == name; });
  return it == enums_.end() ? nullptr : &*it;
}

void Catalog::reindex() {
  by_name_.clear();
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    by_name_.add(i, [&](std::uint32_t at) -> std::string_view { return entries_[at].name; });
  }
}

}  // namespace tfq
