// x IN (every value) => TRUE, when x cannot be NULL
// (for a field that can be NULL the set means "x is not NULL" and stays.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool full_set(Node& node, Context& context) {
  if (node.kind != NodeKind::set) return false;
  const Domain& domain = context.domain(node);
  if (domain.nullable || !node.set.full(domain)) return false;
  decide_set(node, true, domain);
  return true;
}

}  // namespace tfq::opt
