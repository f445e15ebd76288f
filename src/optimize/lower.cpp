// The lowering driver: tries the lowering rules at each node, top-down, so that a NOT is pushed all the
// way down before the predicates under it are rewritten.
#include "optimize/driver.hpp"
#include "optimize/rules/rules.hpp"
#include "tfq/print.hpp"

namespace tfq::opt {
namespace {

// Repeats until no rule fires. This ends, and within a few rounds: at a node, double_not removes a whole
// run of NOTs, a NOT over AND/OR or over a predicate becomes an OR/AND or a predicate that no NOT rule
// matches again, and between, ltgt and flip_literal each fire at most once. (A round limit here once cut
// a run of 129 NOTs short and sent a NOT to the server.)
void lower_node(Expr& expr, const Fields& fields, std::vector<RewriteStep>* trace) {
  for (;;) {
    const std::string before = trace != nullptr ? print_where(expr) : std::string();
    bool fired = false;
    for (const LowerRule& rule : lowering_rules()) {
      if (!rule.apply(expr, fields)) continue;
      if (trace != nullptr) trace->push_back({std::string(rule.name), before, print_where(expr)});
      fired = true;
      break;
    }
    if (!fired) break;
  }
  for (Expr& child : expr.children) lower_node(child, fields, trace);
}

}  // namespace

bool in_dialect(const Expr& clause) {
  switch (clause.kind) {
    case ExprKind::not_:
    case ExprKind::between: return false;
    case ExprKind::in: return !clause.negated;
    case ExprKind::compare:
      return !clause.spelled_ltgt &&
             (clause.subject.is_field() || clause.values.empty() || !clause.values[0].is_field());
    default: break;
  }
  for (const Expr& child : clause.children) {
    if (!in_dialect(child)) return false;
  }
  return true;
}

Expr lower(const Expr& clause, const Fields& fields, std::vector<RewriteStep>* trace) {
  Expr lowered = clause;
  lower_node(lowered, fields, trace);
  return lowered;
}

}  // namespace tfq::opt
