// x BETWEEN a AND b => x >= a AND x <= b
#include "optimize/rules/lower_util.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool between(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::between || expr.negated || expr.values.size() != 2) return false;
  std::vector<Expr> sides;
  sides.push_back(comparison(expr, expr.subject, CompareOp::ge, expr.values[0]));
  sides.push_back(comparison(expr, expr.subject, CompareOp::le, expr.values[1]));
  expr = junction(ExprKind::and_, expr.range, std::move(sides));
  return true;
}

}  // namespace tfq::opt
