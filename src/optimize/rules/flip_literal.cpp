// 'lit' op x => x flip(op) 'lit', as in '2018-01-01' <= usageDate => usageDate >= '2018-01-01'
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool flip_literal(Expr& expr, const Fields&) {
  if (expr.kind != ExprKind::compare || expr.subject.is_field() || expr.values.size() != 1 ||
      !expr.values.front().is_field()) {
    return false;
  }
  std::swap(expr.subject, expr.values.front());
  expr.op = flip(expr.op);
  return true;
}

}  // namespace tfq::opt
