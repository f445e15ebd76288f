// Fix-it text in both notations, and the small catalog questions the rules ask.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "request/rules.hpp"

namespace tfq::rules {

std::string spell_name(const Request& request, std::string_view name) {
  if (request.notation == Notation::query_file) return std::string(name);
  return nlohmann::json(std::string(name)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string spell_new_list(const Request& request, std::string_view key,
                           const std::vector<std::string>& names) {
  std::string list;
  for (const auto& name : names) {
    if (!list.empty()) list += ", ";
    list += spell_name(request, name);
  }
  if (request.notation == Notation::query_file) return " FROM " + list;
  return ", " + spell_name(request, key) + ": [" + list + "]";
}

FixIt remove_item(const RequestItem& item) {
  return {item.removal, ""};
}

FixIt replace_item(const Request& request, const RequestItem& item, std::string_view name) {
  return {item.range, spell_name(request, name)};
}

FixIt replace_list(const Request& request, const RequestList& list, const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + spell_name(request, name);
  if (request.notation == Notation::json_body) text = "[" + text + "]";
  return {list.range, text};
}

FixIt append_item(const Request& request, const RequestList& list, std::string_view name) {
  return {list.append_at, (list.items.empty() ? "" : ", ") + spell_name(request, name)};
}

SourceRange name_range(const RequestItem& item, std::size_t begin, std::size_t end) {
  if (item.origins.empty()) return item.range;
  const std::size_t last = item.origins.size() - 1;
  const std::uint32_t from = item.origins[std::min(begin, last)];
  // The end is where the character after the range starts, so escapes are covered whole.
  std::size_t after = std::min(end, last);
  while (after < last && after > begin && item.origins[after] == item.origins[after - 1]) ++after;
  return {from, std::max(from, item.origins[after])};
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

std::string_view category_kind(std::string_view category) {
  if (category == "MANUAL_ADJUSTMENT" || category == "MANUAL_CONSUMPTION") return "MANUAL";
  return category;
}

std::vector<std::string> known_categories(const Catalog& catalog) {
  if (const EnumInfo* info = catalog.find_enum("usageCategory")) return info->values;
  return {"DESKTOP_PRODUCT", "CLOUD_PRODUCT", "CLOUD_SERVICE", "MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"};
}

bool has_category(const FieldInfo& info, std::string_view category) {
  return info.categories.empty() ||
         std::find(info.categories.begin(), info.categories.end(), category) != info.categories.end();
}

}  // namespace tfq::rules
