// Applies a catalog document to a catalog: new enums, fields and metrics are appended in document order;
// an entry whose name exists is overridden key by key; enum values and legacy values are added.
// Enums are applied before fields, so a field may name an enum defined in the same document.
#include <algorithm>
#include <unordered_map>

#include "catalog/catalog_document.hpp"
#include "tfq/catalog.hpp"

namespace tfq {
namespace {

using detail::EnumPatch;
using detail::FieldPatch;
using detail::StringList;

class Applier {
 public:
  Applier(std::vector<FieldInfo>& entries, std::vector<EnumInfo>& enums, std::vector<Diagnostic>& out)
      : entries_(entries), enums_(enums), out_(out) {
    for (std::size_t i = 0; i < entries_.size(); ++i) entry_index_.emplace(entries_[i].name, i);
  }
  bool ok() const { return ok_; }

  void apply(const detail::CatalogDocument& document) {
    std::unordered_map<std::string, SourceRange> seen;
    for (const EnumPatch& patch : document.enums) {
      if (first_definition(seen, patch.name, patch.name_range, "enum")) apply_enum(patch);
    }
    seen.clear();
    for (const FieldPatch& patch : document.fields) {
      if (first_definition(seen, patch.name, patch.name_range, "field")) apply_field(patch);
    }
  }

 private:
  std::vector<FieldInfo>& entries_;
  std::vector<EnumInfo>& enums_;
  std::vector<Diagnostic>& out_;
  std::unordered_map<std::string, std::size_t> entry_index_;  // entries_ by name: overlays may be large
  bool ok_ = true;

  Diagnostic& report(Code code, SourceRange range, std::string message, std::string help = {}) {
    Diagnostic d = make_diagnostic(code, range, std::move(message));
    d.help = std::move(help);
    out_.push_back(std::move(d));
    ok_ = false;
    return out_.back();
  }

  bool first_definition(std::unordered_map<std::string, SourceRange>& seen, const std::string& name,
                        SourceRange range, std::string_view kind) {
    auto [it, fresh] = seen.emplace(name, range);
    if (fresh) return true;
    report(Code::catalog_duplicate, range,
           std::string(kind) + " \"" + name + "\" is defined twice in this file")
        .labels.push_back({it->second, "first defined here"});
    return false;
  }

  EnumInfo* find_enum(std::string_view name) {
    auto it = std::find_if(enums_.begin(), enums_.end(), [&](const EnumInfo& e) { return e.name == name; });
    return it == enums_.end() ? nullptr : &*it;
  }

  FieldInfo* find_entry(std::string_view name) {
    auto it = entry_index_.find(std::string(name));
    return it == entry_index_.end() ? nullptr : &entries_[it->second];
  }

  // Adds the list's values that `into` lacks; a value twice in the list itself is an error.
  void add_values(const StringList& list, std::vector<std::string>& into, std::string_view what) {
    std::unordered_map<std::string_view, SourceRange> seen;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
      auto [it, fresh] = seen.emplace(list.items[i], list.ranges[i]);
      if (!fresh) {
        report(Code::catalog_duplicate, list.ranges[i],
               "\"" + list.items[i] + "\" is listed twice in " + std::string(what))
            .labels.push_back({it->second, "first listed here"});
      } else if (std::find(into.begin(), into.end(), list.items[i]) == into.end()) {
        into.push_back(list.items[i]);
      }
    }
  }

  void apply_enum(const EnumPatch& patch) {
    EnumInfo* target = find_enum(patch.name);
    if (target == nullptr) {
      if (!patch.values.value) {
        report(Code::catalog_missing_key, patch.name_range,
               "new enum \"" + patch.name + "\" lacks \"values\"");
        return;
      }
      enums_.push_back(EnumInfo{patch.name, {}, {}});
      target = &enums_.back();
    }
    if (patch.values.value) add_values(*patch.values.value, target->values, "\"values\"");
    if (patch.legacy.value) add_values(*patch.legacy.value, target->legacy_values, "\"legacy\"");
    for (const std::string& value : target->legacy_values) {
      if (target->has_value(value)) {
        report(Code::catalog_invalid_value, patch.name_range,
               "\"" + value + "\" is both a value and a legacy value of enum \"" + patch.name + "\"");
      }
    }
  }

  void apply_field(const FieldPatch& patch) {
    FieldInfo* target = find_entry(patch.name);
    if (target == nullptr) {
      if (!patch.type.value) {
        report(Code::catalog_missing_key, patch.name_range, "new field \"" + patch.name + "\" lacks \"type\"",
               "the types are string, date, month, datetime, integer, number and enum");
        return;
      }
      entry_index_.emplace(patch.name, entries_.size());
      entries_.push_back(FieldInfo{});
      target = &entries_.back();
      target->name = patch.name;
    }
    FieldInfo& f = *target;
    if (patch.metric.value) f.metric = *patch.metric.value;
    if (patch.session_level.value) f.session_level = *patch.session_level.value;
    if (patch.nullable.value) f.nullable = *patch.nullable.value;
    if (patch.description.value) f.description = *patch.description.value;
    if (patch.example.value) f.example = *patch.example.value;
    if (patch.type.value) f.type = *patch.type.value;
    if (patch.categories.value) {
      check_categories(*patch.categories.value);
      f.categories.clear();
      add_values(*patch.categories.value, f.categories, "\"categories\"");
    }
    apply_enum_reference(patch, f);
  }

  void apply_enum_reference(const FieldPatch& patch, FieldInfo& f) {
    if (f.type != FieldType::enumeration) {
      if (patch.enum_name.value) {
        report(Code::catalog_invalid_value, patch.enum_name.range,
               "\"enum\" is only for fields of type \"enum\"",
               "give the field \"type\": \"enum\", or remove \"enum\"");
      }
      f.enum_name.clear();
      return;
    }
    if (patch.enum_name.value) f.enum_name = *patch.enum_name.value;
    if (f.enum_name.empty()) {
      report(Code::catalog_missing_key, patch.type.range,
             "field \"" + f.name + "\" of type \"enum\" lacks \"enum\"",
             "name the enum its values come from: \"enum\": \"usageType\"");
    } else if (find_enum(f.enum_name) == nullptr) {
      const SourceRange at = patch.enum_name.value ? patch.enum_name.range : patch.type.range;
      std::vector<std::string_view> names;
      for (const EnumInfo& e : enums_) names.push_back(e.name);
      const std::string suggestion = closest_name(f.enum_name, names);
      Diagnostic& d =
          report(Code::catalog_unknown_enum, at,
                 "field \"" + f.name + "\" names enum \"" + f.enum_name + "\", which the catalog lacks",
                 suggestion.empty() ? "define it under \"enums\"" : "did you mean \"" + suggestion + "\"?");
      if (!suggestion.empty() && patch.enum_name.value) d.fixes.push_back({at, "\"" + suggestion + "\""});
    }
  }

  // Categories name values of the usageCategory enum, when the catalog has one.
  void check_categories(const StringList& categories) {
    const EnumInfo* usage = find_enum("usageCategory");
    if (usage == nullptr) return;
    const std::vector<std::string_view> names(usage->values.begin(), usage->values.end());
    for (std::size_t i = 0; i < categories.items.size(); ++i) {
      const std::string& category = categories.items[i];
      if (usage->has_value(category)) continue;
      const std::string suggestion = closest_name(category, names);
      Diagnostic& d = report(Code::catalog_invalid_value, categories.ranges[i],
                             "unknown usage category \"" + category + "\"",
                             suggestion.empty() ? "" : "did you mean \"" + suggestion + "\"?");
      if (!suggestion.empty()) d.fixes.push_back({categories.ranges[i], "\"" + suggestion + "\""});
      d.notes.push_back("the usage categories are the values of enum \"usageCategory\"");
    }
  }
};

}  // namespace

bool Catalog::apply_document(const Source& document, std::vector<Diagnostic>& diagnostics) {
  std::optional<detail::CatalogDocument> patches = detail::read_catalog_document(document, diagnostics);
  if (!patches) return false;
  Applier applier(entries_, enums_, diagnostics);
  applier.apply(*patches);
  reindex();
  return applier.ok();
}

}  // namespace tfq
