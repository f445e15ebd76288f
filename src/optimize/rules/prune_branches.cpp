// x IN A AND (x IN B OR c) => x IN A AND c, when A ∩ B is empty
// x IN A OR (x IN B AND c) => x IN A OR c, when A ∪ B holds every value and x cannot be NULL
// (inside the AND, x is known to be in A; inside the OR, the inner clause matters only where x is not.)
#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

// The set operand of each field in the AND/OR.
struct KnownSets {
  const Node& node;
  FirstIndex<std::uint32_t> by_field;

  const Node* find(std::uint32_t field) const {
    const std::size_t at = by_field.find(field);
    return at == FirstIndex<std::uint32_t>::none ? nullptr : &node.children[at];
  }
};

// In an AND: whether `term` (an operand of an inner OR) can never hold next to the set `known`.
const Node* conflicting(const Node& term, const KnownSets& known, const Context& context) {
  if (term.kind == NodeKind::set) {
    const Node* sibling = known.find(term.field);
    if (sibling != nullptr && term.set.disjoint(sibling->set, context.domain(term))) return sibling;
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
  KnownSets known{node, {}};
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (node.children[i].kind == NodeKind::set) known.by_field.add(node.children[i].field, i);
  }
  known.by_field.seal();
  bool fired = false;
  for (Node& clause : node.children) {
    if (clause.kind != inner) continue;
    for (Node& term : clause.children) {
      if (conjunction) {
        const Node* sibling = conflicting(term, known, context);
        if (sibling == nullptr) continue;
        term = make_constant(false, conflict_between(term, *sibling));
      } else {
        if (term.kind != NodeKind::set) continue;
        const Node* sibling = known.find(term.field);
        const Domain& domain = context.domain(term);
        if (sibling == nullptr || domain.nullable ||
            !term.set.complement(domain).subset_of(sibling->set, domain)) {  // A ∪ B is everything
          continue;
        }
        const NamedAtom other = name_atom(*sibling, context);
        report_against(context, Code::redundant_predicate, shown(term),
                       name_atom(term, context).text + " is redundant: it only excludes rows that " +
                           other.text + " accepts",
                       other, "accepts the rest");
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
