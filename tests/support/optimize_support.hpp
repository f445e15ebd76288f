// Helpers for the optimizer's tests: parse a clause with the real parser and optimize it against the
// built-in catalog, and compare two clauses row by row with the reference evaluator.
#pragma once

#include <string>
#include <vector>

#include "support/evaluator.hpp"
#include "tfq/optimize.hpp"

namespace tfq::test {

// Parses `where` (which must be valid syntax) into an AST.
Expr parse_clause(const std::string& where);

struct Optimized {
  Expr input;
  OptimizeResult result;
};

// parse_clause, then optimize_where with the built-in catalog (no checker: tests also feed clauses the
// checker would reject, to show the optimizer stays correct on them).
Optimized optimize_clause(const std::string& where, bool trace = false);

// The first row on which `a` and `b` select differently, or nullptr.
const Row* first_difference(const Expr& a, const Expr& b, const std::vector<Row>& rows);

// What an optimizer result selects on a row.
bool result_selects(const OptimizeResult& result, const Row& row);

// A row as text, for failure messages.
std::string describe_row(const Row& row);

}  // namespace tfq::test
