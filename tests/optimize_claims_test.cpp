// The optimizer's findings state facts about predicates ("`a` is redundant: `b` implies it", "`a`
// conflicts with `b`", "`a` repeats `b`"): over thousands of random clauses, each such claim is checked on
// rows with the reference evaluator. A finding that named one predicate of a merged set alone stated a
// falsehood that no test of the optimized clause could see.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "support/optimize_support.hpp"
#include "support/random_clause.hpp"
#include "tfq/catalog.hpp"
#include "tfq/print.hpp"

using namespace tfq;
using namespace tfq::test;

namespace {

// What a message claims about the two predicates it quotes.
enum class Claim { first_implies_second, second_implies_first, equivalent, disjoint, first_never };

struct Claimed {
  Claim claim;
  std::string first;
  std::string second;
};

// The claim of a message that quotes exactly two whole predicates, or nullopt (a shortened quote, a merged
// condition, "and N more", a claim about one predicate).
std::optional<Claimed> claim_of(const std::string& message) {
  std::vector<std::string> quoted;
  std::vector<std::string> between;  // the text around and between the quotes
  std::size_t at = 0;
  while (true) {
    const std::size_t open = message.find('`', at);
    if (open == std::string::npos) break;
    const std::size_t close = message.find('`', open + 1);
    if (close == std::string::npos) return std::nullopt;
    between.push_back(message.substr(at, open - at));
    quoted.push_back(message.substr(open + 1, close - open - 1));
    at = close + 1;
  }
  between.push_back(message.substr(at));
  if (quoted.size() == 1 && between[1] == " is always false" && quoted[0].find("...") == std::string::npos)
    return Claimed{Claim::first_never, quoted[0], quoted[0]};
  if (quoted.size() != 2) return std::nullopt;
  for (const std::string& q : quoted) {
    if (q.size() >= 3 && q.compare(q.size() - 3, 3, "...") == 0) return std::nullopt;
  }
  if (between[0].find("merged from") != std::string::npos ||
      between[1].find("merged from") != std::string::npos)
    return std::nullopt;
  const std::string& middle = between[1];
  const std::string& tail = between[2];
  if (middle == " is redundant: " && tail == " implies it")
    return Claimed{Claim::second_implies_first, quoted[0], quoted[1]};
  if (middle == " is redundant: it implies " && tail.empty())
    return Claimed{Claim::first_implies_second, quoted[0], quoted[1]};
  if (middle == " is redundant: " &&
      (tail == " already accepts every value it accepts" || tail == " accepts every value it accepts"))
    return Claimed{Claim::first_implies_second, quoted[0], quoted[1]};
  if (middle == " is redundant: every value " && tail == " accepts matches it")
    return Claimed{Claim::second_implies_first, quoted[0], quoted[1]};
  if (middle == " repeats " && tail.empty()) return Claimed{Claim::equivalent, quoted[0], quoted[1]};
  if (middle == " conflicts with " && tail.empty()) return Claimed{Claim::disjoint, quoted[0], quoted[1]};
  return std::nullopt;
}

bool holds(Claim claim, bool first, bool second) {
  switch (claim) {
    case Claim::first_implies_second: return !first || second;
    case Claim::second_implies_first: return !second || first;
    case Claim::equivalent: return first == second;
    case Claim::disjoint: return !(first && second);
    case Claim::first_never: return !first;
  }
  return false;
}

}  // namespace

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
  CHECK_FALSE(claim_of("`a` conflicts with `b` and 2 more"));
  CHECK_FALSE(
      claim_of("`a` is redundant: it implies the condition on x merged from `b` and 1 other predicate"));
  CHECK_FALSE(claim_of("`a long clause...` is redundant: `b` implies it"));
}
