// The optimizer's findings state facts about predicates ("`a` is redundant: `b` implies it", "`a`
// conflicts with `b`", "`a` repeats `b`"): over thousands of random clauses, each such claim is checked on
// rows with the reference evaluator. A finding that named one predicate of a merged set alone stated a
// falsehood that no test of the optimized clause could see.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/finding_claims.hpp"
#include "support/optimize_support.hpp"
#include "support/random_clause.hpp"
#include "tfq/catalog.hpp"
#include "tfq/print.hpp"

using namespace tfq;
using namespace tfq::test;

TEST_CASE("every claim a finding makes about two predicates holds on every row", "[optimize][property]") {
  ClauseGenerator generator(gen_fields(Catalog::builtin()), 20261205);
  constexpr int clauses = 4000;
  int checked = 0;
  for (int n = 0; n < clauses; ++n) {
    const Expr clause = generator.clause(1 + n % 4);
    const std::vector<Row> rows = generator.rows(clause, 48);
    INFO("clause #" << n << ": " << print_where(clause));
    const OptimizeResult result = optimize_where(clause, Catalog::builtin());
    for (const Diagnostic& d : result.diagnostics) {
      const std::optional<Claimed> claimed = claim_of(d.message);
      if (!claimed) continue;
      INFO("finding: " << d.message);
      const Expr first = parse_clause(claimed->first);
      const Expr second = parse_clause(claimed->second);
      for (const Row& row : rows) {
        INFO("row " << describe_row(row));
        REQUIRE(holds(claimed->claim, selects(first, row), selects(second, row)));
      }
      ++checked;
    }
  }
  // The random clauses do make such claims, of every kind.
  CHECK(checked > clauses / 10);
}

TEST_CASE("claims are read from the messages the optimizer writes", "[optimize][property]") {
  const auto implied = claim_of("`x = 1` is redundant: `x = 1 AND y = 2` implies it");
  REQUIRE(implied);
  CHECK(implied->claim == Claim::second_implies_first);
  CHECK(implied->first == "x = 1");
  CHECK(implied->second == "x = 1 AND y = 2");
  CHECK(claim_of("`a` is redundant: it implies `b`")->claim == Claim::first_implies_second);
  CHECK(claim_of("`a` repeats `b`")->claim == Claim::equivalent);
  CHECK(claim_of("this part can never match: `a` conflicts with `b`")->claim == Claim::disjoint);
  CHECK(claim_of("this part can never match: `a` is always false")->claim == Claim::first_never);
  CHECK(claim_of("this part filters nothing: `a` is always true")->claim == Claim::first_always);
  CHECK(claim_of("the clause is always true: `a` and `b` together accept every value")->claim ==
        Claim::either);
  CHECK(claim_of("`a` is redundant: it only excludes rows that `b` accepts")->claim == Claim::either);
  CHECK_FALSE(claim_of("`a` conflicts with `b` and 2 more"));
  CHECK_FALSE(
      claim_of("`a` is redundant: it implies the condition on x merged from `b` and 1 other predicate"));
  CHECK_FALSE(claim_of("`a long clause...` is redundant: `b` implies it"));
}
