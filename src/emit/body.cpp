// The canonical JSON body: nlohmann::ordered_json keeps the documented key order, so output is byte-stable.
#include <nlohmann/json.hpp>

#include "tfq/emit.hpp"

namespace tfq {
namespace {

nlohmann::ordered_json names(const RequestList& list) {
  auto array = nlohmann::ordered_json::array();
  for (const auto& item : list.items) array.push_back(item.name);
  return array;
}

}  // namespace

std::string emit_body(const Request& request, Layout layout) {
  nlohmann::ordered_json body = nlohmann::ordered_json::object();
  if (!request.fields.items.empty()) body["fields"] = names(request.fields);
  if (!request.metrics.items.empty()) body["metrics"] = names(request.metrics);
  if (!request.categories.items.empty()) body["usageCategory"] = names(request.categories);
  if (!request.canonical_where.empty()) body["where"] = request.canonical_where;
  if (request.download_file_name && request.target == Target::export_request) {
    body["downloadFileName"] = request.download_file_name->name;
  }
  // The readers reject invalid UTF-8; `replace` only makes sure dump() can never throw.
  constexpr auto on_bad_utf8 = nlohmann::ordered_json::error_handler_t::replace;
  if (layout == Layout::compact) return body.dump(-1, ' ', false, on_bad_utf8);
  return body.dump(2, ' ', false, on_bad_utf8) + "\n";
}

}  // namespace tfq
