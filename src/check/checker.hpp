// The checker's state and its finding-by-finding helpers, shared by the files of src/check/.
#pragma once

#include <string>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/check.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq::check {

// A literal as written in the where language: 'O''Brien' for O'Brien.
std::string quote(std::string_view value);
bool equal_ignoring_case(std::string_view a, std::string_view b);
// The literal as the user wrote it, for messages: 'text' or 42.
std::string spelled(const Operand& literal);

class Checker {
 public:
  Checker(const Catalog& catalog, const CheckOptions& options, std::vector<Diagnostic>& out)
      : catalog_(catalog), options_(options), out_(out) {}

  // Checks one comparison, LIKE, IN or BETWEEN; `negated` says whether an odd number of NOTs encloses it.
  void check_predicate(const Expr& predicate, bool negated);

 private:
  const Catalog& catalog_;
  const CheckOptions& options_;
  std::vector<Diagnostic>& out_;

  // check_where.cpp: one function per predicate kind.
  void check_compare(const Expr& e, bool negated);
  void check_like(const Expr& e, bool negated);
  void check_in(const Expr& e, bool negated);
  void check_between(const Expr& e);
  // The field a predicate's subject names, after reporting a subject that is not a usable field.
  const FieldInfo* subject_field(const Expr& e, std::string_view keyword);
  // Reports an operand that must be a literal but is a field or an unbound parameter; true when it is a
  // literal.
  bool expect_literal(const Operand& value, const Expr& e, std::string_view keyword);

  // check_value.cpp: a literal against the type of its field. `op` is the comparison as the optimizer
  // will see it (flipped, NOT applied; IN elements are `=`, BETWEEN bounds `>=` and `<=`).
  // Returns false when the literal's kind does not fit the field's type (type_mismatch reported).
  bool check_value(const FieldInfo& field, const Operand& literal, CompareOp op);
  void check_date(const FieldInfo& field, const Operand& literal, CompareOp op);
  void check_datetime(const FieldInfo& field, const Operand& literal);
  void check_enum_value(const FieldInfo& field, const Operand& literal);
  void check_month_day(const FieldInfo& field, const Operand& literal, CompareOp op);

  // report.cpp: helpers named after the finding.
  Diagnostic& report(Code code, SourceRange range, std::string message);
  const FieldInfo* resolve_field(const Operand& field);  // nullptr (after reporting) unless a usable field
  void report_unknown_field(const Operand& field);
  void report_metric_in_where(const Operand& field);
  void report_unbound_parameter(const Operand& parameter);
  void report_literal_comparison(const Expr& e, const Operand& left, const Operand& right);
  void report_field_comparison(const Expr& e, const Operand& left, const Operand& right);
  void report_ltgt(const Expr& e);
  void report_type_mismatch(const FieldInfo& field, const Operand& literal);

  // check_like.cpp and check_in.cpp.
  void check_like_pattern(const Operand& pattern);
  void report_like_on_enum(const Expr& e, const FieldInfo& field, bool negated);
  void report_like_on_non_string(const Expr& e, const FieldInfo& field);
  void check_in_elements(const Expr& e, const FieldInfo* field, bool negated);
};

}  // namespace tfq::check
