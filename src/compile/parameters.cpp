// Binding --param values into a where clause as typed literals, never as text: `O'Brien` becomes the string
// O'Brien (printed 'O''Brien'), and `1 OR 1=1` compared with an integer field is an error, not a clause.
#include "compile/parameters.hpp"

#include <charconv>

#include "text/utf8.hpp"

namespace tfq::compile_detail {
namespace {

const Operand* field_of(const Expr& e) {
  if (e.subject.is_field()) return &e.subject;
  for (const auto& value : e.values) {
    if (value.is_field()) return &value;
  }
  return nullptr;
}

enum class IntegerRead { ok, not_integer, out_of_range };

// Decimal digits with an optional '-', as an integer literal in a clause is written.
IntegerRead parse_integer(const std::string& text, std::int64_t& value) {
  if (text.empty() || text[0] == '+') return IntegerRead::not_integer;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ptr != end) return IntegerRead::not_integer;
  if (ec == std::errc::result_out_of_range) return IntegerRead::out_of_range;
  return ec == std::errc() ? IntegerRead::ok : IntegerRead::not_integer;
}

}  // namespace

const std::string* ParameterBinder::value_of(const std::string& name, SourceRange range,
                                             std::vector<Diagnostic>& diagnostics) {
  const auto it = values_.find(name);
  if (it == values_.end()) {
    auto& d = diagnostics.emplace_back(
        make_diagnostic(Code::parameter_unbound, range, "parameter ':" + name + "' is not bound"));
    d.help = "bind it with --param " + name + "=VALUE";
    return nullptr;
  }
  used_.insert(name);
  if (utf8::first_invalid(it->second) < it->second.size()) {
    diagnostics.push_back(make_diagnostic(Code::parameter_bad_value, range,
                                          "the value of parameter ':" + name + "' is not valid UTF-8"));
    return nullptr;
  }
  return &it->second;
}

bool ParameterBinder::bind_operand(Operand& operand, const Operand* field,
                                   std::vector<Diagnostic>& diagnostics) {
  if (operand.kind != Operand::Kind::parameter) return true;
  if (!required_ && !values_.contains(operand.text)) {
    placeholders_ = true;
    return true;
  }
  const std::string* value = value_of(operand.text, operand.range, diagnostics);
  if (!value) return false;
  const FieldInfo* info = field ? catalog_.find(field->text) : nullptr;
  if (info && info->type == FieldType::integer) {
    std::int64_t number = 0;
    if (const IntegerRead read = parse_integer(*value, number); read != IntegerRead::ok) {
      const bool too_large = read == IntegerRead::out_of_range;
      auto& d = diagnostics.emplace_back(
          make_diagnostic(Code::parameter_bad_value, operand.range,
                          "parameter ':" + operand.text + "' is compared with the integer field '" +
                              info->name + "', but its value '" + *value +
                              (too_large ? "' does not fit in 64 bits" : "' is not an integer")));
      d.help = too_large ? "integers range from -9223372036854775808 to 9223372036854775807"
                         : "bind it to a whole number, such as --param " + operand.text + "=1";
      return false;
    }
    operand.kind = Operand::Kind::integer;
    operand.text = std::to_string(number);
    return true;
  }
  operand.kind = Operand::Kind::string;
  operand.text = *value;
  return true;
}

bool ParameterBinder::bind(Expr& expr, std::vector<Diagnostic>& diagnostics) {
  placeholders_ = false;
  return bind_all(expr, diagnostics);
}

bool ParameterBinder::bind_all(Expr& expr, std::vector<Diagnostic>& diagnostics) {
  bool ok = true;
  const Operand* field = field_of(expr);
  // A copy: binding may not change the field operand itself, but bind_operand rewrites operands in place.
  const Operand field_copy = field ? *field : Operand{};
  const Operand* field_ptr = field ? &field_copy : nullptr;
  ok = bind_operand(expr.subject, field_ptr, diagnostics) && ok;
  for (auto& value : expr.values) ok = bind_operand(value, field_ptr, diagnostics) && ok;
  for (auto& child : expr.children) ok = bind_all(child, diagnostics) && ok;
  return ok;
}

void ParameterBinder::report_unused(std::vector<Diagnostic>& diagnostics) const {
  for (const auto& [name, value] : values_) {
    if (used_.contains(name)) continue;
    auto& d = diagnostics.emplace_back(make_diagnostic(
        Code::parameter_unused, {0, 0}, "--param binds '" + name + "', which the file does not use"));
    d.help = "remove --param " + name + ", or use :" + name + " in the file";
  }
}

}  // namespace tfq::compile_detail
