// a AND a => a;  a OR a => a
// (the same predicate, LIKE or sub-clause, written twice, in any order.)
#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool dedupe(Node& node, Context& context) {
  if (!node.is_compound()) return false;
  for (Node& child : node.children) {
    if (!child.normalized) child.hash = node_hash(child);
  }
  if (node.children.size() <= 16) {
    // Few operands: compare hashes pairwise, without a table.
    bool alike = false;
    for (std::size_t i = 0; i < node.children.size() && !alike; ++i) {
      for (std::size_t j = 0; j < i && !alike; ++j) alike = node.children[i].hash == node.children[j].hash;
    }
    if (!alike) return false;
  }
  FirstIndex<std::uint64_t> first;
  for (std::size_t i = 0; i < node.children.size(); ++i) first.add(node.children[i].hash, i);
  first.seal();
  Flags repeat = no_flags(node.children.size());
  bool fired = false;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    Node& child = node.children[i];
    const std::size_t at = first.find(child.hash);
    if (at == i || !equivalent(child, node.children[at])) continue;
    repeat[i] = fired = true;
    const NamedAtom original = name_atom(node.children[at], context);
    report_against(context, Code::duplicate_predicate, shown(child),
                   name_atom(child, context).text + " repeats " + original.text, original, "first here");
  }
  if (!fired) return false;
  drop_children(node, repeat);
  return true;
}

}  // namespace tfq::opt
