// The one printer of where clauses: canonical spelling (upper-case keywords, single spaces, `!=`,
// minimal parentheses) of the AST as it stands. It serves fmt, the optimizer's output and the request's
// `where` string. Ordering and rewriting are the optimizer's job, not the printer's.
#pragma once

#include <cstddef>
#include <string>

#include "tfq/ast.hpp"

namespace tfq {

std::string print_where(const Expr& expr);

// A prefix of print_where(expr) that is the whole text, or longer than `bytes` when the whole text is:
// enough to show the start of a clause, in time proportional to `bytes` rather than to the clause.
std::string print_where_prefix(const Expr& expr, std::size_t bytes);
// The same prefix, appended to `out` (for text that quotes a clause, without a string of its own).
void append_where_prefix(const Expr& expr, std::size_t bytes, std::string& out);

// A string literal with quotes doubled: O'Brien -> 'O''Brien'.
std::string quote_string(std::string_view value);

}  // namespace tfq
