// The one printer of where clauses: canonical spelling (upper-case keywords, single spaces, `!=`,
// minimal parentheses) of the AST as it stands. It serves fmt, the optimizer's output and the request's
// `where` string. Ordering and rewriting are the optimizer's job, not the printer's.
#pragma once

#include <string>

#include "tfq/ast.hpp"

namespace tfq {

std::string print_where(const Expr& expr);

// A string literal with quotes doubled: O'Brien -> 'O''Brien'.
std::string quote_string(std::string_view value);

}  // namespace tfq
