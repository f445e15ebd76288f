// IN lists: not empty, one kind of literal, no value twice, and each element checked against the field.
#include <algorithm>
#include <span>
#include <tuple>

#include "check/checker.hpp"
#include "tfq/small_vector.hpp"

namespace tfq::check {

namespace {

bool same_literal(const Operand& a, const Operand& b) {
  if (a.kind != b.kind || !a.is_literal()) return false;
  return a.kind == Operand::Kind::string ? a.text == b.text : a.integer_value() == b.integer_value();
}

// For each element, the index of an earlier literal element with the same kind and value (itself when
// there is none). A short list compares every pair; a longer one sorts the elements by (kind, value,
// index) once, rather than building a hash table of keys. Inline for the short lists almost every IN has.
using Indexes = SmallVector<std::size_t, 16>;

Indexes first_occurrences(std::span<const Operand> values) {
  Indexes first;
  first.assign(values.size(), 0);
  constexpr std::size_t max_pairwise = 8;
  if (values.size() <= max_pairwise) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      first[i] = i;
      for (std::size_t j = 0; j < i; ++j) {
        if (same_literal(values[j], values[i])) {
          first[i] = first[j];
          break;
        }
      }
    }
    return first;
  }
  Indexes order;
  order.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    first[i] = i;
    if (values[i].is_literal()) order.push_back(i);
  }
  auto key = [&](std::size_t i) {
    const Operand& v = values[i];
    const bool is_string = v.kind == Operand::Kind::string;
    return std::make_tuple(is_string, is_string ? std::int64_t{0} : v.integer_value(),
                           is_string ? std::string_view(v.text) : std::string_view(), i);
  };
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (same_literal(values[order[k - 1]], values[order[k]])) first[order[k]] = first[order[k - 1]];
  }
  return first;
}

}  // namespace

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
  const Indexes first = first_occurrences(e.values);
  for (std::size_t i = 0; i < e.values.size(); ++i) {
    const Operand& value = e.values[i];
    if (!expect_literal(value, e, "IN")) continue;
    const bool is_string = value.kind == Operand::Kind::string;
    const Operand*& first_of_kind = is_string ? first_string : first_integer;
    if (first_of_kind == nullptr) first_of_kind = &value;
    if (first[i] != i) {
      Diagnostic& d = report(Code::duplicate_in_element, value.range, spelled(value) + " is listed twice");
      d.labels.push_back({e.values[first[i]].range, "first listed here"});
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
