// Linting a where clause: every stage that can find something wrong, run in order, in one call.
// This is the one place a new stage of findings is added, so that `tfq lint`, the golden tests and any
// other user of the library see the same findings.
#pragma once

#include <vector>

#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/source.hpp"

namespace tfq {

struct LintOptions {
  const Catalog* catalog = nullptr;  // nullptr: Catalog::builtin()
  Limits limits;                     // max_bytes for the input; max_depth and the clause caps for the parser
};

// Input validation, then parsing, then the checker, then the optimizer; a stage runs only when the ones
// before it left something to look at (valid input, a syntax tree, a clause without type errors). The
// findings are sorted by position.
std::vector<Diagnostic> lint_where(const Source& source, const LintOptions& options = {});

}  // namespace tfq
