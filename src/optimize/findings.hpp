// Reporting the optimizer's findings: each names the predicates involved and marks their ranges.
#pragma once

#include <string>
#include <vector>

#include "optimize/ir.hpp"

namespace tfq::opt {

// A predicate or clause as a message quotes it: `contractYear = 1` (long ones are shortened).
std::string quote(const Expr& expr);

// The expression a node is reported at: an atom's first predicate, an AND/OR's source.
const Expr& shown(const Node& node);

// A diagnostic with its primary range at `primary` and, when `other` is given, a label on `other`.
void report(Context& context, Code code, const Expr& primary, std::string message,
            const Expr* other = nullptr, std::string label = {});

// The diagnostics a clause that became TRUE or FALSE gets where it ends up: at the root (the whole
// clause) or dropped from an AND (always true) or an OR (never matches).
enum class Where { root, dropped };
void report_constant(Context& context, const Node& constant, Where where);

// Removes diagnostics reported twice (same code and ranges), keeping the first.
void remove_repeats(std::vector<Diagnostic>& diagnostics);

}  // namespace tfq::opt
