// Exhaustive truth tables over a tiny domain with NULL: every predicate on four small fields (an enum
// and a string that can be NULL, an integer that cannot and one that can), alone, negated, and in every
// AND/OR pair and many triples, against every row of the domain. Each rule sees its corner cases here.
#include <catch2/catch.hpp>

#include "optimize/driver.hpp"
#include "support/clauses.hpp"
#include "support/evaluator.hpp"
#include "support/optimize_support.hpp"
#include "tfq/print.hpp"

using namespace tfq;
using namespace tfq::test;

namespace {

opt::Fields tiny_fields() {
  opt::Fields fields;
  fields.add("e", opt::Domain{opt::DomainKind::enumeration, true, {"Borrowed", "Normal"}});
  fields.add("n", opt::Domain{opt::DomainKind::integer, false, {}});
  fields.add("m", opt::Domain{opt::DomainKind::integer, true, {}});
  fields.add("s", opt::Domain{opt::DomainKind::string, true, {}});
  return fields;
}

// Every row: each field takes every value that matters around the literals below, or NULL.
std::vector<Row> every_row() {
  const std::vector<std::optional<FieldValue>> e = {std::nullopt, "Borrowed", "Normal"};
  const std::vector<std::optional<FieldValue>> n = {0, 1, 2, 3, 4};
  const std::vector<std::optional<FieldValue>> m = {std::nullopt, 0, 1, 2, 3};
  const std::vector<std::optional<FieldValue>> s = {std::nullopt, "", "a", "ab", "b"};
  std::vector<Row> rows;
  for (const auto& ev : e)
    for (const auto& nv : n)
      for (const auto& mv : m)
        for (const auto& sv : s) rows.push_back(Row{{"e", ev}, {"n", nv}, {"m", mv}, {"s", sv}});
  return rows;
}

std::vector<Expr> every_predicate() {
  std::vector<Expr> out;
  for (int o = 0; o < 6; ++o) {
    const auto op = static_cast<CompareOp>(o);
    for (const char* v : {"Borrowed", "Normal"}) out.push_back(cmp(field("e"), op, lit(v)));
    for (int v : {1, 3}) out.push_back(cmp(field("n"), op, lit(v)));
    out.push_back(cmp(field("m"), op, lit(2)));
    for (const char* v : {"a", "ab"}) out.push_back(cmp(field("s"), op, lit(v)));
  }
  out.push_back(in(field("e"), {lit("Normal")}));
  out.push_back(in(field("e"), {lit("Normal"), lit("Borrowed")}, true));
  out.push_back(in(field("n"), {lit(1), lit(2)}));
  out.push_back(in(field("m"), {lit(1), lit(3)}, true));
  out.push_back(in(field("s"), {lit("a"), lit("b")}));
  out.push_back(between(field("n"), lit(1), lit(3)));
  out.push_back(between(field("m"), lit(1), lit(2), true));
  for (const char* p : {"a%", "%b", "_", "ab"}) {
    out.push_back(like(field("s"), p));
    out.push_back(like(field("s"), p, true));
  }
  out.push_back(cmp(lit(1), CompareOp::lt, lit(2)));
  return out;
}

void require_same_rows(const Expr& clause, const opt::Fields& fields, const std::vector<Row>& rows) {
  const OptimizeResult result = opt::optimize(clause, fields);
  INFO("clause: " << print_where(clause) << "\noptimized: " << result.where);
  for (const Row& row : rows) {
    INFO("row " << describe_row(row));
    REQUIRE(selects(clause, row) == result_selects(result, row));
  }
  if (result.outcome == Outcome::clause) REQUIRE(opt::optimize(*result.expr, fields).where == result.where);
}

}  // namespace

TEST_CASE("every predicate and every pair agree with the original on every row", "[optimize][truth]") {
  const opt::Fields fields = tiny_fields();
  const std::vector<Row> rows = every_row();
  const std::vector<Expr> predicates = every_predicate();
  for (const Expr& p : predicates) {
    require_same_rows(p, fields, rows);
    require_same_rows(not_(p), fields, rows);
  }
  for (const Expr& a : predicates) {
    for (const Expr& b : predicates) {
      require_same_rows(all({a, b}), fields, rows);
      require_same_rows(any({a, b}), fields, rows);
      require_same_rows(not_(any({a, not_(b)})), fields, rows);
    }
  }
}

TEST_CASE("triples of predicates in both nestings agree on every row", "[optimize][truth]") {
  const opt::Fields fields = tiny_fields();
  const std::vector<Row> rows = every_row();
  const std::vector<Expr> predicates = every_predicate();
  // Every third predicate keeps this to a few thousand clauses while covering each field and form.
  std::vector<Expr> some;
  for (std::size_t i = 0; i < predicates.size(); i += 3) some.push_back(predicates[i]);
  for (const Expr& a : some) {
    for (const Expr& b : some) {
      for (const Expr& c : some) {
        require_same_rows(all({a, any({b, c})}), fields, rows);
        require_same_rows(any({a, all({b, c})}), fields, rows);
      }
    }
  }
}
