// The Catalog class: the built-in catalog, look-ups, and parsing or overlaying catalog documents.
#include "tfq/catalog.hpp"

#include <algorithm>
#include <stdexcept>

namespace tfq {

namespace detail {
extern const std::string_view builtin_catalog_json;  // generated from grammar/catalog.json
}

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
  // Parsed once, on first use (thread-safe static initialisation). The embedded document is checked by
  // the test suite, so a failure here is a build defect, not a user error.
  static const Catalog catalog = [] {
    std::vector<Diagnostic> diagnostics;
    std::optional<Catalog> parsed =
        parse(Source("<built-in catalog>", std::string(detail::builtin_catalog_json)), diagnostics);
    if (!parsed) throw std::logic_error("the built-in catalog (grammar/catalog.json) is malformed");
    return std::move(*parsed);
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
