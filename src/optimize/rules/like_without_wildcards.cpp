// x LIKE 'abc' => x = 'abc';  x NOT LIKE 'abc' => x != 'abc'
// (a pattern without `%` or `_` matches only itself.)
#include "optimize/like.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool like_without_wildcards(Node& node, Context& context) {
  if (node.kind != NodeKind::like || like_has_wildcards(node.pattern())) return false;
  const Domain& domain = context.domain(node);
  node.kind = NodeKind::set;
  node.set = Sarg::compare(domain, node.negated ? CompareOp::ne : CompareOp::eq, node.pattern());
  node.negated = false;
  return true;
}

}  // namespace tfq::opt
