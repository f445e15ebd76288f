// The checker's findings that concern operands as a whole: unknown fields, metrics, parameters, and
// comparisons that do not have exactly one field.
#include <algorithm>
#include <cctype>

#include "check/checker.hpp"

namespace tfq::check {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string quote(std::string_view value) {
  std::string out = "'";
  for (char c : value) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string spelled(const Operand& literal) {
  return literal.kind == Operand::Kind::integer ? std::to_string(literal.integer_value())
                                                : quote(literal.text);
}

Diagnostic& Checker::report(Code code, SourceRange range, std::string message) {
  out_.push_back(make_diagnostic(code, range, std::move(message)));
  return out_.back();
}

const FieldInfo* Checker::resolve_field(const Operand& field) {
  const FieldInfo* info = catalog_.find(field.text);
  if (info == nullptr) {
    report_unknown_field(field);
    return nullptr;
  }
  if (info->metric) {
    report_metric_in_where(field);
    return nullptr;
  }
  return info;
}

void Checker::report_unknown_field(const Operand& field) {
  std::vector<std::string_view> fields;
  for (const FieldInfo& entry : catalog_.entries()) {
    if (!entry.metric) fields.push_back(entry.name);
  }
  const std::string suggestion = closest_name(field.text, fields);
  Diagnostic& d = report(Code::unknown_field, field.range, "unknown field '" + field.text + "'");
  if (suggestion.empty()) {
    d.help =
        "if the server has a field '" + field.text + "', add it to a catalog file and pass --catalog FILE";
    d.notes.push_back("`tfq catalog` lists the known fields");
    return;
  }
  d.help = equal_ignoring_case(suggestion, field.text)
               ? "field names are case-sensitive: did you mean '" + suggestion + "'?"
               : "did you mean '" + suggestion + "'?";
  d.fixes.push_back({field.range, suggestion});
}

// The server documents '!=' and not '<>'; tfq sends '!=' either way, and --fix respells the source.
void Checker::report_ltgt(const Expr& e) {
  Diagnostic& d = report(Code::ltgt_operator, e.op_range, "'<>' is sent as '!='");
  d.help = "write '!=', the operator the server documents";
  d.fixes.push_back({e.op_range, "!="});
}

void Checker::report_metric_in_where(const Operand& field) {
  Diagnostic& d = report(Code::metric_in_where, field.range,
                         "'" + field.text + "' is a metric, and where filters only fields");
  d.help = "request it under \"metrics\"; a where clause can only name fields";
}

void Checker::report_unbound_parameter(const Operand& parameter) {
  Diagnostic& d =
      report(Code::unbound_parameter, parameter.range, "parameter ':" + parameter.text + "' has no value");
  d.help = "give it one with --param " + parameter.text + "=VALUE";
}

void Checker::report_literal_comparison(const Expr& e, const Operand& left, const Operand& right) {
  Diagnostic& d = report(Code::literal_comparison, e.range,
                         "comparison between two literals, " + spelled(left) + " and " + spelled(right));
  if (left.kind != right.kind) {
    d.help = "compare a field with a literal";
  } else if (literal_comparison_holds(left, e.op, right)) {
    d.help = "it is always true: leave the where clause (or this condition) out to select every row";
  } else {
    d.help = "it is always false: no row can match";
  }
}

void Checker::report_field_comparison(const Expr& e, const Operand& left, const Operand& right) {
  Diagnostic& d = report(Code::field_comparison, e.range,
                         "comparison between two fields, '" + left.text + "' and '" + right.text + "'");
  d.help = "the server compares a field only with literals";
}

void Checker::report_type_mismatch(const FieldInfo& field, const Operand& literal) {
  const bool is_integer = literal.kind == Operand::Kind::integer;
  const std::string type = field.type == FieldType::enumeration ? "enum" : std::string(to_string(field.type));
  const std::string article = type == "integer" || type == "enum" ? "an " : "a ";
  Diagnostic& d = report(Code::type_mismatch, literal.range,
                         "'" + field.name + "' is " + article + type + " field, but " + spelled(literal) +
                             " is " + (is_integer ? "an integer" : "a string"));
  if (is_integer && field.type == FieldType::string) {
    d.help = "quote it: " + quote(literal.text);
    d.fixes.push_back({literal.range, quote(literal.text)});
  }
}

}  // namespace tfq::check
