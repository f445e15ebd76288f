// Building the optimizer's working form from a lowered clause, and turning it back into a clause.
#pragma once

#include "optimize/ir.hpp"

namespace tfq::opt {

// `lowered` must outlive the result: nodes point at the predicates they came from.
Node build(const Expr& lowered, const Fields& fields);

// The canonical clause of a normalized node that is neither TRUE nor FALSE: predicates in catalog order
// of fields, then operator, then value; each Sarg in the fixed operator forms of its domain.
Expr to_expr(const Node& node, const Fields& fields);

}  // namespace tfq::opt
