// NOT NOT a => a, for a whole run of NOTs at once (a run of 2k NOTs is nothing, 2k + 1 is one NOT).
// (Kleene negation is an involution: NOT NOT unknown is unknown.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool double_not(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::not_ || expr.children.front().kind != ExprKind::not_) return false;
  Expr* inner = &expr.children.front().children.front();
  while (inner->kind == ExprKind::not_ && inner->children.front().kind == ExprKind::not_)
    inner = &inner->children.front().children.front();
  Expr kept = std::move(*inner);
  expr = std::move(kept);
  return true;
}

}  // namespace tfq::opt
