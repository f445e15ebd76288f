// x IN () => FALSE
// (a Sarg with no value matches no row: `usageMonth = '2017-10-15'` is one, as usageMonth is always a 1st.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool empty_set(Node& node, Context& context) {
  if (node.kind != NodeKind::set || !node.set.empty()) return false;
  decide_set(node, false, context.domain(node));
  return true;
}

}  // namespace tfq::opt
