// `tfq lint`: every finding in where clauses given as --where text, files, directories or stdin.
#include <cstdio>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "inputs.hpp"
#include "limit_options.hpp"
#include "report.hpp"
#include "tfq/catalog.hpp"
#include "tfq/compile.hpp"
#include "tfq/lint.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

// What a directory operand expands to. Request bodies (.json) are linted only when named: a directory
// holds many JSON files that are not request bodies.
constexpr std::string_view kDirectoryExtensions[] = {".where", ".tfq"};

struct LintArgs {
  std::vector<std::string> wheres;
  std::vector<std::string> operands;
  std::string format = "text";
  std::string catalog_path;
  Limits limits;
  bool warnings_as_errors = false;
};

void complain(const std::string& problem) {
  std::fprintf(stderr, "tfq lint: %s\n", problem.c_str());
}

// --catalog FILE: the overlaid catalog, or nullptr after reporting why it cannot be used. A broken catalog
// is a usage error (exit 2): it is configuration, not the input being linted.
const Catalog* overlay_catalog(const std::string& path, std::optional<LoadedCatalog>& loaded) {
  loaded = load_catalog_overlay(path);
  if (loaded->unreadable) {
    complain("--catalog '" + path + "': " + loaded->diagnostics.front().message);
    return nullptr;
  }
  if (!loaded->catalog) {
    std::fputs(render_text(loaded->source, loaded->diagnostics, {.color = color_wanted(stderr)}).c_str(),
               stderr);
    complain("the catalog '" + path + "' cannot be used");
    return nullptr;
  }
  return &*loaded->catalog;
}

// The findings for one input, by its kind: a query file (.tfq) or request body (.json) goes through the
// compile pipeline in lint mode (parameters without values are left as placeholders); anything else,
// stdin and --where included, is a where clause.
std::vector<Diagnostic> lint_one(const Source& source, const LintOptions& options) {
  const InputKind kind = input_kind_for(source.name());
  if (kind == InputKind::where_clause) return lint_where(source, options);
  CompileOptions compile_options;
  compile_options.catalog = options.catalog;
  compile_options.limits = options.limits;
  compile_options.require_parameters = false;
  return compile(source, kind, compile_options).diagnostics;
}

int run_lint(const LintArgs& args) {
  if (args.wheres.empty() && args.operands.empty()) {
    complain("nothing to lint: give --where EXPR, FILE, DIR or - (stdin); see tfq lint --help");
    return exit_usage;
  }
  LintOptions options;
  options.limits = args.limits;
  std::optional<LoadedCatalog> loaded;
  if (!args.catalog_path.empty()) {
    options.catalog = overlay_catalog(args.catalog_path, loaded);
    if (options.catalog == nullptr) return exit_usage;
  }

  std::vector<std::string> problems;
  const std::vector<InputSpec> inputs =
      collect_inputs(args.wheres, args.operands, kDirectoryExtensions, problems);
  const bool json = args.format == "json";
  FindingsReport report(stdout, {.format = json ? OutputFormat::json : OutputFormat::text,
                                 .color = !json && color_wanted(stdout),
                                 .warnings_as_errors = args.warnings_as_errors});
  for_each_source(inputs, options.limits.max_bytes, problems, [&](Source source) {
    std::vector<Diagnostic> findings = lint_one(source, options);
    report.add(std::move(source), std::move(findings));
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
      "parameters left unbound). Directories are searched for .where and .tfq files.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings with --warnings-as-errors),\n"
      "2 usage or I/O error.");
  lint->add_option("inputs", args->operands,
                   "Files to lint, directories (every .where and .tfq file below, sorted), - for stdin");
  // One clause per --where, so that `--where EXPR FILE` still lints FILE.
  lint->add_option("--where", args->wheres, "A where clause to lint (may be given more than once)")
      ->allow_extra_args(false);
  lint->add_option("--format", args->format, "Output format: text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  lint->add_option("--catalog", args->catalog_path,
                   "A catalog file to overlay on the built-in field catalog");
  lint->add_flag("--warnings-as-errors", args->warnings_as_errors,
                 "Report warnings as errors (exit status 1)");
  add_limit_options(*lint, args->limits);
  lint->callback([args, &registry] { registry.exit_code = run_lint(*args); });
}

}  // namespace tfq::cli
