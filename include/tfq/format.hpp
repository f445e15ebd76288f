// `tfq fmt`: a query file or a where clause file in canonical layout, meaning and order unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/source.hpp"

namespace tfq {

struct FormatResult {
  std::optional<std::string> text;  // absent when the file has a syntax error (see diagnostics)
  std::vector<Diagnostic> diagnostics;
};

// Keywords upper case; one clause per line (SELECT, FROM, WHERE, INTO); a long SELECT or FROM list wraps at
// 100 columns; the where clause printed by print_where, one top-level AND/OR operand per line; every
// statement ends with ';', with one blank line between statements. Comments are kept: one that ends a
// clause's line (or a where operand's line) stays at the end of that line, after the ';' on a statement's
// last line; the others move to their own lines above the clause or operand they came before. The result is
// parsed again and compared with the input (same statements, same clauses, same where trees, same comments)
// before it is returned, so formatting can never change what a file means.
FormatResult format_query_file(const Source& source, const Limits& limits = {});

// A .where file: the clause printed by print_where with one top-level AND/OR operand per line (the AND or OR
// leading each line after the first, indented by 2). Comments are kept: one that ends an operand's line
// stays at the end of that line, the others move to their own lines above the operand they came before.
// Checked as a query file is: the same where tree and the same comments, or no text.
FormatResult format_where_file(const Source& source, const Limits& limits = {});

}  // namespace tfq
