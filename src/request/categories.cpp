// Rule 2 (usageCategory values from the enum, each once) and the coverage rules: a field that no
// requested category has, and a where clause whose usageCategory condition contradicts the list.
#include <algorithm>
#include <map>

#include "request/rules.hpp"

namespace tfq::rules {
namespace {

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<std::string> names_of(const RequestList& list) {
  std::vector<std::string> names;
  for (const auto& item : list.items) names.push_back(item.name);
  return names;
}

void report_invalid_category(Context& context, const RequestItem& item,
                             const std::vector<std::string>& known) {
  // The catalog lists the values older endpoints answer with: requests must not use them.
  const EnumInfo* categories = context.catalog.find_enum("usageCategory");
  if (categories && categories->is_legacy(item.name)) {
    auto& d = context.report(Code::legacy_category, item.range,
                             "legacy usage category '" + item.name + "' is not accepted in requests");
    d.notes.push_back("older endpoints show it in responses only");
    d.help = "use one of " + quoted_list(known);
    return;
  }
  auto& d = context.report(Code::unknown_category, item.range, "unknown usage category '" + item.name + "'");
  const std::string suggestion = closest_name(item.name, {known.begin(), known.end()});
  if (!suggestion.empty()) {
    d.help = "did you mean '" + suggestion + "'?";
    d.fixes.push_back(replace_item(context.request, item, suggestion));
  } else {
    d.help = "use one of " + quoted_list(known);
  }
}

void report_where_against_categories(Context& context, const std::vector<std::string>& requested) {
  const Request& request = context.request;
  std::vector<SourceRange> constraining;
  const auto allowed = categories_where_allows(*request.where, requested, &constraining);
  if (constraining.empty()) return;
  if (allowed.empty()) {
    auto& d = context.report(Code::where_excludes_all_categories, constraining.front(),
                             "the where clause's usageCategory condition excludes every requested category");
    d.labels.push_back({request.categories.range, "requested categories"});
    d.notes.push_back("no row can match: the export would be empty");
    return;
  }
  for (const auto& item : request.categories.items) {
    if (contains(allowed, item.name)) continue;
    auto& d = context.report(Code::where_excludes_category, item.range,
                             "usage category '" + item.name + "' is excluded by the where clause");
    d.labels.push_back({constraining.front(), "excluded by this condition"});
    d.fixes.push_back(remove_item(item));
  }
}

}  // namespace

void check_category_values(Context& context) {
  RequestList& list = context.request.categories;
  if (list.present && list.items.empty()) {
    context.report(Code::empty_list, list.range, "empty usageCategory list is omitted");
    list.present = false;
    return;
  }
  const auto known = known_categories(context.catalog);
  std::map<std::string, SourceRange, std::less<>> first_seen;
  // Invalid values are reported and left out, so that later rules reason about valid categories only.
  std::erase_if(list.items, [&](const RequestItem& item) {
    if (!contains(known, item.name)) {
      report_invalid_category(context, item, known);
      context.categories_invalid = true;
      return true;
    }
    auto [it, inserted] = first_seen.emplace(item.name, item.range);
    if (inserted) return false;
    auto& d = context.report(Code::duplicate_category, item.range,
                             "usage category '" + item.name + "' is listed twice");
    d.labels.push_back({it->second, "first listed here"});
    d.fixes.push_back(remove_item(item));
    return true;
  });
}

void check_categories_cover(Context& context) {
  const Request& request = context.request;
  const auto requested = names_of(request.categories);
  if (requested.empty() || context.categories_invalid) return;
  for (const RequestList* list : {&request.fields, &request.metrics}) {
    for (const auto& item : list->items) {
      const FieldInfo* info = context.catalog.find(item.name);
      if (!info || context.reported.contains(item.name) || item.name == "tokenPool") continue;
      if (std::any_of(requested.begin(), requested.end(),
                      [&](const auto& c) { return has_category(*info, c); })) {
        continue;
      }
      auto& d = context.report(Code::name_not_in_categories, item.range,
                               "'" + item.name + "' is in none of the requested usage categories");
      d.labels.push_back({request.categories.range, "requested categories"});
      d.notes.push_back("'" + item.name + "' is only in " + quoted_list(info->categories));
    }
  }
  if (request.where) report_where_against_categories(context, requested);
}

}  // namespace tfq::rules
