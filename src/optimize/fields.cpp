// The optimizer's view of the catalog: each filterable field's domain, in catalog order.
#include <algorithm>

#include "optimize/ir.hpp"

namespace tfq::opt {

std::optional<Domain> domain_of(const FieldInfo& field, const Catalog& catalog) {
  if (field.metric) return std::nullopt;
  Domain domain;
  domain.nullable = field.nullable;
  switch (field.type) {
    case FieldType::string: domain.kind = DomainKind::string; break;
    case FieldType::date: domain.kind = DomainKind::date; break;
    case FieldType::month: domain.kind = DomainKind::month; break;
    case FieldType::datetime: domain.kind = DomainKind::datetime; break;
    case FieldType::integer: domain.kind = DomainKind::integer; break;
    case FieldType::number: return std::nullopt;
    case FieldType::enumeration: {
      const EnumInfo* info = catalog.find_enum(field.enum_name);
      if (info == nullptr || info->values.empty()) return std::nullopt;
      domain.kind = DomainKind::enumeration;
      domain.enum_values = info->values;
      std::sort(domain.enum_values.begin(), domain.enum_values.end());
      domain.enum_values.erase(std::unique(domain.enum_values.begin(), domain.enum_values.end()),
                               domain.enum_values.end());
      break;
    }
  }
  return domain;
}

Fields::Fields(const Catalog& catalog) {
  for (const FieldInfo& field : catalog.entries()) {
    if (auto domain = domain_of(field, catalog)) add(field.name, std::move(*domain));
  }
}

void Fields::add(std::string name, Domain domain) {
  entries_.push_back({std::move(name), std::move(domain)});
  by_name_.add(static_cast<std::uint32_t>(entries_.size() - 1),
               [&](std::uint32_t i) -> std::string_view { return entries_[i].name; });
}

std::uint32_t Fields::find(std::string_view name) const {
  return by_name_.find(name, [&](std::uint32_t i) -> std::string_view { return entries_[i].name; });
}

}  // namespace tfq::opt
