// x IN A AND (x IN B OR c) => x IN A AND c, when A ∩ B is empty
// x IN A OR (x IN B AND c) => x IN A OR c, when A ∪ B holds every value and x cannot be NULL
// (inside the AND, x is known to be in A; inside the OR, the inner clause matters only where x is not.)
#include <unordered_map>

#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

// In an AND: whether `term` (an operand of an inner OR) can never hold next to the set `known`.
const Node* conflicting(const Node& term, const std::unordered_map<std::uint32_t, const Node*>& known,
                        const Context& context) {
  if (term.kind == NodeKind::set) {
    const auto sibling = known.find(term.field);
    if (sibling != known.end() && term.set.disjoint(sibling->second->set, context.domain(term)))
      return sibling->second;
    return nullptr;
  }
  if (term.kind != NodeKind::and_) return nullptr;
  for (const Node& part : term.children) {
    if (const Node* sibling = conflicting(part, known, context);
        sibling != nullptr && part.kind == NodeKind::set) {
      return sibling;
    }
  }
  return nullptr;
}

}  // namespace

bool prune_branches(Node& node, Context& context) {
  if (!node.is_compound()) return false;
  const bool conjunction = node.kind == NodeKind::and_;
  const NodeKind inner = conjunction ? NodeKind::or_ : NodeKind::and_;
  if (count_kind(node, inner) == 0 || count_kind(node, NodeKind::set) == 0) return false;
  std::unordered_map<std::uint32_t, const Node*> known;
  for (const Node& child : node.children) {
    if (child.kind == NodeKind::set) known.emplace(child.field, &child);
  }
  if (known.empty()) return false;
  bool fired = false;
  for (Node& clause : node.children) {
    if (clause.kind != inner) continue;
    for (Node& term : clause.children) {
      if (conjunction) {
        const Node* sibling = conflicting(term, known, context);
        if (sibling == nullptr) continue;
        term = make_constant(false, {&shown(term), &shown(*sibling)});
      } else {
        if (term.kind != NodeKind::set) continue;
        const auto sibling = known.find(term.field);
        const Domain& domain = context.domain(term);
        if (sibling == known.end() || domain.nullable ||
            !term.set.complement(domain).subset_of(sibling->second->set, domain)) {  // A ∪ B is everything
          continue;
        }
        const Expr& other = shown(*sibling->second);
        report(context, Code::redundant_predicate, shown(term),
               quote(shown(term)) + " is redundant: it only excludes rows that " + quote(other) + " accepts",
               &other, "accepts the rest");
        term = make_constant(true, {&shown(term)});
        term.reported = true;
      }
      clause.normalized = false;
      fired = true;
    }
  }
  return fired;
}

}  // namespace tfq::opt
