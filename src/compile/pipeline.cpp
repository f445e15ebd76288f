// One statement through the back half of the pipeline: check_where -> optimize_where -> request rules.
#include "compile/front_end.hpp"
#include "tfq/check.hpp"
#include "tfq/optimize.hpp"

namespace tfq::compile_detail {
namespace {

// Fix-its of the where stages replace text inside a JSON string: they must be spelled as JSON.
void append_where_diagnostics(std::vector<Diagnostic>&& found, const Request& request,
                              std::vector<Diagnostic>& diagnostics) {
  for (auto& d : found) {
    if (request.notation == Notation::json_body) {
      for (auto& fix : d.fixes) fix.replacement = json_escape(fix.replacement);
    }
    diagnostics.push_back(std::move(d));
  }
}

}  // namespace

std::optional<Request> finish_statement(Statement& statement, const Catalog& catalog,
                                        std::vector<Diagnostic>& diagnostics) {
  const std::size_t first = diagnostics.size();
  Request& request = statement.request;
  if (statement.where) {
    std::vector<Diagnostic> checked =
        check_where(*statement.where, catalog, {.allow_parameters = statement.placeholders});
    const bool check_failed = has_errors(checked);
    append_where_diagnostics(std::move(checked), request, diagnostics);
    if (!check_failed && !statement.placeholders) {
      OptimizeResult optimized = optimize_where(*statement.where, catalog);
      append_where_diagnostics(std::move(optimized.diagnostics), request, diagnostics);
      if (optimized.outcome == Outcome::clause) request.canonical_where = std::move(optimized.where);
    }
    request.where = std::move(statement.where);
  }
  if (statement.is_request && statement.complete) {
    std::vector<Diagnostic> found = apply_request_rules(request, catalog);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()),
                       std::make_move_iterator(found.end()));
  }
  const bool failed = !statement.complete || statement.failed || statement.placeholders ||
                      has_errors(std::span<const Diagnostic>(diagnostics).subspan(first));
  if (failed) return std::nullopt;
  return std::move(request);
}

}  // namespace tfq::compile_detail
