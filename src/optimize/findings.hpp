// Reporting the optimizer's findings: each names the predicates involved and marks their ranges.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "optimize/ir.hpp"

namespace tfq::opt {

// A predicate or clause as a message quotes it: `contractYear = 1` (long ones are shortened).
std::string quote(const Expr& expr);

// The expression a node is reported at: an atom's first predicate, an AND/OR's source.
const Expr& shown(const Node& node);

// How a finding names an atom. An atom merged from several predicates (`x = 1 OR x = 2` became
// `x IN (1, 2)`) stands for all of them together, never for its first one alone: it is named as the
// condition merged from them, unless its first origin is the whole clause they were merged in.
struct NamedAtom {
  std::string text;                  // quoted, for the message
  std::span<const Expr* const> all;  // the predicates it stands for (at least one): where labels go
};
NamedAtom name_atom(const Node& atom, const Context& context);

// The predicates a conflict between two atoms names: what each stands for (up to 8 of a merged one's).
Origins conflict_between(const Node& a, const Node& b);

// A diagnostic with its primary range at `primary`, message and labels on what `other` stands for
// (up to 8 of its predicates).
void report_against(Context& context, Code code, const Expr& primary, std::string message,
                    const NamedAtom& other, const std::string& label);

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
