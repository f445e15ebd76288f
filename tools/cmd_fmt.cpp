// `tfq fmt`: query files and where clause files in canonical layout, printed, checked (--check) or
// rewritten in place (--write).
#include <cstdio>
#include <memory>

#include "atomic_files.hpp"
#include "commands.hpp"
#include "inputs.hpp"
#include "limit_options.hpp"
#include "report.hpp"
#include "tfq/format.hpp"

namespace tfq::cli {
namespace {

constexpr std::string_view kFormattedExtensions[] = {".tfq", ".where"};

struct FmtArgs {
  std::vector<std::string> operands;
  std::string stdin_name;
  bool check = false;
  bool write = false;
  Limits limits;
};

void complain(const std::string& problem) {
  std::fprintf(stderr, "tfq fmt: %s\n", problem.c_str());
}

int run_fmt(const FmtArgs& args) {
  std::vector<std::string> problems;
  std::vector<InputSpec> inputs = expand_operands(args.operands, kFormattedExtensions, problems);
  name_standard_input(inputs, args.stdin_name);
  FindingsReport report(stderr, text_report_options(stderr));
  int unformatted = 0;
  for (const InputSpec& input : inputs) {
    if (args.write && input.kind != InputSpec::Kind::file) {
      problems.push_back("--write needs files: standard input cannot be rewritten");
      continue;
    }
    std::string problem;
    std::optional<Source> source = read_input(input, args.limits.max_bytes, problem);
    if (!source) {
      problems.push_back(problem);
      continue;
    }
    // A query file unless named .where; standard input too, unless --stdin-name names it so.
    const bool where_file = source->name().ends_with(".where");
    FormatResult formatted =
        where_file ? format_where_file(*source, args.limits) : format_query_file(*source, args.limits);
    const bool changed = formatted.text && *formatted.text != source->text();
    if (formatted.text && !args.check && !args.write)
      std::fwrite(formatted.text->data(), 1, formatted.text->size(), stdout);
    if (changed && args.check) {
      std::fprintf(stderr, "%s: not in canonical layout (run tfq fmt --write)\n", source->name().c_str());
      ++unformatted;
    }
    if (changed && args.write) {
      if (auto failed = write_files_atomically({{source->name(), *formatted.text}}))
        problems.push_back(*failed);
    }
    report.add(std::move(*source), std::move(formatted.diagnostics));
  }
  report.finish();
  for (const std::string& problem : problems) complain(problem);
  const int code = report.exit_code(!problems.empty());
  return code == exit_ok && unformatted > 0 ? exit_findings : code;
}

}  // namespace

void register_fmt(CLI::App& app, CommandRegistry& registry) {
  auto args = std::make_shared<FmtArgs>();
  CLI::App* fmt = app.add_subcommand("fmt", "Print query files and where clause files in canonical layout");
  fmt->footer(
      "Canonical layout: keywords upper case, one clause per line, the where clause one AND/OR operand per\n"
      "line, ';' after every statement; comments are kept. A .where file is its clause, one AND/OR operand\n"
      "per line. The meaning and order never change.\n"
      "Exit status: 0 done (with --check: every file is formatted), 1 a file is not formatted (--check) or\n"
      "has a syntax error, 2 usage or I/O error.");
  fmt->add_option("inputs", args->operands,
                  "Query files, .where files, directories (every .tfq and .where file below), - for stdin (a "
                  "query file)")
      ->required();
  auto* check = fmt->add_flag("--check", args->check, "Print nothing; exit 1 if a file is not formatted");
  fmt->add_flag("--write", args->write, "Rewrite files in place (atomically) when they are not formatted")
      ->excludes(check);
  add_stdin_name_option(*fmt, args->stdin_name);
  add_limit_options(*fmt, args->limits);
  fmt->callback([args, &registry] { registry.exit_code = run_fmt(*args); });
}

}  // namespace tfq::cli
