// a <> b => a != b
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool ltgt(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::compare || !expr.spelled_ltgt) return false;
  expr.spelled_ltgt = false;
  return true;
}

}  // namespace tfq::opt
