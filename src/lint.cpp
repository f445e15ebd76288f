// The lint pipeline of a where clause: validate -> parse -> check -> optimize, findings in source order.
#include "tfq/lint.hpp"

#include <algorithm>

#include "tfq/check.hpp"
#include "tfq/input.hpp"
#include "tfq/optimize.hpp"
#include "tfq/parse.hpp"

namespace tfq {
namespace {

void append(std::vector<Diagnostic>& to, std::vector<Diagnostic>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

std::vector<Diagnostic> lint_where(const Source& source, const LintOptions& options) {
  std::vector<Diagnostic> findings = validate_input(source, options.limits);
  if (has_errors(findings)) return findings;

  ParseOptions parse_options;
  parse_options.limits = options.limits;
  ParseResult parsed = parse_where(source, parse_range(source), parse_options);
  append(findings, std::move(parsed.diagnostics));
  if (!parsed.expr) return findings;

  const Catalog& catalog = options.catalog != nullptr ? *options.catalog : Catalog::builtin();
  std::vector<Diagnostic> checked = check_where(*parsed.expr, catalog);
  const bool check_failed = has_errors(checked);
  append(findings, std::move(checked));
  // The optimizer's findings (contradictions, tautologies, redundant and duplicate predicates, NOT LIKE it
  // cannot send), for a clause the checker accepted: the optimizer relies on well-typed literals.
  if (!check_failed)
    append(findings, optimize_where(*parsed.expr, catalog, {.findings_only = true}).diagnostics);

  std::stable_sort(findings.begin(), findings.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  return findings;
}

}  // namespace tfq
