// The facade over the whole pipeline: a query file (.tfq), a JSON request body (.json) or a bare where
// clause (.where) in; validated, canonical request bodies and diagnostics out.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/request.hpp"
#include "tfq/source.hpp"

namespace tfq {

enum class InputKind { where_clause, query_file, json_body };

// .tfq -> query_file, .json -> json_body, anything else -> where_clause.
InputKind input_kind_for(std::string_view file_name);

struct CompileOptions {
  const Catalog* catalog = nullptr;               // nullptr: Catalog::builtin()
  std::map<std::string, std::string> parameters;  // --param name=value for :name in .tfq files
  // true (compile): a parameter without a value is an error. false (lint): it is left as a placeholder,
  // the clause is checked around it, and its statement yields no body (and no error for that reason).
  bool require_parameters = true;
  // A --param that the input does not use is an error (TFQ463). A caller compiling several inputs with the
  // same bindings turns this off and checks CompileResult::parameters_used across all of them instead.
  bool report_unused_parameters = true;
  Limits limits;  // every cap applies
  // The API of a statement that does not say (a plain SELECT, a JSON body): "target" in .tfq.json.
  Target default_target = Target::export_request;
};

struct CompiledRequest {
  Target target = Target::export_request;
  std::string name;         // the downloadFileName, or the source's stem when there is none
  std::string body;         // the canonical JSON body, compact (one line, no trailing newline)
  std::string body_pretty;  // the same body, indented by 2 spaces, with a trailing newline
};

struct CompileResult {
  std::vector<CompiledRequest> requests;     // empty when any error was found
  std::vector<Diagnostic> diagnostics;       // ranges refer to the compiled source
  std::vector<std::string> parameters_used;  // the names of `parameters` the input uses, sorted
};

CompileResult compile(const Source& source, InputKind kind, const CompileOptions& options = {});

}  // namespace tfq
