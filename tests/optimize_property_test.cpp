// Property tests over thousands of random clauses (fixed seed) and rows with NULLs and values at and
// around every literal: the optimized clause selects exactly the rows the original selects, printing and
// re-optimizing it changes nothing, and it is in the server's dialect.
#include <catch2/catch.hpp>

#include "support/optimize_support.hpp"
#include "support/random_clause.hpp"
#include "tfq/catalog.hpp"
#include "tfq/print.hpp"

using namespace tfq;
using namespace tfq::test;

namespace {

bool has_not_like_error(const OptimizeResult& result) {
  for (const Diagnostic& d : result.diagnostics) {
    if (d.code == Code::not_like_unsupported) return true;
  }
  return false;
}

// The server's dialect: no NOT (NOT LIKE only with its error), no BETWEEN, no `<>`, no literal on the left.
void require_dialect(const Expr& e, bool not_like_allowed) {
  REQUIRE(e.kind != ExprKind::not_);
  REQUIRE(e.kind != ExprKind::between);
  REQUIRE_FALSE(e.spelled_ltgt);
  if (e.kind == ExprKind::in) REQUIRE_FALSE(e.negated);
  if (e.kind == ExprKind::like && e.negated) REQUIRE(not_like_allowed);
  if (e.kind == ExprKind::compare) REQUIRE(e.subject.is_field());
  for (const Expr& c : e.children) require_dialect(c, not_like_allowed);
}

}  // namespace

TEST_CASE("random clauses and their optimized forms select the same rows", "[optimize][property]") {
  ClauseGenerator generator(gen_fields(Catalog::builtin()), 20240611);
  constexpr int clauses = 4000;
  int contradictions = 0, tautologies = 0;
  for (int n = 0; n < clauses; ++n) {
    const Expr clause = generator.clause(1 + n % 4);
    const std::string original = print_where(clause);
    INFO("clause #" << n << ": " << original);
    const OptimizeResult result = optimize_where(clause, Catalog::builtin());
    INFO("optimized: " << result.where);
    contradictions += result.outcome == Outcome::always_false;
    tautologies += result.outcome == Outcome::always_true;
    // What tfq lint asks for: the same outcome and findings, without the clause.
    const OptimizeResult findings = optimize_where(clause, Catalog::builtin(), {.findings_only = true});
    REQUIRE(findings.outcome == result.outcome);
    REQUIRE((!findings.expr && findings.where.empty()));
    REQUIRE(findings.diagnostics.size() == result.diagnostics.size());
    for (std::size_t i = 0; i < findings.diagnostics.size(); ++i) {
      REQUIRE(findings.diagnostics[i].code == result.diagnostics[i].code);
      REQUIRE(findings.diagnostics[i].range == result.diagnostics[i].range);
      REQUIRE(findings.diagnostics[i].message == result.diagnostics[i].message);
    }
    for (const Row& row : generator.rows(clause, 48)) {
      INFO("row " << describe_row(row));
      REQUIRE(selects(clause, row) == result_selects(result, row));
    }
    if (result.outcome != Outcome::clause) continue;
    require_dialect(*result.expr, has_not_like_error(result));
    // Idempotent, byte for byte: through the printer and the parser, and straight from the AST.
    const Optimized again = optimize_clause(result.where);
    REQUIRE(again.result.where == result.where);
    REQUIRE(optimize_where(*result.expr, Catalog::builtin()).where == result.where);
  }
  // The generator does reach the interesting outcomes.
  CHECK(contradictions > clauses / 100);
  CHECK(tautologies > clauses / 200);
}

TEST_CASE("equivalent spellings of a clause print byte-identically", "[optimize][property]") {
  const char* const groups[][4] = {
      {"contractYear = 1 AND userName = 'a'", "userName = 'a' and contractYear = 1",
       "((userName = 'a')) AND (contractYear = 1 AND contractYear = 1)",
       "1 = contractYear AND 'a' = userName"},
      {"productName IN ('b', 'a')", "productName = 'a' OR productName = 'b'",
       "productName IN ('a', 'b', 'a')", "(productName = 'b') or productName IN ('a')"},
      {"usageDate >= '2018-01-01' AND usageDate < '2018-02-01'",
       "usageDate BETWEEN '2018-01-01' AND '2018-01-31'",
       "NOT (usageDate < '2018-01-01' OR usageDate >= '2018-02-01')",
       "usageDate > '2017-12-31' AND usageDate <= '2018-01-31' AND usageDate >= '2017-06-01'"},
      {"contractYear != 3", "contractYear <> 3", "NOT contractYear = 3",
       "contractYear < 3 OR contractYear >= 4"},
  };
  for (const auto& group : groups) {
    const std::string first = optimize_clause(group[0]).result.where;
    for (const char* spelling : group) {
      INFO(spelling);
      CHECK(optimize_clause(spelling).result.where == first);
    }
  }
}
