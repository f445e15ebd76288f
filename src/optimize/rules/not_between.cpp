// x NOT BETWEEN a AND b => x < a OR x > b
// (NOT (x >= a AND x <= b), by De Morgan.)
#include "optimize/rules/lower_util.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_between(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::between || !expr.negated || expr.values.size() != 2) return false;
  std::vector<Expr> sides;
  sides.push_back(comparison(expr, expr.subject, CompareOp::lt, expr.values[0]));
  sides.push_back(comparison(expr, expr.subject, CompareOp::gt, expr.values[1]));
  expr = junction(ExprKind::or_, expr.range, std::move(sides));
  return true;
}

}  // namespace tfq::opt
