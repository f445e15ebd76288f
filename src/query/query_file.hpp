// A query file (.tfq) as written: its statements' clauses with their source ranges, and its comments.
// The compile front end turns each statement into a request; `tfq fmt` prints the file back canonically.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/request.hpp"
#include "tfq/source.hpp"

namespace tfq::query {

struct Name {
  std::string text;
  SourceRange range;
};

// INTO 'name' or INTO :parameter
struct FileName {
  bool parameter = false;
  std::string text;   // the decoded name ('' unescaped), or the parameter's name without ':'
  SourceRange range;  // the literal with its quotes, or `:name`
  // A literal's decoded bytes' offsets in the source, plus one for the closing quote.
  std::vector<std::uint32_t> origins;
};

struct Statement {
  Target target = Target::export_request;
  bool target_written = false;  // EXPORT or QUERY was written
  SourceRange range;            // the first keyword to the end of the last clause's last token
  std::vector<Name> select;
  bool has_from = false;
  SourceRange from_keyword;
  std::vector<Name> from;
  bool has_where = false;
  SourceRange where;          // the clause after WHERE, as where_expr matched it (trailing space included)
  SourceRange where_keyword;  // WHERE itself
  std::optional<FileName> into;
  SourceRange into_clause;  // from INTO to the end of the file name
};

struct File {
  std::vector<Statement> statements;
  std::vector<SourceRange> comments;  // every comment, in source order (inside where clauses too)
};

struct ParsedFile {
  std::optional<File> file;  // absent after a syntax error
  std::vector<Diagnostic> diagnostics;
};

// Parses a whole query file (a leading byte order mark is skipped). A syntax error in a WHERE clause is
// reported exactly as parse_where reports it. Never throws for bad input; nesting is bounded by
// limits.max_depth, statements by limits.max_statements.
ParsedFile parse_query_file(const Source& source, const Limits& limits);

}  // namespace tfq::query
