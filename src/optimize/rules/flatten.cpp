// a AND (b AND c) => a AND b AND c;  a OR (b OR c) => a OR b OR c
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool flatten(Node& node, Context&) {
  if (!node.is_compound()) return false;
  bool nested = false;
  for (const Node& child : node.children) nested = nested || child.kind == node.kind;
  if (!nested) return false;
  std::vector<Node> flat;
  flat.reserve(node.children.size());
  for (Node& child : node.children) {
    if (child.kind == node.kind) {
      for (Node& grandchild : child.children) flat.push_back(std::move(grandchild));
    } else {
      flat.push_back(std::move(child));
    }
  }
  node.children = std::move(flat);
  return true;
}

}  // namespace tfq::opt
