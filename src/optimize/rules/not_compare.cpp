// NOT (a < b) => a >= b, and so on for every comparison operator
// (a comparison with NULL is unknown either way, and NOT unknown is unknown.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_compare(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_ || expr.children.front().kind != ExprKind::compare) return false;
  Expr inner = std::move(expr.children.front());
  inner.op = negate(inner.op);
  inner.spelled_ltgt = false;
  inner.range = expr.range;
  expr = std::move(inner);
  return true;
}

}  // namespace tfq::opt
