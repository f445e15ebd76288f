// x IN (every value) => TRUE, when x cannot be NULL
// (for a field that can be NULL the set means "x is not NULL" and stays.)
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool full_set(Node& node, Context& context) {
  if (node.kind != NodeKind::set) return false;
  const Fields::Entry& field = context.fields.at(node.field);
  if (field.domain.nullable || !node.set.full(field.domain)) return false;
  const bool names_clause = node.names_clause;
  Node constant = make_constant(true, std::move(node.origins));
  if (field.domain.kind == DomainKind::month && constant.origins.size() == 1) {
    constant.field = node.field;
    constant.first_of_month = true;
  }
  constant.names_clause = names_clause;
  node = std::move(constant);
  return true;
}

}  // namespace tfq::opt
