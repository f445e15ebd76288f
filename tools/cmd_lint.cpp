// `tfq lint`: every finding in where clauses given as --where text, files, directories or stdin.
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "limit_options.hpp"
#include "report.hpp"
#include "tfq/lint.hpp"

namespace tfq::cli {
namespace {

constexpr std::string_view kWhereExtensions[] = {".where"};

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

int run_lint(const LintArgs& args) {
  if (args.wheres.empty() && args.operands.empty()) {
    complain("nothing to lint: give --where EXPR, FILE, DIR or - (stdin); see tfq lint --help");
    return exit_usage;
  }
  std::vector<std::string> problems;
  std::vector<InputSpec> inputs;
  for (const std::string& where : args.wheres)
    inputs.push_back({InputSpec::Kind::inline_text, "<where>", where});
  for (InputSpec& found : expand_operands(args.operands, kWhereExtensions, problems)) {
    inputs.push_back(std::move(found));
  }

  LintOptions options;
  options.limits = args.limits;
  const bool json = args.format == "json";
  FindingsReport report(stdout, {.format = json ? OutputFormat::json : OutputFormat::text,
                                 .color = !json && color_wanted(stdout),
                                 .warnings_as_errors = args.warnings_as_errors});
  for (const InputSpec& input : inputs) {
    std::string problem;
    std::optional<Source> source = read_input(input, options.limits.max_bytes, problem);
    if (!source) {
      problems.push_back(problem);
      continue;
    }
    std::vector<Diagnostic> findings = lint_where(*source, options);
    report.add(std::move(*source), std::move(findings));
  }
  report.finish();
  for (const std::string& problem : problems) complain(problem);
  return report.exit_code(!problems.empty());
}

}  // namespace

void register_lint(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<LintArgs>();
  CLI::App* lint = app.add_subcommand("lint", "Report every finding in where clauses");
  lint->footer(
      "A .where file holds one where clause, possibly over several lines, with -- and /* */ comments.\n"
      "Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings with --warnings-as-errors),\n"
      "2 usage or I/O error.");
  lint->add_option("inputs", args->operands,
                   "Files to lint, directories (every .where file below, sorted), - for stdin");
  lint->add_option("--where", args->wheres, "A where clause to lint (may be given more than once)");
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
