// 1 = 1 => TRUE, 'b' < 'a' => FALSE: a comparison of two literals of one kind has a fixed value
// (integers compare as numbers, strings by bytes).
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool fold_literals(Node& node, Context&) {
  if (node.kind != NodeKind::other) return false;
  const Expr& e = *node.source;
  if (e.kind != ExprKind::compare || e.values.size() != 1) return false;
  const Operand& a = e.subject;
  const Operand& b = e.values.front();
  if (!a.is_literal() || a.kind != b.kind) return false;
  node = make_constant(literal_comparison_holds(a, e.op, b), {&e});
  return true;
}

}  // namespace tfq::opt
