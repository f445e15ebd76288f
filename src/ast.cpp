// Small helpers over the AST.
#include "tfq/ast.hpp"

#include <algorithm>
#include <charconv>

namespace tfq {

std::string_view to_string(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return "=";
    case CompareOp::ne: return "!=";
    case CompareOp::lt: return "<";
    case CompareOp::le: return "<=";
    case CompareOp::gt: return ">";
    case CompareOp::ge: return ">=";
  }
  return "=";
}

CompareOp flip(CompareOp op) {
  switch (op) {
    case CompareOp::lt: return CompareOp::gt;
    case CompareOp::le: return CompareOp::ge;
    case CompareOp::gt: return CompareOp::lt;
    case CompareOp::ge: return CompareOp::le;
    default: return op;
  }
}

CompareOp negate(CompareOp op) {
  switch (op) {
    case CompareOp::eq: return CompareOp::ne;
    case CompareOp::ne: return CompareOp::eq;
    case CompareOp::lt: return CompareOp::ge;
    case CompareOp::le: return CompareOp::gt;
    case CompareOp::gt: return CompareOp::le;
    case CompareOp::ge: return CompareOp::lt;
  }
  return op;
}

std::int64_t Operand::integer_value() const {
  std::int64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  return ec == std::errc{} && ptr == end ? value : 0;
}

bool literal_comparison_holds(const Operand& left, CompareOp op, const Operand& right) {
  int order = 0;
  if (left.kind == Operand::Kind::integer) {
    const std::int64_t a = left.integer_value(), b = right.integer_value();
    order = (a > b) - (a < b);
  } else {
    order = left.text.compare(right.text);
  }
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

namespace {

bool same_operand(const Operand& a, const Operand& b) {
  if (a.kind != b.kind) return false;
  return a.kind == Operand::Kind::integer ? a.integer_value() == b.integer_value() : a.text == b.text;
}

}  // namespace

bool same_structure(const Expr& a, const Expr& b) {
  if (a.kind != b.kind || a.negated != b.negated || a.values.size() != b.values.size() ||
      a.children.size() != b.children.size()) {
    return false;
  }
  if (a.kind == ExprKind::compare && a.op != b.op) return false;
  if (a.kind <= ExprKind::between && !same_operand(a.subject, b.subject)) return false;
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    if (!same_operand(a.values[i], b.values[i])) return false;
  }
  for (std::size_t i = 0; i < a.children.size(); ++i) {
    if (!same_structure(a.children[i], b.children[i])) return false;
  }
  return true;
}

}  // namespace tfq
