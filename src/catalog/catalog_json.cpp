// The catalog written back as JSON, in catalog.json's shape, with every key explicit: what
// `tfq catalog --format json` prints, and what Catalog::parse reads back unchanged.
#include <nlohmann/json.hpp>

#include "tfq/catalog.hpp"

namespace tfq {

std::string Catalog::to_json() const {
  using json = nlohmann::ordered_json;
  json fields = json::array();
  for (const FieldInfo& f : entries_) {
    json entry = {{"name", f.name}, {"metric", f.metric}, {"type", to_string(f.type)}};
    if (f.type == FieldType::enumeration) entry["enum"] = f.enum_name;
    entry["categories"] = f.categories;
    entry["session_level"] = f.session_level;
    entry["nullable"] = f.nullable;
    entry["description"] = f.description;
    entry["example"] = f.example;
    fields.push_back(std::move(entry));
  }
  json enums = json::array();
  for (const EnumInfo& e : enums_) {
    enums.push_back({{"name", e.name}, {"values", e.values}, {"legacy", e.legacy_values}});
  }
  json document = {{"fields", std::move(fields)}, {"enums", std::move(enums)}};
  return document.dump(2) + "\n";
}

}  // namespace tfq
