// The working form as text for `tfq explain`: like the canonical clause, with TRUE and FALSE spelled out
// and operands in their current order, so that each rewrite shows what it changed.
#include "optimize/build.hpp"
#include "optimize/canonical.hpp"
#include "tfq/print.hpp"

namespace tfq::opt {
namespace {

std::string describe_in(const Node& node, const Fields& fields, NodeKind parent) {
  switch (node.kind) {
    case NodeKind::true_: return "TRUE";
    case NodeKind::false_: return "FALSE";
    case NodeKind::and_:
    case NodeKind::or_: {
      std::string text;
      for (const Node& child : node.children) {
        if (!text.empty()) text += node.kind == NodeKind::and_ ? " AND " : " OR ";
        text += describe_in(child, fields, node.kind);
      }
      return node.kind == NodeKind::or_ && parent == NodeKind::and_ ? "(" + text + ")" : text;
    }
    case NodeKind::set:
      if (node.set.empty()) return "FALSE";
      [[fallthrough]];
    default: {
      const Expr e = to_expr(node, fields);
      const std::string text = print_where(e);
      return e.kind == ExprKind::or_ && parent == NodeKind::and_ ? "(" + text + ")" : text;
    }
  }
}

}  // namespace

std::string describe(const Node& node, const Fields& fields) {
  return describe_in(node, fields, NodeKind::or_);
}

}  // namespace tfq::opt
