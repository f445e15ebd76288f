// IN lists: not empty, one kind of literal, no value twice, and each element checked against the field.
#include <unordered_map>

#include "check/checker.hpp"

namespace tfq::check {

void Checker::check_in_elements(const Expr& e, const FieldInfo* field, bool negated) {
  if (e.values.empty()) {
    Diagnostic& d = report(Code::empty_in_list, e.range, "empty IN list");
    d.help = e.negated ? "NOT IN () excludes nothing: leave the condition out"
                       : "IN () matches no row: list a value";
    return;
  }
  const Operand* first_string = nullptr;
  const Operand* first_integer = nullptr;
  bool mismatch = false;
  std::unordered_map<std::string, std::size_t>
      seen;  // "s:text" or "i:value" -> index of the first occurrence
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    const Operand& value = e.values[i];
    if (!expect_literal(value, e, "IN")) continue;
    const bool is_string = value.kind == Operand::Kind::string;
    const Operand*& first_of_kind = is_string ? first_string : first_integer;
    if (first_of_kind == nullptr) first_of_kind = &value;
    const std::string key = is_string ? "s:" + value.text : "i:" + std::to_string(value.integer);
    if (auto [it, fresh] = seen.emplace(key, i); !fresh) {
      Diagnostic& d = report(Code::duplicate_in_element, value.range, spelled(value) + " is listed twice");
      d.labels.push_back({e.values[it->second].range, "first listed here"});
      d.help = "remove the second one";
      d.fixes.push_back({{e.values[i - 1].range.end, value.range.end}, ""});
      continue;
    }
    if (field != nullptr && !check_value(*field, value, negated ? CompareOp::ne : CompareOp::eq))
      mismatch = true;
  }
  // With a known field, the elements of the wrong kind are already type mismatches.
  if (first_string != nullptr && first_integer != nullptr && !mismatch) {
    Diagnostic& d = report(Code::mixed_in_list, {e.values.front().range.begin, e.values.back().range.end},
                           "IN list mixes strings and integers");
    d.labels.push_back({first_string->range, "a string"});
    d.labels.push_back({first_integer->range, "an integer"});
    d.help = "use one kind of literal, as the field's type requires";
  }
}

}  // namespace tfq::check
