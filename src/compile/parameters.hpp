// Typed parameters of query files: `:name` in a WHERE clause or after INTO, bound by --param name=value.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq::compile_detail {

class ParameterBinder {
 public:
  // With `required` false, a parameter without a value is left in place, silently.
  ParameterBinder(const std::map<std::string, std::string>& values, const Catalog& catalog, bool required)
      : values_(values), catalog_(catalog), required_(required) {}

  // Replaces every parameter operand by a literal of the type of the field it is compared with: an integer
  // field takes an integer, any other field a string (the checker then validates dates and enum values).
  // The value never passes through the parser, so no value can change the clause's structure.
  // False when a parameter is unbound or its value is not a literal of that type.
  bool bind(Expr& expr, std::vector<Diagnostic>& diagnostics);
  // Whether the last bind() left parameters in place (only when they are not required).
  bool left_placeholders() const { return placeholders_; }

  // The value of the parameter after INTO; nullptr (and an error) when it is unbound.
  const std::string* value_of(const std::string& name, SourceRange range,
                              std::vector<Diagnostic>& diagnostics);

  // Bound names that no statement used: each is an error.
  void report_unused(std::vector<Diagnostic>& diagnostics) const;
  std::vector<std::string> used() const { return {used_.begin(), used_.end()}; }

 private:
  const std::map<std::string, std::string>& values_;
  const Catalog& catalog_;
  bool required_;
  bool placeholders_ = false;
  std::set<std::string> used_;

  bool bind_all(Expr& expr, std::vector<Diagnostic>& diagnostics);
  bool bind_operand(Operand& operand, const Operand* field, std::vector<Diagnostic>& diagnostics);
};

}  // namespace tfq::compile_detail
