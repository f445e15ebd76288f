// Rule 5 of the reference sheet: tokenPool exists only for MANUAL_ADJUSTMENT (since 2023-08-11), so a request
// that selects or filters it must be for MANUAL_ADJUSTMENT alone.
#include "request/rules.hpp"

namespace tfq::rules {
namespace {

constexpr std::string_view kTokenPool = "tokenPool";

void collect_token_pool_operands(const Expr& e, std::vector<SourceRange>& out) {
  if (e.subject.is_field() && e.subject.text == kTokenPool) out.push_back(e.subject.range);
  for (const auto& value : e.values) {
    if (value.is_field() && value.text == kTokenPool) out.push_back(value.range);
  }
  for (const auto& child : e.children) collect_token_pool_operands(child, out);
}

}  // namespace

void check_token_pool(Context& context) {
  const Request& request = context.request;
  const auto& categories = request.categories.items;
  if (context.categories_invalid) return;
  if (categories.size() == 1 && categories.front().name == "MANUAL_ADJUSTMENT") return;
  std::vector<SourceRange> uses;
  for (const auto& item : request.fields.items) {
    if (item.name == kTokenPool && !context.reported.contains(item.name)) uses.push_back(item.range);
  }
  if (request.where) collect_token_pool_operands(*request.where, uses);
  bool first = true;
  for (const SourceRange& use : uses) {
    auto& d = context.report(Code::token_pool_outside_manual_adjustment, use,
                             "tokenPool is only available in a request for MANUAL_ADJUSTMENT alone");
    if (!categories.empty()) {
      d.labels.push_back({request.categories.range, "requested categories"});
      d.help = "request MANUAL_ADJUSTMENT only";
    } else if (first) {
      const std::string text = spell_new_list(request, "usageCategory", {"MANUAL_ADJUSTMENT"});
      d.help = "add " + text.substr(text.find_first_not_of(", "));
      d.fixes.push_back({request.add_at, text});
    }
    first = false;
  }
  context.reported.insert(std::string(kTokenPool));
}

}  // namespace tfq::rules
