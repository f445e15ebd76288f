// `tfq lint`: every finding in where clauses given as --where text, files, directories, globs or stdin,
// linted on all cores and reported in the order of the inputs; --fix and --diff apply safe fix-its.
#include <cstdio>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "inputs.hpp"
#include "limit_options.hpp"
#include "lint_fix.hpp"
#include "lint_source.hpp"
#include "parallel.hpp"
#include "project.hpp"
#include "report.hpp"

namespace tfq::cli {
namespace {

// What directories and globs expand to. Request bodies (.json) come from a directory only when the
// project's include list names them: a directory holds many JSON files that are not request bodies.
constexpr std::string_view kLintExtensions[] = {".where", ".tfq", ".json"};

struct LintArgs {
  std::vector<std::string> wheres;
  std::vector<std::string> operands;
  std::string stdin_name;
  std::vector<std::string> excludes;
  std::string format = "text";
  std::string catalog_path;
  std::string config_path;
  Limits limits;
  unsigned jobs = default_jobs();
  bool warnings_as_errors = false;
  bool quiet = false;
  bool fix = false;
  bool diff = false;
  bool unsafe_fixes = false;
};

void complain(const std::string& problem) {
  std::fprintf(stderr, "tfq lint: %s\n", problem.c_str());
}

// One input, linted: its source and findings, or why it could not be read.
struct Linted {
  std::optional<Source> source;
  std::vector<Diagnostic> findings;
  std::string problem;
};

ReportOptions report_options(const LintArgs& args) {
  ReportOptions options =
      format_report_options(parse_output_format(args.format).value_or(OutputFormat::text), stdout);
  options.warnings_as_errors = args.warnings_as_errors;
  options.quiet = args.quiet;
  return options;
}

int run_lint(const LintArgs& args) {
  if (args.wheres.empty() && args.operands.empty()) {
    complain("nothing to lint: give --where EXPR, FILE, DIR, GLOB or - (stdin); see tfq lint --help");
    return exit_usage;
  }
  const std::optional<Project> project = load_project(args.config_path, "lint");
  if (!project) return exit_usage;
  std::optional<LoadedCatalog> loaded;
  bool catalog_ok = true;
  const Catalog* catalog = project_catalog(*project, args.catalog_path, "lint", loaded, catalog_ok);
  if (!catalog_ok) return exit_usage;

  LintSetup setup;
  setup.where = {.catalog = catalog, .limits = args.limits};
  setup.compile.catalog = catalog;
  setup.compile.limits = args.limits;
  setup.compile.require_parameters = false;
  if (project->config) {
    setup.compile.default_target = project->config->target.value_or(Target::export_request);
    setup.severities = project->config->severities;
  }

  std::vector<std::string> problems;
  std::vector<InputSpec> inputs = collect_inputs(args.wheres, args.operands, kLintExtensions, problems,
                                                 project_filter(*project, args.excludes));
  name_standard_input(inputs, args.stdin_name);
  FindingsReport report(stdout, report_options(args));
  if (args.fix || args.diff) {
    const int status =
        run_lint_fix(inputs, setup, {.write = !args.diff, .unsafe = args.unsafe_fixes, .jobs = args.jobs},
                     report, problems);
    for (const std::string& problem : problems) complain(problem);
    return status;
  }
  ordered_parallel(
      inputs.size(), args.jobs,
      [&](std::size_t i) {
        Linted out;
        out.source = read_input(inputs[i], args.limits.max_bytes, out.problem);
        if (out.source) out.findings = lint_source(*out.source, setup);
        return out;
      },
      [&](Linted&& out) {
        if (!out.source) return problems.push_back(std::move(out.problem));
        report.add(std::move(*out.source), std::move(out.findings));
      });
  report.finish();
  for (const std::string& problem : problems) complain(problem);
  return report.exit_code(!problems.empty());
}

}  // namespace

void register_lint(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* lint =
      app.add_subcommand("lint", "Report every finding in where clauses, query files and request bodies");
  lint->footer(
      "A .where file holds one where clause, possibly over several lines, with -- and /* */ comments;\n"
      ".tfq files are query files and .json files request bodies (checked as tfq compile would, with\n"
      "parameters left unbound). Directories and globs give .where and .tfq files (and .json files that a\n"
      "glob or the project's include list names); hidden directories are skipped.\n"
      "The nearest .tfq.json above the current directory (or --config FILE) sets the catalog, the target,\n"
      "severities per code and include/exclude globs. `-- tfq-ignore: CODE` hides CODE on the next line.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings with --warnings-as-errors;\n"
      "with --diff: a fix would change a file), 2 usage or I/O error.");
  lint->add_option(
      "inputs", args->operands,
      "Files to lint, directories (searched below, sorted), globs such as 'q/**/*.tfq', - for stdin");
  // One clause per --where, so that `--where EXPR FILE` still lints FILE.
  lint->add_option("--where", args->wheres, "A where clause to lint (may be given more than once)")
      ->allow_extra_args(false);
  lint->add_option("--format", args->format, "Output format: " + output_format_list() + " (default text)")
      ->check(CLI::IsMember(
          std::vector<std::string>(std::begin(output_format_names), std::end(output_format_names))));
  lint->add_flag("--quiet,-q", args->quiet, "Text format: print only the count of errors and warnings");
  lint->add_option("--catalog", args->catalog_path,
                   "A catalog file to overlay on the built-in field catalog (instead of the project's)");
  lint->add_option("--config", args->config_path, "The project file to use instead of the nearest .tfq.json");
  lint->add_option("--exclude", args->excludes,
                   "Skip files of directories and globs that match this glob (may be given more than once)")
      ->allow_extra_args(false);
  lint->add_flag("--fix", args->fix, "Apply the safe fix-its to the files, then report what remains");
  lint->add_flag("--diff", args->diff,
                 "Print the changes --fix would make as a unified diff; change nothing");
  lint->add_flag("--unsafe-fixes", args->unsafe_fixes,
                 "With --fix or --diff: apply every fix-it, also those that guess at the intent");
  lint->add_flag("--warnings-as-errors", args->warnings_as_errors,
                 "Report warnings as errors (exit status 1)");
  lint->add_option("--jobs,-j", args->jobs, "Files linted at once (default: one per core)")
      ->check(CLI::Range(1u, 1024u));
  add_stdin_name_option(*lint, args->stdin_name);
  add_limit_options(*lint, args->limits);
  lint->callback([args, &registry] { registry.exit_code = run_lint(*args); });
}

}  // namespace tfq::cli
