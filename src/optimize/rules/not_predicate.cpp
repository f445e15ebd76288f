// NOT (x LIKE p) => x NOT LIKE p, NOT (x IN (..)) => x NOT IN (..), NOT (x BETWEEN a AND b) =>
// x NOT BETWEEN a AND b, and the other way round: the negation moves onto the predicate.
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_predicate(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_) return false;
  const ExprKind inner_kind = expr.children.front().kind;
  if (inner_kind != ExprKind::like && inner_kind != ExprKind::in && inner_kind != ExprKind::between)
    return false;
  Expr inner = std::move(expr.children.front());
  inner.negated = !inner.negated;
  inner.range = expr.range;
  expr = std::move(inner);
  return true;
}

}  // namespace tfq::opt
