// a AND (a OR b) => a;  a OR (a AND b) => a
// x IN A AND (x IN B OR c) => x IN A, when A ⊆ B;  x IN A OR (x IN B AND c) => x IN A, when B ⊆ A
// (the inner clause is implied by, or implies, an operand beside it.)
#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

constexpr std::size_t none = SIZE_MAX;

// The operands of an AND (or OR) as facts: their hashes and the set each field is in.
struct Facts {
  const Node& node;
  const Context& context;
  FirstIndex<std::uint64_t> hashes;
  FirstIndex<std::uint32_t> sets;

  Facts(const Node& n, const Context& c) : node(n), context(c) {
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      hashes.add(node.children[i].hash, i);
      if (node.children[i].kind == NodeKind::set) sets.add(node.children[i].field, i);
    }
    hashes.seal();
    sets.seal();
  }

  // In an AND: the operand that implies `term`. In an OR: the operand that `term` implies.
  std::size_t witness(const Node& term) const {
    if (const std::size_t same = hashes.find(term.hash);
        same != none && equivalent(term, node.children[same])) {
      return same;
    }
    if (term.kind == NodeKind::set) {
      const std::size_t sibling = sets.find(term.field);
      if (sibling == none) return none;
      const Sarg& known = node.children[sibling].set;
      const Domain& domain = context.domain(term);
      const bool holds =
          node.kind == NodeKind::and_ ? known.subset_of(term.set, domain) : term.set.subset_of(known, domain);
      return holds ? sibling : none;
    }
    if (term.kind != node.kind) return none;
    // A conjunction inside an OR inside an AND is implied when each of its conjuncts is (and dually).
    std::size_t first = none;
    for (const Node& part : term.children) {
      const std::size_t w = witness(part);
      if (w == none) return none;
      if (first == none) first = w;
    }
    return first;
  }
};

}  // namespace

bool absorb(Node& node, Context& context) {
  if (!node.is_compound()) return false;
  const NodeKind inner = node.kind == NodeKind::and_ ? NodeKind::or_ : NodeKind::and_;
  if (count_kind(node, inner) == 0) return false;
  for (Node& child : node.children) {
    if (!child.normalized) child.hash = node_hash(child);
  }
  const Facts facts(node, context);
  Flags absorbed = no_flags(node.children.size());
  bool fired = false;
  for (std::size_t c = 0; c < node.children.size(); ++c) {
    const Node& clause = node.children[c];
    if (clause.kind != inner) continue;
    for (const Node& term : clause.children) {
      const std::size_t w = facts.witness(term);
      if (w == none) continue;
      const bool conjunction = node.kind == NodeKind::and_;
      const NamedAtom witness = name_atom(node.children[w], context);
      report_against(context, Code::redundant_predicate, shown(clause),
                     quote(shown(clause)) + " is redundant: " +
                         (conjunction ? witness.text + " implies it" : "it implies " + witness.text),
                     witness, conjunction ? "implies it" : "implied by it");
      absorbed[c] = fired = true;
      break;
    }
  }
  if (!fired) return false;
  drop_children(node, absorbed);
  return true;
}

}  // namespace tfq::opt
