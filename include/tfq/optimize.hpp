// The optimizer: turns a checked where clause into the one canonical clause that selects exactly the same
// rows (SQL three-valued logic), in the dialect the server accepts (no NOT, no <>, no BETWEEN).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq {

struct OptimizeOptions {
  bool trace = false;          // record every rewrite that fired (for `tfq explain`)
  bool findings_only = false;  // report the findings but build neither `expr` nor `where` (for `tfq lint`)
};

// One rewrite that fired: the rule's name and the clause before and after, printed.
struct RewriteStep {
  std::string rule;
  std::string before;
  std::string after;
};

enum class Outcome {
  clause,        // a clause remains: `expr` and `where` hold it (unless only findings were asked for)
  always_true,   // a tautology: the request needs no where (a warning is among the diagnostics)
  always_false,  // a contradiction: no row can match (an error is among the diagnostics)
};

struct OptimizeResult {
  Outcome outcome = Outcome::clause;
  std::optional<Expr> expr;  // the canonical clause, when outcome == clause
  std::string where;         // print_where(*expr), or "" when there is no clause
  std::vector<Diagnostic> diagnostics;
  std::vector<RewriteStep> trace;
};

// The input must have passed check_where without errors.
OptimizeResult optimize_where(const Expr& checked, const Catalog& catalog,
                              const OptimizeOptions& options = {});

}  // namespace tfq
