// The checker's walk over the clause and its per-predicate rules: which side is the field, which the
// literal, and what each predicate asks of them.
#include <utility>

#include "check/checker.hpp"

namespace tfq {

std::vector<Diagnostic> check_where(const Expr& expr, const Catalog& catalog, const CheckOptions& options) {
  std::vector<Diagnostic> diagnostics;
  check::Checker checker(catalog, options, diagnostics);
  // An explicit stack, not recursion: no input depth can overflow the call stack. Children are pushed in
  // reverse so that findings come out in source order.
  std::vector<std::pair<const Expr*, bool>> pending;
  pending.reserve(32);  // one allocation for most clauses, rather than one per doubling
  pending.emplace_back(&expr, false);
  while (!pending.empty()) {
    const auto [e, negated] = pending.back();
    pending.pop_back();
    switch (e->kind) {
      case ExprKind::not_:
      case ExprKind::and_:
      case ExprKind::or_: {
        const bool child_negated = e->kind == ExprKind::not_ ? !negated : negated;
        for (auto it = e->children.rbegin(); it != e->children.rend(); ++it)
          pending.emplace_back(&*it, child_negated);
        break;
      }
      default: checker.check_predicate(*e, negated);
    }
  }
  return diagnostics;
}

}  // namespace tfq

namespace tfq::check {

void Checker::check_predicate(const Expr& e, bool negated) {
  switch (e.kind) {
    case ExprKind::compare: check_compare(e, negated); break;
    case ExprKind::like: check_like(e, e.negated != negated); break;
    case ExprKind::in: check_in(e, e.negated != negated); break;
    case ExprKind::between: check_between(e); break;
    default: break;
  }
}

// field op literal, or literal op field (checked as the flipped comparison).
void Checker::check_compare(const Expr& e, bool negated) {
  if (e.values.empty()) return;
  if (e.spelled_ltgt) report_ltgt(e);
  const Operand& left = e.subject;
  const Operand& right = e.values[0];
  const bool left_parameter = left.kind == Operand::Kind::parameter;
  const bool right_parameter = right.kind == Operand::Kind::parameter;
  if (left_parameter || right_parameter) {
    for (const Operand* side : {&left, &right}) {
      if (side->kind == Operand::Kind::parameter && !options_.allow_parameters)
        report_unbound_parameter(*side);
      if (side->is_field()) resolve_field(*side);
    }
    return;
  }
  if (left.is_field() && right.is_field()) {
    report_field_comparison(e, left, right);
    resolve_field(left);
    resolve_field(right);
    return;
  }
  if (left.is_literal() && right.is_literal()) {
    report_literal_comparison(e, left, right);
    return;
  }
  const bool flipped = left.is_literal();
  const Operand& field = flipped ? right : left;
  const Operand& literal = flipped ? left : right;
  CompareOp op = flipped ? flip(e.op) : e.op;
  if (negated) op = negate(op);
  if (const FieldInfo* info = resolve_field(field)) check_value(*info, literal, op);
}

// field [NOT] LIKE 'pattern'
void Checker::check_like(const Expr& e, bool negated) {
  const FieldInfo* field = subject_field(e, "LIKE");
  if (e.values.empty() || !expect_literal(e.values[0], e, "LIKE")) return;
  const Operand& pattern = e.values[0];
  if (field == nullptr) {
    if (e.subject.is_field() && pattern.kind == Operand::Kind::string) check_like_pattern(pattern);
    return;
  }
  if (field->type == FieldType::enumeration) {
    report_like_on_enum(e, *field, negated);
  } else if (field->type != FieldType::string) {
    report_like_on_non_string(e, *field);
  } else if (check_value(*field, pattern, CompareOp::eq)) {
    check_like_pattern(pattern);
  }
}

// field [NOT] IN (literal, ...)
void Checker::check_in(const Expr& e, bool negated) {
  const FieldInfo* field = subject_field(e, "IN");
  if (!e.subject.is_field() && e.subject.kind != Operand::Kind::parameter) return;
  check_in_elements(e, field, negated);
}

// field [NOT] BETWEEN low AND high: two bounds, `>=` and `<=` (rounding does not depend on NOT).
void Checker::check_between(const Expr& e) {
  const FieldInfo* field = subject_field(e, "BETWEEN");
  if (e.values.size() != 2) return;
  const bool low_ok = expect_literal(e.values[0], e, "BETWEEN");
  const bool high_ok = expect_literal(e.values[1], e, "BETWEEN");
  if (field == nullptr) return;
  if (low_ok) check_value(*field, e.values[0], CompareOp::ge);
  if (high_ok) check_value(*field, e.values[1], CompareOp::le);
}

const FieldInfo* Checker::subject_field(const Expr& e, std::string_view keyword) {
  const Operand& subject = e.subject;
  if (subject.kind == Operand::Kind::parameter) {
    if (!options_.allow_parameters) report_unbound_parameter(subject);
    return nullptr;
  }
  if (subject.is_literal()) {
    Diagnostic& d =
        report(Code::literal_comparison, subject.range,
               "the left-hand side of " + std::string(keyword) + " must be a field, not a literal");
    d.help = "write the field first: field " + std::string(keyword) + " ...";
    return nullptr;
  }
  return resolve_field(subject);
}

bool Checker::expect_literal(const Operand& value, const Expr& e, std::string_view keyword) {
  if (value.is_literal()) return true;
  if (value.kind == Operand::Kind::parameter) {
    if (!options_.allow_parameters) report_unbound_parameter(value);
    return false;
  }
  Diagnostic& d =
      report(Code::field_comparison, value.range,
             std::string(keyword) + " compares '" + e.subject.text + "' with field '" + value.text + "'");
  d.help = "the server compares a field only with literals";
  resolve_field(value);
  return false;
}

}  // namespace tfq::check
