// The lowering driver: tries the lowering rules at each node, top-down, so that a NOT is pushed all the
// way down before the predicates under it are rewritten.
#include "optimize/driver.hpp"
#include "optimize/rules/rules.hpp"
#include "tfq/print.hpp"

namespace tfq::opt {
namespace {

// Each rule removes a NOT, a BETWEEN, a `<>` or a flipped literal: a node settles in a few rounds.
constexpr int max_rounds = 64;

void lower_node(Expr& expr, const Fields& fields, std::vector<RewriteStep>* trace) {
  for (int round = 0; round < max_rounds; ++round) {
    const std::string before = trace != nullptr ? print_where(expr) : std::string();
    bool fired = false;
    for (const LowerRule& rule : lowering_rules()) {
      if (!rule.apply(expr, fields)) continue;
      if (trace != nullptr) trace->push_back({std::string(rule.name), before, print_where(expr)});
      fired = true;
      break;
    }
    if (!fired) break;
  }
  for (Expr& child : expr.children) lower_node(child, fields, trace);
}

}  // namespace

Expr lower(const Expr& clause, const Fields& fields, std::vector<RewriteStep>* trace) {
  Expr lowered = clause;
  lower_node(lowered, fields, trace);
  return lowered;
}

}  // namespace tfq::opt
