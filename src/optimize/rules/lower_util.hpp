// Small constructors shared by the lowering rules: new nodes keep the range of what they replace.
#pragma once

#include <utility>

#include "tfq/ast.hpp"

namespace tfq::opt {

inline Expr wrap_not(Expr inner) {
  Expr n;
  n.kind = ExprKind::not_;
  n.range = inner.range;
  n.op_range = inner.op_range;
  n.children.push_back(std::move(inner));
  return n;
}

inline Expr junction(ExprKind kind, SourceRange range, std::vector<Expr> children) {
  Expr j;
  j.kind = kind;
  j.range = range;
  j.children = std::move(children);
  return j;
}

// `subject op value`, placed at `at` (the predicate it was derived from).
inline Expr comparison(const Expr& at, const Operand& subject, CompareOp op, const Operand& value) {
  Expr c;
  c.kind = ExprKind::compare;
  c.range = at.range;
  c.op_range = at.op_range;
  c.op = op;
  c.subject = subject;
  c.values.push_back(value);
  return c;
}

}  // namespace tfq::opt
