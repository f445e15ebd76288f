// Which usage categories can a where clause select? Three-valued evaluation with usageCategory fixed and
// every other predicate unknown: a category is excluded only when the clause is false for it whatever
// the other columns hold. Recursion follows nesting depth only.
#include <algorithm>

#include "request/rules.hpp"

namespace tfq::rules {
namespace {

enum class Truth : std::uint8_t { no, unknown, yes };

Truth negate(Truth t) {
  return t == Truth::unknown ? t : (t == Truth::yes ? Truth::no : Truth::yes);
}
Truth truth(bool b) {
  return b ? Truth::yes : Truth::no;
}

bool is_category_field(const Operand& operand) {
  return operand.is_field() && operand.text == "usageCategory";
}

// `usageCategory op 'X'` or `'X' op usageCategory`: the literal, or nullptr when the predicate is another
// one.
const Operand* category_literal(const Expr& e) {
  if (e.values.size() != 1) return nullptr;
  if (is_category_field(e.subject) && e.values[0].kind == Operand::Kind::string) return &e.values[0];
  if (is_category_field(e.values[0]) && e.subject.kind == Operand::Kind::string) return &e.subject;
  return nullptr;
}

bool is_category_in_list(const Expr& e) {
  return e.kind == ExprKind::in && is_category_field(e.subject) &&
         std::all_of(e.values.begin(), e.values.end(),
                     [](const Operand& v) { return v.kind == Operand::Kind::string; });
}

bool constrains_category(const Expr& e) {
  if (e.kind == ExprKind::compare) {
    return category_literal(e) && (e.op == CompareOp::eq || e.op == CompareOp::ne);
  }
  return is_category_in_list(e);
}

Truth evaluate(const Expr& e, std::string_view category) {
  switch (e.kind) {
    case ExprKind::compare:
      if (!constrains_category(e)) return Truth::unknown;
      return truth((category_literal(e)->text == category) == (e.op == CompareOp::eq));
    case ExprKind::in: {
      if (!is_category_in_list(e)) return Truth::unknown;
      const bool member =
          std::any_of(e.values.begin(), e.values.end(), [&](const Operand& v) { return v.text == category; });
      return truth(member != e.negated);
    }
    case ExprKind::like:
    case ExprKind::between: return Truth::unknown;
    case ExprKind::not_: return negate(evaluate(e.children.at(0), category));
    case ExprKind::and_: {
      Truth result = Truth::yes;
      for (const auto& child : e.children) result = std::min(result, evaluate(child, category));
      return result;
    }
    case ExprKind::or_: {
      Truth result = Truth::no;
      for (const auto& child : e.children) result = std::max(result, evaluate(child, category));
      return result;
    }
  }
  return Truth::unknown;
}

void collect_constraints(const Expr& e, std::vector<SourceRange>& out) {
  if (constrains_category(e)) out.push_back(e.range);
  for (const auto& child : e.children) collect_constraints(child, out);
}

}  // namespace

std::vector<std::string> categories_where_allows(const Expr& where,
                                                 const std::vector<std::string>& candidates,
                                                 std::vector<SourceRange>* constraining) {
  std::vector<std::string> allowed;
  for (const auto& category : candidates) {
    if (evaluate(where, category) != Truth::no) allowed.push_back(category);
  }
  if (constraining) collect_constraints(where, *constraining);
  return allowed;
}

}  // namespace tfq::rules
