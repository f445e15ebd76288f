// x IN () => FALSE
// (a Sarg with no value matches no row: `usageMonth = '2017-10-15'` is one, as usageMonth is always a 1st.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool empty_set(Node& node, Context& context) {
  if (node.kind != NodeKind::set || !node.set.empty()) return false;
  const Fields::Entry& field = context.fields.at(node.field);
  const bool names_clause = node.names_clause;
  Node constant = make_constant(false, std::move(node.origins));
  if (field.domain.kind == DomainKind::month && constant.origins.size() == 1) {
    constant.field = node.field;
    constant.first_of_month = true;
  }
  constant.names_clause = names_clause;
  node = std::move(constant);
  return true;
}

}  // namespace tfq::opt
