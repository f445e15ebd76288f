// `tfq compile FILE...`: query files and JSON bodies into canonical request bodies (compile_files.cpp).
// `tfq compile --where 'EXPR'`: the optimized, canonical where clause the server accepts, on one line of
// stdout (an empty line when the clause filters nothing). Findings go to stderr (or, in a machine --format,
// to stdout while the bodies go to files); exit codes as lint's.

#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "compile_files.hpp"
#include "limit_options.hpp"
#include "project.hpp"
#include "report.hpp"
#include "tfq/compile.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

struct CompileArgs {
  CompileFileArgs files;
  std::string where;
  bool compact = false;
  std::string format = "text";
  std::string catalog_path;
  std::string config_path;
  Limits limits;
  bool warnings_as_errors = false;
};

// Renders the findings on stderr; true when one of them fails the command.
bool report_findings(const Source& source, std::vector<Diagnostic>& diagnostics, bool warnings_as_errors) {
  bool failed = false;
  for (Diagnostic& d : diagnostics) {
    if (warnings_as_errors && d.severity == Severity::warning) d.severity = Severity::error;
    failed = failed || d.severity == Severity::error;
  }
  std::fputs(render_text(source, diagnostics, {.color = color_wanted(stderr)}).c_str(), stderr);
  return failed;
}

// The --where input: one clause through the whole pipeline (validate, parse, check, optimize).
int compile_where_option(const std::string& text, const CompileOptions& options,
                         const std::vector<SeverityOverride>& severities, bool warnings_as_errors) {
  const Source source("<where>", text);
  CompileResult result = compile(source, InputKind::where_clause, options);
  apply_project_rules(source, severities, result.diagnostics);
  if (report_findings(source, result.diagnostics, warnings_as_errors) || result.requests.empty()) {
    return exit_findings;
  }
  std::cout << result.requests.front().body << '\n';
  return exit_ok;
}

int run_compile(const CompileArgs& args) {
  const std::optional<Project> project = load_project(args.config_path, "compile");
  if (!project) return exit_usage;
  std::optional<LoadedCatalog> loaded;
  bool catalog_ok = true;
  CompileOptions options;
  options.limits = args.limits;
  options.catalog = project_catalog(*project, args.catalog_path, "compile", loaded, catalog_ok);
  if (!catalog_ok) return exit_usage;
  const Target target =
      project->config ? project->config->target.value_or(Target::export_request) : Target::export_request;
  const std::vector<SeverityOverride> severities =
      project->config ? project->config->severities : std::vector<SeverityOverride>{};
  if (args.where.empty() && args.files.operands.empty()) {
    std::fputs(
        "tfq compile: nothing to compile: give --where EXPR, FILE, DIR, GLOB or - (stdin); see tfq compile "
        "--help\n",
        stderr);
    return exit_usage;
  }
  if (!args.where.empty() && !args.files.operands.empty()) {
    std::fputs("tfq compile: give input files or --where, not both\n", stderr);
    return exit_usage;
  }
  const OutputFormat format = parse_output_format(args.format).value_or(OutputFormat::text);
  if (format != OutputFormat::text && args.files.output.empty() && args.files.out_dir.empty()) {
    std::fprintf(
        stderr,
        "tfq compile: --format %s prints the findings on stdout: give input files and -o or --out-dir "
        "for the bodies\n",
        args.format.c_str());
    return exit_usage;
  }
  if (args.files.operands.empty()) {
    return compile_where_option(args.where, options, severities, args.warnings_as_errors);
  }
  return compile_files(args.files, {.compact = args.compact,
                                    .warnings_as_errors = args.warnings_as_errors,
                                    .format = format,
                                    .default_target = target,
                                    .severities = severities,
                                    .catalog = options.catalog,
                                    .limits = args.limits,
                                    .stdin_name = args.files.stdin_name});
}

}  // namespace

void register_compile(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<CompileArgs>();
  CLI::App* command =
      app.add_subcommand("compile", "Compile query files and request bodies into canonical export requests");
  command->footer(
      "Files: every statement becomes its request body; one body is printed pretty, several as JSON Lines.\n"
      "Nothing is written when any input has an error; -o and --out-dir write atomically.\n"
      "Findings go to stderr as text; --format json, jsonl, sarif, github or gitlab prints them on stdout,\n"
      "as tfq lint does, and then the bodies go to -o or --out-dir (with or without --check).\n"
      "The nearest .tfq.json (or --config FILE) sets the catalog, the target and severities, as for tfq "
      "lint\n"
      "(but an error cannot be turned down: a request with an error is never built).\n"
      "--where: prints the optimized where clause on one line: NOT, BETWEEN and <> lowered, ranges and "
      "lists\n"
      "merged, predicates in canonical order. A clause that filters nothing prints an empty line (and a "
      "warning).\n"
      "Exit status: 0 success (warnings allowed), 1 errors found (a contradiction, a syntax or type error,\n"
      "or warnings with --warnings-as-errors), 2 usage or I/O error.");
  add_compile_file_options(*command, args->files);
  command->add_option("--where", args->where, "Compile one where clause instead of files");
  command->add_flag("--compact", args->compact, "Print or write each body on one line");
  command
      ->add_option("--format", args->format,
                   "Findings format: " + output_format_list() +
                       " (default text, on stderr; the others go to stdout and need -o or --out-dir)")
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(output_format_names), std::end(output_format_names))));
  command->add_option("--catalog", args->catalog_path,
                      "A catalog file to overlay on the built-in field catalog (instead of the project's)");
  command->add_option("--config", args->config_path,
                      "The project file to use instead of the nearest .tfq.json");
  command->add_flag("--warnings-as-errors", args->warnings_as_errors,
                    "Count warnings as errors (exit status 1)");
  add_limit_options(*command, args->limits);
  command->callback([args, &registry] { registry.exit_code = run_compile(*args); });
}

}  // namespace tfq::cli
