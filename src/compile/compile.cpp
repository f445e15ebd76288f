// The facade: input validation, then the front end the input kind calls for, then each statement through
// the shared pipeline; bodies are emitted only when no error was found anywhere in the input.
#include "tfq/compile.hpp"

#include <algorithm>
#include <map>

#include "compile/front_end.hpp"
#include "tfq/emit.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

namespace tfq {
namespace {

using compile_detail::Statement;

std::string stem_of(const std::string& name) {
  const std::size_t slash = name.find_last_of('/');
  std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.find_last_of('.');
  if (dot != std::string::npos && dot > 0) base.resize(dot);
  return base.empty() ? "request" : base;
}

// A bare where clause: no request around it, so the result's body is the canonical clause itself.
compile_detail::FrontEnd read_where_clause(const Source& source, const CompileOptions& options) {
  compile_detail::FrontEnd out;
  ParseResult parsed =
      parse_where(source, parse_range(source), {.limits = options.limits, .allow_parameters = false});
  out.diagnostics = std::move(parsed.diagnostics);
  Statement& statement = out.statements.emplace_back();
  statement.is_request = false;
  statement.where = std::move(parsed.expr);
  statement.failed = !statement.where || has_errors(out.diagnostics);
  return out;
}

void enforce_field_limit(Statement& statement, const Limits& limits, std::vector<Diagnostic>& diagnostics) {
  const Request& request = statement.request;
  if (request.fields.items.size() + request.metrics.items.size() <= limits.max_fields) return;
  const SourceRange at = request.fields.present ? request.fields.range : request.metrics.range;
  auto& d = diagnostics.emplace_back(make_diagnostic(
      Code::too_many_fields, at,
      "request names more than " + std::to_string(limits.max_fields) + " fields and metrics (the limit)"));
  d.help = "raise the limit with --max-fields";
  statement.failed = true;
  statement.complete = false;
}

// Only query files have parameters: every --param given with another input is unused.
void report_parameters_without_use(const std::map<std::string, std::string>& parameters,
                                   std::vector<Diagnostic>& diagnostics) {
  for (const auto& [name, value] : parameters) {
    auto& d = diagnostics.emplace_back(
        make_diagnostic(Code::parameter_unused, {0, 0},
                        "--param binds '" + name + "', but only query files have parameters"));
    d.help = "remove --param " + name;
  }
}

void name_requests(std::vector<CompiledRequest>& requests, const std::vector<Request>& finished,
                   const Source& source) {
  const std::string stem = stem_of(source.name());
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (finished[i].download_file_name) {
      requests[i].name = finished[i].download_file_name->name;
    } else {
      requests[i].name = requests.size() == 1 ? stem : stem + "-" + std::to_string(i + 1);
    }
  }
}

// Several statements of one file may not share an output name: `--out-dir` writes one file per name.
void report_duplicate_names(const std::vector<CompiledRequest>& requests,
                            const std::vector<Request>& finished, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    auto [it, inserted] = first.emplace(requests[i].name, i);
    if (inserted) continue;
    const auto where = [&](std::size_t k) {
      return finished[k].download_file_name ? finished[k].download_file_name->range : finished[k].range;
    };
    auto& d = diagnostics.emplace_back(
        make_diagnostic(Code::duplicate_output_name, where(i),
                        "another statement already writes '" + requests[i].name + "'"));
    d.labels.push_back({where(it->second), "first written here"});
    d.help = "give each statement its own INTO name";
  }
}

}  // namespace

InputKind input_kind_for(std::string_view file_name) {
  if (file_name.ends_with(".tfq")) return InputKind::query_file;
  if (file_name.ends_with(".json")) return InputKind::json_body;
  return InputKind::where_clause;
}

CompileResult compile(const Source& source, InputKind kind, const CompileOptions& options) {
  const Catalog& catalog = options.catalog ? *options.catalog : Catalog::builtin();
  CompileResult result;
  result.diagnostics = validate_input(source, options.limits);
  if (has_errors(result.diagnostics)) return result;

  compile_detail::FrontEnd front =
      kind == InputKind::json_body    ? compile_detail::read_json_body(source, options)
      : kind == InputKind::query_file ? compile_detail::read_query_file(source, options, catalog)
                                      : read_where_clause(source, options);
  std::vector<Diagnostic>& diagnostics = result.diagnostics;
  diagnostics.insert(diagnostics.end(), front.diagnostics.begin(), front.diagnostics.end());
  result.parameters_used = std::move(front.parameters_used);
  if (kind != InputKind::query_file && options.report_unused_parameters) {
    report_parameters_without_use(options.parameters, diagnostics);
  }
  std::vector<Request> finished;
  for (Statement& statement : front.statements) {
    enforce_field_limit(statement, options.limits, diagnostics);
    const bool bare_where = !statement.is_request;
    std::optional<Request> request = compile_detail::finish_statement(statement, catalog, diagnostics);
    if (!request) continue;
    CompiledRequest& compiled = result.requests.emplace_back();
    compiled.target = request->target;
    if (bare_where) {
      compiled.body = request->canonical_where;
      compiled.body_pretty = request->canonical_where + "\n";
    } else {
      compiled.body = emit_body(*request, Layout::compact);
      compiled.body_pretty = emit_body(*request, Layout::pretty);
    }
    finished.push_back(std::move(*request));
  }
  if (result.requests.size() == front.statements.size()) {
    name_requests(result.requests, finished, source);
    report_duplicate_names(result.requests, finished, diagnostics);
  }
  // Reading order: by position; diagnostics at one position keep the pipeline's order.
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.range.begin < b.range.begin; });
  if (has_errors(diagnostics)) result.requests.clear();
  return result;
}

}  // namespace tfq
