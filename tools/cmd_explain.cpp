// `tfq explain --where 'EXPR'` (or a .where file, or - for stdin): how tfq reads and rewrites a where
// clause: the parsed tree, the checker's findings, every rewrite the optimizer made (rule, before, after),
// its findings, and the result.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "inputs.hpp"
#include "limit_options.hpp"
#include "project.hpp"
#include "tfq/check.hpp"
#include "tfq/compile.hpp"
#include "tfq/input.hpp"
#include "tfq/optimize.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"
#include "tfq/render.hpp"

namespace tfq::cli {
namespace {

struct ExplainArgs {
  std::string where;
  bool where_given = false;  // --where was given, perhaps empty (which is explained as an empty clause)
  std::string input;         // a file holding the clause, or - for stdin
  std::string catalog_path;
  std::string config_path;
  Limits limits;
};

// The tree as written: one node per line, operands indented under AND, OR and NOT. Recursion follows the
// nesting, which the parser bounds.
void print_tree(const Expr& e, int depth, std::ostream& out) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  switch (e.kind) {
    case ExprKind::and_:
    case ExprKind::or_:
    case ExprKind::not_:
      out << indent << (e.kind == ExprKind::and_ ? "AND" : e.kind == ExprKind::or_ ? "OR" : "NOT") << '\n';
      for (const Expr& child : e.children) print_tree(child, depth + 1, out);
      break;
    default: out << indent << print_where(e) << '\n';
  }
}

void print_findings(const Source& source, const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  if (diagnostics.empty()) {
    out << "  none\n";
  } else {
    out << render_text(source, diagnostics);
  }
}

// The clause from --where, a file or stdin: exactly one of them. nullopt after printing why there is none.
std::optional<Source> read_clause(const ExplainArgs& args) {
  const auto refuse = [](const std::string& why) {
    std::fprintf(stderr, "tfq explain: %s\n", why.c_str());
    return std::nullopt;
  };
  if (args.where_given && !args.input.empty()) return refuse("give a FILE or --where, not both");
  if (args.where_given) return Source("<where>", args.where);
  if (args.input.empty()) {
    return refuse("nothing to explain: give --where EXPR, FILE or - (stdin); see tfq explain --help");
  }
  if (const InputKind kind = input_kind_for(args.input); kind != InputKind::where_clause) {
    return refuse(
        "'" + args.input + "' is a " + (kind == InputKind::query_file ? "query file" : "request body") +
        "; explain takes one where clause (a .where file, - or --where): tfq lint checks the whole file");
  }
  std::string problem;
  std::optional<Source> source = read_input(single_input(args.input), args.limits.max_bytes, problem);
  if (!source) return refuse(problem);
  return source;
}

int run_explain(const ExplainArgs& args) {
  // The clause is read against the catalog the project's other commands use.
  const std::optional<Project> project = load_project(args.config_path, "explain");
  if (!project) return exit_usage;
  std::optional<LoadedCatalog> loaded;
  bool catalog_ok = true;
  const Catalog* overlay = project_catalog(*project, args.catalog_path, "explain", loaded, catalog_ok);
  if (!catalog_ok) return exit_usage;
  const Catalog* catalog = overlay != nullptr ? overlay : &Catalog::builtin();
  const std::optional<Source> read = read_clause(args);
  if (!read) return exit_usage;
  const Source& source = *read;
  std::vector<Diagnostic> problems = validate_input(source, args.limits);
  ParseResult parsed;
  if (!has_errors(problems)) parsed = parse_where(source, parse_range(source), {.limits = args.limits});
  problems.insert(problems.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  std::cout << "parsed\n";
  if (!parsed.expr) {
    std::cout << render_text(source, problems);
    return exit_findings;
  }
  print_tree(*parsed.expr, 1, std::cout);

  std::cout << "\nchecks\n";
  const std::vector<Diagnostic> checks = check_where(*parsed.expr, *catalog);
  print_findings(source, checks, std::cout);
  if (has_errors(checks)) return exit_findings;

  const OptimizeResult optimized = optimize_where(*parsed.expr, *catalog, {.trace = true});
  std::cout << "\nrewrites\n";
  if (optimized.trace.empty()) std::cout << "  none\n";
  for (std::size_t i = 0; i < optimized.trace.size(); ++i) {
    const RewriteStep& step = optimized.trace[i];
    std::cout << "  " << i + 1 << ". " << step.rule << "\n     before: " << step.before
              << "\n     after:  " << step.after << '\n';
  }
  std::cout << "\nfindings\n";
  print_findings(source, optimized.diagnostics, std::cout);

  std::cout << "\nresult\n";
  switch (optimized.outcome) {
    case Outcome::clause: std::cout << "  " << optimized.where << '\n'; break;
    case Outcome::always_true: std::cout << "  (always true: the request gets no where clause)\n"; break;
    case Outcome::always_false: std::cout << "  (never true: no row can match)\n"; break;
  }
  return has_errors(optimized.diagnostics) ? exit_findings : exit_ok;
}

}  // namespace

void register_explain(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* command =
      app.add_subcommand("explain", "Show how a where clause is parsed, checked and rewritten, step by step");
  command->footer("Exit status: 0 the clause compiles, 1 it has errors, 2 usage or I/O error.");
  command->add_option("input", args->input,
                      "A file holding the where clause (a .where file), or - for stdin");
  CLI::Option* where =
      command->add_option("--where", args->where, "The where clause to explain (instead of a file)");
  command->add_option("--catalog", args->catalog_path,
                      "A catalog file to overlay on the built-in field catalog (instead of the project's)");
  command->add_option("--config", args->config_path,
                      "The project file to use instead of the nearest .tfq.json");
  add_limit_options(*command, args->limits);
  command->callback([args, where, &registry] {
    args->where_given = where->count() > 0;
    registry.exit_code = run_explain(*args);
  });
}

}  // namespace tfq::cli
