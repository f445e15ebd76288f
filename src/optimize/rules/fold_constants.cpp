// a AND FALSE => FALSE;  a AND TRUE => a;  a OR TRUE => TRUE;  a OR FALSE => a;
// an AND or OR of one operand is that operand; AND of nothing is TRUE, OR of nothing is FALSE.
#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool fold_constants(Node& node, Context& context) {
  if (!node.is_compound()) return false;
  // The constant that decides the whole node (FALSE in an AND), and the one that drops out (TRUE).
  const NodeKind decisive = node.kind == NodeKind::and_ ? NodeKind::false_ : NodeKind::true_;
  const NodeKind neutral = node.kind == NodeKind::and_ ? NodeKind::true_ : NodeKind::false_;
  for (Node& child : node.children) {
    if (child.kind == decisive) {
      Node decided = std::move(child);
      node = std::move(decided);
      return true;
    }
  }
  if (node.children.size() == 1) {
    Node only = std::move(node.children.front());
    node = std::move(only);
    return true;
  }
  std::size_t neutrals = 0;
  for (const Node& child : node.children) neutrals += child.kind == neutral;
  if (neutrals == 0 && !node.children.empty()) return false;
  if (neutrals == node.children.size()) {
    // Every operand is the neutral constant: so is the node, for all of their reasons.
    Origins origins;
    bool reported = !node.children.empty();
    for (Node& child : node.children) {
      origins.append(child.origins.begin(), child.origins.end());
      reported = reported && child.reported;
    }
    Node constant = make_constant(neutral == NodeKind::true_, std::move(origins));
    constant.reported = reported;
    node = std::move(constant);
    return true;
  }
  // Dropped in place: a copy of the operands would double the memory of a clause of 100,000 of them.
  Flags dropped = no_flags(node.children.size());
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const Node& child = node.children[i];
    if (child.kind != neutral) continue;
    if (!child.reported) report_constant(context, child, Where::dropped);
    dropped[i] = true;
  }
  drop_children(node, dropped);
  return true;
}

}  // namespace tfq::opt
