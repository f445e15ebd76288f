// The normalization driver: children first, then every rule in order at the node; when one fires the
// node is revisited (its new children normalized first) until no rule applies. Each rule removes nodes
// or merges predicates, so this ends; the round limit only guards against a rule that would not.
#include "optimize/driver.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

constexpr int max_rounds = 256;

}  // namespace

Node make_constant(bool value, Origins origins) {
  Node node;
  node.kind = value ? NodeKind::true_ : NodeKind::false_;
  node.origins = std::move(origins);
  return node;
}

void decide_set(Node& node, bool value, const Domain& domain) {
  const bool names_clause = node.names_clause;
  Node constant = make_constant(value, std::move(node.origins));
  if (domain.kind == DomainKind::month && constant.origins.size() == 1) {
    constant.field = node.field;
    constant.first_of_month = true;
  }
  constant.names_clause = names_clause;
  node = std::move(constant);
}

void normalize(Node& node, Context& context) {
  if (node.normalized) return;
  const Rule* last_fired = nullptr;
  for (int round = 0; round < max_rounds; ++round) {
    bool children_settled = true;  // no child is new or changed since the last rule fired
    for (Node& child : node.children) {
      children_settled = children_settled && child.normalized;
      normalize(child, context);
    }
    const std::string before = context.trace != nullptr ? describe(node, context.fields) : std::string();
    bool fired = false;
    const RuleTarget target = node.is_compound() ? RuleTarget::and_or : RuleTarget::predicate;
    for (const Rule& rule : normalization_rules()) {
      if (rule.target != target) continue;
      // The rules before it did not fire this round, so the node is the rule's own output: on a clause of
      // 100,000 operands, trying absorb again would cost as much as its first pass, to no effect.
      if (&rule == last_fired && rule.idempotent && children_settled) continue;
      if (!rule.apply(node, context)) continue;
      last_fired = &rule;
      if (context.trace != nullptr) {
        // A rewrite that changes only the working form (two sets merged into one that reads the same)
        // would show as a step that does nothing: the trace keeps the steps a reader can see.
        std::string after = describe(node, context.fields);
        if (after != before) context.trace->push_back({std::string(rule.name), before, std::move(after)});
      }
      fired = true;
      break;
    }
    if (!fired) break;
  }
  node.hash = node_hash(node);
  node.normalized = true;
}

}  // namespace tfq::opt
