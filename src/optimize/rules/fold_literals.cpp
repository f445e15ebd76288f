// 1 = 1 => TRUE, 'b' < 'a' => FALSE: a comparison of two literals of one kind has a fixed value
// (integers compare as numbers, strings by bytes).
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

bool holds(CompareOp op, int order) {
  switch (op) {
    case CompareOp::eq: return order == 0;
    case CompareOp::ne: return order != 0;
    case CompareOp::lt: return order < 0;
    case CompareOp::le: return order <= 0;
    case CompareOp::gt: return order > 0;
    case CompareOp::ge: return order >= 0;
  }
  return false;
}

}  // namespace

bool fold_literals(Node& node, Context&) {
  if (node.kind != NodeKind::other) return false;
  const Expr& e = *node.source;
  if (e.kind != ExprKind::compare || e.values.size() != 1) return false;
  const Operand& a = e.subject;
  const Operand& b = e.values.front();
  if (!a.is_literal() || a.kind != b.kind) return false;
  const int order = a.kind == Operand::Kind::integer ? (a.integer > b.integer) - (a.integer < b.integer)
                                                     : a.text.compare(b.text);
  node = make_constant(holds(e.op, order), {&e});
  return true;
}

}  // namespace tfq::opt
