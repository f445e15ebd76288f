// NOT (a AND b) => NOT a OR NOT b
// (De Morgan's law holds in three-valued logic.)
#include "optimize/rules/lower_util.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_over_and(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_ || expr.children.front().kind != ExprKind::and_) return false;
  std::vector<Expr> negated;
  negated.reserve(expr.children.front().children.size());
  for (Expr& child : expr.children.front().children) negated.push_back(wrap_not(std::move(child)));
  expr = junction(ExprKind::or_, expr.range, std::move(negated));
  return true;
}

}  // namespace tfq::opt
