// Building where-clause ASTs by hand in tests: field("x") == 1, like(field("x"), "a%"), all({...}), ...
#pragma once

#include <iterator>
#include <string>
#include <vector>

#include "tfq/ast.hpp"

namespace tfq::test {

inline Operand field(std::string name) {
  Operand o;
  o.kind = Operand::Kind::field;
  o.text = std::move(name);
  return o;
}

inline Operand lit(std::int64_t value) {
  Operand o;
  o.kind = Operand::Kind::integer;
  o.text = std::to_string(value);
  return o;
}

inline Operand lit(std::string value) {
  Operand o;
  o.kind = Operand::Kind::string;
  o.text = std::move(value);
  return o;
}
inline Operand lit(const char* value) {
  return lit(std::string(value));
}

inline Expr cmp(Operand a, CompareOp op, Operand b) {
  Expr e;
  e.kind = ExprKind::compare;
  e.op = op;
  e.subject = std::move(a);
  e.values.push_back(std::move(b));
  return e;
}

inline Expr in(Operand a, std::vector<Operand> values, bool negated = false) {
  Expr e;
  e.kind = ExprKind::in;
  e.negated = negated;
  e.subject = std::move(a);
  e.values.assign(std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
  return e;
}

inline Expr like(Operand a, std::string pattern, bool negated = false) {
  Expr e;
  e.kind = ExprKind::like;
  e.negated = negated;
  e.subject = std::move(a);
  e.values.push_back(lit(std::move(pattern)));
  return e;
}

inline Expr between(Operand a, Operand lo, Operand hi, bool negated = false) {
  Expr e;
  e.kind = ExprKind::between;
  e.negated = negated;
  e.subject = std::move(a);
  e.values = {std::move(lo), std::move(hi)};
  return e;
}

inline Expr not_(Expr inner) {
  Expr e;
  e.kind = ExprKind::not_;
  e.children.push_back(std::move(inner));
  return e;
}

inline Expr junction(ExprKind kind, std::vector<Expr> children) {
  Expr e;
  e.kind = kind;
  e.children = std::move(children);
  return e;
}
inline Expr all(std::vector<Expr> children) {
  return junction(ExprKind::and_, std::move(children));
}
inline Expr any(std::vector<Expr> children) {
  return junction(ExprKind::or_, std::move(children));
}

}  // namespace tfq::test
