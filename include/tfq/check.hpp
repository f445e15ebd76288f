// The checker: type-checks a where clause against the field catalog and reports every finding.
#pragma once

#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq {

struct CheckOptions {
  // Parameter operands (`:name`) are bound by the caller (query files, --param) before checking.
  // false (the default): a parameter still present is reported as unbound_parameter (TFQ218).
  // true: parameters are skipped; the field on the other side is still checked.
  bool allow_parameters = false;
};

// Visits the whole clause and reports every finding, in source order; never throws for user errors.
// Ranges refer to the source the AST came from. A literal on the left (`1 < contractYear`) is checked as the
// flipped comparison (`contractYear > 1`), as the optimizer will write it.
std::vector<Diagnostic> check_where(const Expr& expr, const Catalog& catalog,
                                    const CheckOptions& options = {});

}  // namespace tfq
