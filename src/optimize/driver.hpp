// The two drivers: lowering (AST to AST, top-down) and normalization (to a fixpoint, bottom-up).
#pragma once

#include <vector>

#include "optimize/ir.hpp"

namespace tfq::opt {

// The clause in the server's dialect: no NOT (but NOT LIKE), no BETWEEN, no `<>`, fields on the left.
// It selects exactly the rows the input selects.
Expr lower(const Expr& clause, const Fields& fields, std::vector<RewriteStep>* trace = nullptr);

// Whether lowering has nothing to do: no NOT (but NOT LIKE), BETWEEN, NOT IN, `<>` or literal on the left.
bool in_dialect(const Expr& clause);

// optimize_where over a field table (what optimize_where builds from the catalog).
OptimizeResult optimize(const Expr& checked, const Fields& fields, const OptimizeOptions& options = {});

// Applies the normalization rules bottom-up until none applies anywhere.
void normalize(Node& root, Context& context);

}  // namespace tfq::opt
