// NOT (a OR b) => NOT a AND NOT b
// (De Morgan's law holds in three-valued logic.)
#include "optimize/rules/lower_util.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_over_or(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_ || expr.children.front().kind != ExprKind::or_) return false;
  std::vector<Expr> negated;
  negated.reserve(expr.children.front().children.size());
  for (Expr& child : expr.children.front().children) negated.push_back(wrap_not(std::move(child)));
  expr = junction(ExprKind::and_, expr.range, std::move(negated));
  return true;
}

}  // namespace tfq::opt
