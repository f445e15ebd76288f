// What the two front ends (JSON bodies and query files) hand to the shared pipeline: requests with their
// where clauses parsed, ranges into the compiled source.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tfq/compile.hpp"
#include "tfq/request.hpp"

namespace tfq::compile_detail {

struct Statement {
  Request request;
  std::optional<Expr> where;  // parsed, parameters bound; absent when there is none or it did not parse
  bool failed = false;        // an error was already reported for it (a where clause that did not parse...)
  // False when the statement itself could not be read whole (a wrong type in a JSON body): its where
  // clause is still checked, but the request rules would only report the consequences.
  bool complete = true;
  bool is_request = true;  // false for a bare where clause: there is no request to apply rules to
  // Unbound parameters left in place (tfq lint): the where clause is checked around them, never
  // optimized, and the statement yields no body.
  bool placeholders = false;
};

struct FrontEnd {
  std::vector<Statement> statements;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> parameters_used;
};

FrontEnd read_json_body(const Source& source, const CompileOptions& options);
FrontEnd read_query_file(const Source& source, const CompileOptions& options, const Catalog& catalog);

// Runs the where pipeline (check, optimize) and the request rules on one statement; returns the request
// ready to emit, or nullopt when it has errors. Diagnostics are appended to `diagnostics`.
std::optional<Request> finish_statement(Statement& statement, const Catalog& catalog,
                                        std::vector<Diagnostic>& diagnostics);

// `name` with the quotes JSON would need, without the surrounding quotes.
std::string json_escape(std::string_view text);

}  // namespace tfq::compile_detail
