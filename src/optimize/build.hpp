// Building the optimizer's working form from a lowered clause, and turning it back into a clause.
#pragma once

#include <forward_list>
#include <vector>

#include "optimize/ir.hpp"

namespace tfq::opt {

// The lowered copies of the parts of a clause that were not in the server's dialect (a NOT, a BETWEEN,
// a `<>`...): only those parts are copied, the rest of the clause is read in place.
struct LoweredParts {
  std::forward_list<Expr> copies;  // nodes point into it as it grows; nothing is allocated while empty
  std::vector<RewriteStep>* trace = nullptr;  // where the lowering rewrites are recorded, if anywhere
};

// `clause` and `parts` must outlive the result: nodes point at the predicates they came from.
Node build(const Expr& clause, const Fields& fields, LoweredParts& parts);

// The canonical clause of a normalized node that is neither TRUE nor FALSE: predicates in catalog order
// of fields, then operator, then value; each Sarg in the fixed operator forms of its domain.
Expr to_expr(const Node& node, const Fields& fields);

}  // namespace tfq::opt
