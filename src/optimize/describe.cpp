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
      // Parentheses where the printer would put them: an OR inside an AND, and a nested AND or OR that
      // flatten has not merged yet.
      const bool parens = (node.kind == NodeKind::or_ && parent == NodeKind::and_) || node.kind == parent;
      return parens ? "(" + text + ")" : text;
    }
    case NodeKind::set:
      // An empty set has no spelling: show the predicate it came from.
      if (node.set.empty()) return node.origins.empty() ? "FALSE" : print_where(*node.origins.front());
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
