// Parsing and optimizing clauses for tests, and comparing clauses row by row.
#include "support/optimize_support.hpp"

#include <catch2/catch.hpp>

#include "tfq/catalog.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"

namespace tfq::test {

Expr parse_clause(const std::string& where) {
  const Source source("<test>", where);
  ParseResult parsed = parse_where(source);
  INFO("clause: " << where);
  REQUIRE(parsed.expr);
  return std::move(*parsed.expr);
}

Optimized optimize_clause(const std::string& where, bool trace) {
  Optimized out{parse_clause(where), {}};
  out.result = optimize_where(out.input, Catalog::builtin(), OptimizeOptions{trace});
  return out;
}

bool result_selects(const OptimizeResult& result, const Row& row) {
  switch (result.outcome) {
    case Outcome::always_true: return true;
    case Outcome::always_false: return false;
    case Outcome::clause: return selects(*result.expr, row);
  }
  return false;
}

const Row* first_difference(const Expr& a, const Expr& b, const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    if (selects(a, row) != selects(b, row)) return &row;
  }
  return nullptr;
}

std::string describe_row(const Row& row) {
  std::string out = "{";
  for (const auto& [name, value] : row) {
    if (out.size() > 1) out += ", ";
    out += name + ": ";
    if (!value) {
      out += "NULL";
    } else if (const auto* n = std::get_if<std::int64_t>(&*value)) {
      out += std::to_string(*n);
    } else {
      out += quote_string(std::get<std::string>(*value));
    }
  }
  return out + "}";
}

}  // namespace tfq::test
