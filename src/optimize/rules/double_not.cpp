// NOT NOT a => a
// (Kleene negation is an involution: NOT NOT unknown is unknown.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool double_not(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_ || expr.children.front().kind != ExprKind::not_) return false;
  Expr inner = std::move(expr.children.front().children.front());
  expr = std::move(inner);
  return true;
}

}  // namespace tfq::opt
