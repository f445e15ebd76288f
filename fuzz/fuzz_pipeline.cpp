// Fuzz target: the whole where-clause pipeline (parse, check, optimize, print). For any bytes: no crash;
// every failure is a diagnostic with ranges inside the input; the optimizer's output is a clause the server
// accepts (no NOT, <>, BETWEEN), checks clean, is a fixpoint (optimizing it again prints the same
// bytes), and selects the same rows as the original on rows made from the clause's own literals; and what
// its findings claim about two predicates (implies, repeats, conflicts with) holds on those rows.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rows.hpp"
#include "support.hpp"
#include "support/evaluator.hpp"
#include "support/finding_claims.hpp"
#include "tfq/check.hpp"
#include "tfq/input.hpp"
#include "tfq/optimize.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"

namespace {

using namespace tfq;

// Whether the server's dialect admits the clause: no NOT anywhere, no <>, no BETWEEN.
bool in_server_dialect(const Expr& expr) {
  if (expr.kind == ExprKind::not_ || expr.kind == ExprKind::between || expr.negated || expr.spelled_ltgt)
    return false;
  for (const auto& child : expr.children) {
    if (!in_server_dialect(child)) return false;
  }
  return true;
}

// Parses and checks a clause that tfq printed itself: it must come back without any error.
Expr reparse_clean(const std::string& text, const Catalog& catalog) {
  const Source source("printed.where", text);
  ParseResult parsed = parse_where(source);
  fuzz::check_diagnostics(source, parsed.diagnostics);
  FUZZ_CHECK(parsed.expr.has_value() && !has_errors(parsed.diagnostics));
  FUZZ_CHECK(!has_errors(check_where(*parsed.expr, catalog)));
  return std::move(*parsed.expr);
}

// A predicate a finding quotes, parsed; nullopt when the quote does not parse on its own (a string literal
// holding a backtick splits the message differently).
std::optional<Expr> parse_quoted(const std::string& text) {
  const Source source("quoted.where", text);
  ParseResult parsed = parse_where(source);
  if (!parsed.expr || has_errors(parsed.diagnostics)) return std::nullopt;
  return std::move(*parsed.expr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Catalog& catalog = Catalog::builtin();
  const Source source("fuzz.where", fuzz::as_text(data, size));
  const auto input = validate_input(source);
  fuzz::check_diagnostics(source, input);
  if (has_errors(input)) return 0;

  const ParseResult parsed = parse_where(source, parse_range(source));
  fuzz::check_diagnostics(source, parsed.diagnostics);
  if (!parsed.expr) {
    FUZZ_CHECK(has_errors(parsed.diagnostics));  // a failure always says why
    return 0;
  }
  if (has_errors(parsed.diagnostics)) return 0;
  const Expr& expr = *parsed.expr;
  const auto checked = check_where(expr, catalog);
  fuzz::check_diagnostics(source, checked);
  if (has_errors(checked)) return 0;

  const OptimizeResult optimized = optimize_where(expr, catalog);
  fuzz::check_diagnostics(source, optimized.diagnostics);
  // A clause with an error (a NOT LIKE that cannot be sent) is reported, never sent: nothing more to hold.
  if (optimized.outcome == Outcome::clause && has_errors(optimized.diagnostics)) return 0;
  switch (optimized.outcome) {
    case Outcome::always_false: FUZZ_CHECK(has_errors(optimized.diagnostics)); break;
    case Outcome::always_true: FUZZ_CHECK(!optimized.expr && optimized.where.empty()); break;
    case Outcome::clause: {
      FUZZ_CHECK(optimized.expr && optimized.where == print_where(*optimized.expr));
      FUZZ_CHECK(in_server_dialect(*optimized.expr));
      const Expr canonical = reparse_clean(optimized.where, catalog);
      const OptimizeResult again = optimize_where(canonical, catalog);
      FUZZ_CHECK(again.outcome == Outcome::clause && again.where == optimized.where);
      break;
    }
  }
  // Same rows: a clause that stands claims equivalence, a tautology or a contradiction claims all or none.
  std::uint64_t seed = 1469598103934665603ull;  // FNV-1a of the input: the same rows on every replay
  for (std::size_t i = 0; i < size; ++i) seed = (seed ^ data[i]) * 1099511628211ull;
  const std::vector<test::Row> rows = fuzz::rows_for(expr, catalog, seed, 24);
  for (const Diagnostic& d : optimized.diagnostics) {
    const std::optional<test::Claimed> claimed = test::claim_of(d.message);
    if (!claimed) continue;
    const std::optional<Expr> first = parse_quoted(claimed->first);
    const std::optional<Expr> second = parse_quoted(claimed->second);
    if (!first || !second) continue;
    for (const test::Row& row : rows) {
      FUZZ_CHECK(test::holds(claimed->claim, test::selects(*first, row), test::selects(*second, row)));
    }
  }
  for (const test::Row& row : rows) {
    const bool selected = test::selects(expr, row);
    switch (optimized.outcome) {
      case Outcome::clause: FUZZ_CHECK(test::selects(*optimized.expr, row) == selected); break;
      case Outcome::always_true: FUZZ_CHECK(selected); break;
      case Outcome::always_false: FUZZ_CHECK(!selected); break;
    }
  }
  return 0;
}
