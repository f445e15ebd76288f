// An evaluator of the where-clause source language under SQL three-valued logic, for tests and fuzzers
// only: the reference the optimizer's rewrites are checked against. It knows nothing of the optimizer:
// integers compare as numbers, strings (dates and enums too, in their ISO or literal spelling) by bytes,
// LIKE matches `%` and `_` per UTF-8 character, and any comparison with NULL is unknown.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>

#include "tfq/ast.hpp"

namespace tfq::test {

enum class Truth { false_, unknown, true_ };

using FieldValue = std::variant<std::int64_t, std::string>;
// A row: field name -> value; a field that is absent or nullopt is NULL.
using Row = std::map<std::string, std::optional<FieldValue>, std::less<>>;

Truth evaluate(const Expr& expr, const Row& row);

// A row is selected when the clause is true (not when it is unknown).
inline bool selects(const Expr& expr, const Row& row) {
  return evaluate(expr, row) == Truth::true_;
}

// LIKE on its own, by dynamic programming over characters (independent of the optimizer's matcher).
bool sql_like(const std::string& value, const std::string& pattern);

}  // namespace tfq::test
