// The checker: type-checks a where clause against the field catalog and reports every finding.
#pragma once

#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq {

// Visits the whole clause; never throws for user errors. Ranges refer to the source the AST came from.
std::vector<Diagnostic> check_where(const Expr& expr, const Catalog& catalog);

}  // namespace tfq
