// Rule 1 of the reference sheet: fields or metrics present and non-empty, every name known, a field never
// under metrics nor the reverse; duplicates are removed with a warning.
#include <algorithm>
#include <map>

#include "request/rules.hpp"

namespace tfq::rules {
namespace {

std::vector<std::string_view> all_names(const Catalog& catalog) {
  std::vector<std::string_view> names;
  for (const auto& entry : catalog.entries()) names.push_back(entry.name);
  return names;
}

void report_empty_list(Context& context, RequestList& list, std::string_view key) {
  if (!list.present || !list.items.empty()) return;
  // Still present: a fix-it that moves a name here appends to it rather than adding a second key.
  context.report(Code::empty_list, list.range, "empty " + std::string(key) + " list is omitted");
}

void report_unknown(Context& context, const RequestItem& item, std::string_view what) {
  auto& d =
      context.report(Code::unknown_name, item.range, "unknown " + std::string(what) + " '" + item.name + "'");
  const std::string suggestion = closest_name(item.name, all_names(context.catalog));
  if (!suggestion.empty()) {
    d.help = "did you mean '" + suggestion + "'?";
    d.fixes.push_back(replace_item(context.request, item, suggestion));
  } else {
    d.notes.push_back("if the server knows this name, describe it in a catalog overlay (--catalog FILE)");
  }
  context.reported.insert(item.name);
}

// A metric under fields or a field under metrics: the server rejects it; the fix-it moves it.
void report_misplaced(Context& context, const RequestItem& item, bool is_metric, RequestList& destination,
                      bool& destination_added) {
  const std::string kind = is_metric ? "metric" : "field";
  const std::string key = is_metric ? "metrics" : "fields";
  auto& d = context.report(
      is_metric ? Code::metric_under_fields : Code::field_under_metrics, item.range,
      "'" + item.name + "' is a " + kind + ", listed under " + (is_metric ? "fields" : "metrics"));
  d.help = "move it to " + key;
  d.fixes.push_back(remove_item(item));
  if (destination.present) {
    d.fixes.push_back(append_item(context.request, destination, item.name));
  } else if (!destination_added) {
    d.fixes.push_back({context.request.add_at, spell_new_list(context.request, key, {item.name})});
    destination_added = true;
  }
  context.reported.insert(item.name);
}

// Moves misplaced names to the list they belong to, so that later rules see the request as meant.
void sort_out_misplaced(Context& context) {
  Request& request = context.request;
  std::vector<RequestItem> to_metrics, to_fields;
  bool metrics_added = false, fields_added = false;
  std::erase_if(request.fields.items, [&](const RequestItem& item) {
    const FieldInfo* info = context.catalog.find(item.name);
    if (!info || !info->metric) return false;
    report_misplaced(context, item, true, request.metrics, metrics_added);
    to_metrics.push_back(item);
    return true;
  });
  std::erase_if(request.metrics.items, [&](const RequestItem& item) {
    const FieldInfo* info = context.catalog.find(item.name);
    if (!info || info->metric) return false;
    report_misplaced(context, item, false, request.fields, fields_added);
    to_fields.push_back(item);
    return true;
  });
  request.metrics.items.insert(request.metrics.items.end(), to_metrics.begin(), to_metrics.end());
  request.fields.items.insert(request.fields.items.end(), to_fields.begin(), to_fields.end());
}

void remove_duplicates(Context& context, RequestList& list) {
  std::map<std::string, SourceRange, std::less<>> first_seen;
  std::erase_if(list.items, [&](const RequestItem& item) {
    auto [it, inserted] = first_seen.emplace(item.name, item.range);
    if (inserted) return false;
    auto& d = context.report(Code::duplicate_name, item.range, "'" + item.name + "' is requested twice");
    d.labels.push_back({it->second, "first requested here"});
    d.fixes.push_back(remove_item(item));
    return true;
  });
}

}  // namespace

void check_lists(Context& context) {
  Request& request = context.request;
  report_empty_list(context, request.fields, "fields");
  report_empty_list(context, request.metrics, "metrics");
  if (request.fields.items.empty() && request.metrics.items.empty()) {
    auto& d = context.report(Code::nothing_selected, request.range, "request has no fields and no metrics");
    d.help = "request at least one field or metric";
    return;
  }
  const bool one_list = request.notation == Notation::query_file;
  for (const auto& item : request.fields.items) {
    if (!context.catalog.find(item.name))
      report_unknown(context, item, one_list ? "field or metric" : "field");
  }
  for (const auto& item : request.metrics.items) {
    if (!context.catalog.find(item.name))
      report_unknown(context, item, one_list ? "field or metric" : "metric");
  }
  sort_out_misplaced(context);
  remove_duplicates(context, request.fields);
  remove_duplicates(context, request.metrics);
}

}  // namespace tfq::rules
