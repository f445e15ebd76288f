// The request rules' driver: runs each rule group, then applies the normalizations they decided.
#include "request/rules.hpp"

#include <algorithm>

namespace tfq {
namespace rules {

Diagnostic& Context::report(Code code, SourceRange range, std::string message) {
  return diagnostics.emplace_back(make_diagnostic(code, range, std::move(message)));
}

}  // namespace rules

std::vector<Diagnostic> apply_request_rules(Request& request, const Catalog& catalog) {
  std::vector<Diagnostic> diagnostics;
  rules::Context context{request, catalog, diagnostics, {}};
  rules::check_lists(context);
  rules::check_category_values(context);
  rules::check_session_level(context);
  rules::check_token_pool(context);
  rules::check_categories_cover(context);
  rules::check_file_name(context);
  return diagnostics;
}

}  // namespace tfq
