// Parsing a where clause into the AST.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/source.hpp"

namespace tfq {

struct ParseOptions {
  Limits limits;                  // max_depth, max_predicates and max_in_list apply here
  bool allow_parameters = false;  // `:name` operands (query files only); otherwise a syntax error
};

struct ParseResult {
  std::optional<Expr> expr;  // absent when there was a syntax error
  std::vector<Diagnostic> diagnostics;
  std::vector<SourceRange> comments;  // every `-- line` and `/* block */` comment read, in source order
};

// Parses the whole text of `source` as one where clause. Never throws for bad input.
ParseResult parse_where(const Source& source, const ParseOptions& options = {});
// Parses the bytes [within.begin, within.end) of `source` as one where clause (the WHERE part of a query
// file); ranges in the AST and the diagnostics are offsets into the whole source.
ParseResult parse_where(const Source& source, SourceRange within, const ParseOptions& options = {});

}  // namespace tfq
