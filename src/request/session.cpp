// Rules 3, 4 and 6 of the reference sheet: a session-level (*) field makes an export session-level, which
// needs the usageCategory attribute (a where filter does not count) and one kind of category; a desktop
// session-level export takes only the documented fields and metrics; the Query API takes no * field for
// DESKTOP_PRODUCT or CLOUD_PRODUCT.
#include <algorithm>
#include <array>
#include <set>

#include "request/rules.hpp"

namespace tfq::rules {
namespace {

// The export-request page: "the full set of fields and metrics available for export at a desktop
// session level. Including any other fields or metrics ... will cause the request to be rejected."
constexpr std::array<std::string_view, 27> kDesktopSessionFields = {
    "usageMonth",      "usageDate",        "contractYear",       "productName",
    "productLineCode", "productVersion",   "productFeatureCode", "userName",
    "machineName",     "sessionStartDate", "sessionEndDate",     "licenseServerTimeZoneOffset",
    "chargedItemID",   "chargeCategory",   "licenseServerName",  "usageType",
    "usageCategory",   "customField1",     "customField2",       "customField3",
    "customField4",    "customField5",     "customField6",       "customField7",
    "customField8",    "customField9",     "customField10"};
constexpr std::array<std::string_view, 3> kDesktopSessionMetrics = {"tokensConsumed", "usageMinutes",
                                                                    "usageHours"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::vector<const RequestItem*> session_fields(const Context& context) {
  std::vector<const RequestItem*> items;
  for (const auto& item : context.request.fields.items) {
    const FieldInfo* info = context.catalog.find(item.name);
    if (info && info->session_level && !context.reported.contains(item.name)) items.push_back(&item);
  }
  return items;
}

std::vector<std::string> requested_categories(const Request& request) {
  std::vector<std::string> names;
  for (const auto& item : request.categories.items) names.push_back(item.name);
  return names;
}

// The categories to suggest for a request that has no usageCategory attribute: those every requested field
// has and the where clause allows; offered as a fix-it only when they are of one kind.
void suggest_categories(Context& context, Diagnostic& d, bool needs_one_kind) {
  const Request& request = context.request;
  std::vector<std::string> candidates = known_categories(context.catalog);
  std::erase_if(candidates, [&](const std::string& category) {
    return std::any_of(request.fields.items.begin(), request.fields.items.end(),
                       [&](const RequestItem& item) {
                         const FieldInfo* info = context.catalog.find(item.name);
                         return info && !has_category(*info, category);
                       });
  });
  if (request.where) {
    std::vector<SourceRange> constraining;
    candidates = categories_where_allows(*request.where, candidates, &constraining);
    if (!constraining.empty()) {
      d.notes.push_back(
          "a usageCategory condition in the where clause does not count: the server needs the attribute");
      d.labels.push_back({constraining.front(), "this filter does not count"});
    }
  }
  const std::string what =
      request.notation == Notation::query_file ? "a FROM clause" : "the usageCategory attribute";
  std::set<std::string_view> kinds;
  for (const auto& category : candidates) kinds.insert(category_kind(category));
  if (candidates.empty() || (needs_one_kind && kinds.size() > 1)) {
    d.help = "add " + what + (needs_one_kind ? " with one kind of usage category" : "");
    return;
  }
  const std::string text = spell_new_list(request, "usageCategory", candidates);
  d.help = "add " + what + ": " + text.substr(text.find_first_not_of(", "));
  d.fixes.push_back({request.add_at, text});
}

void check_query_api(Context& context, const std::vector<const RequestItem*>& items) {
  const auto categories = requested_categories(context.request);
  const bool product =
      categories.empty() || has(categories, "DESKTOP_PRODUCT") || has(categories, "CLOUD_PRODUCT");
  if (!product) return;
  for (const RequestItem* item : items) {
    auto& d = context.report(Code::query_session_field, item->range,
                             "session-level field '" + item->name +
                                 "' cannot be queried for DESKTOP_PRODUCT or CLOUD_PRODUCT, only exported");
    if (categories.empty()) d.notes.push_back("without a usageCategory list the query covers every category");
    d.help = context.request.notation == Notation::query_file ? "export it instead: drop QUERY"
                                                              : "export it instead of querying it";
    context.reported.insert(item->name);
  }
}

void check_desktop_names(Context& context) {
  const Request& request = context.request;
  for (const RequestList* list : {&request.fields, &request.metrics}) {
    const bool metrics = list == &request.metrics;
    for (const auto& item : list->items) {
      const bool allowed =
          metrics ? listed(kDesktopSessionMetrics, item.name) : listed(kDesktopSessionFields, item.name);
      if (allowed || context.reported.contains(item.name) || !context.catalog.find(item.name)) continue;
      auto& d = context.report(Code::desktop_session_name, item.range,
                               "'" + item.name + "' is not available in a desktop session-level export");
      d.notes.push_back(metrics ? "its metrics are tokensConsumed, usageMinutes and usageHours only"
                                : "its fields are the 27 listed on the export-request page only");
      d.fixes.push_back(remove_item(item));
      context.reported.insert(item.name);
    }
  }
}

}  // namespace

void check_session_level(Context& context) {
  const auto items = session_fields(context);
  if (items.empty() || context.categories_invalid) return;
  if (!context.is_export()) return check_query_api(context, items);
  const Request& request = context.request;
  const auto categories = requested_categories(request);
  if (categories.empty()) {
    auto& d =
        context.report(Code::session_without_category, items.front()->range,
                       "session-level field '" + items.front()->name + "' needs the usageCategory attribute");
    suggest_categories(context, d, true);
    return;
  }
  std::set<std::string_view> kinds;
  for (const auto& category : categories) kinds.insert(category_kind(category));
  const bool desktop = has(categories, "DESKTOP_PRODUCT");
  if (kinds.size() > 1 && desktop) {
    auto& d = context.report(Code::desktop_session_categories, request.categories.range,
                             "a desktop session-level export must request exactly DESKTOP_PRODUCT");
    d.labels.push_back({items.front()->range, "session-level because of this field"});
    d.help = "export each usage category in its own request";
    d.fixes.push_back(replace_list(request, request.categories, {"DESKTOP_PRODUCT"}));
  } else if (kinds.size() > 1) {
    auto& d = context.report(Code::session_mixed_categories, request.categories.range,
                             "a session-level export cannot mix usage categories " + quoted_list(categories));
    d.labels.push_back({items.front()->range, "session-level because of this field"});
    d.help = "export each usage category in its own request";
  }
  if (desktop) check_desktop_names(context);
}

}  // namespace tfq::rules
