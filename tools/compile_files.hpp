// `tfq compile FILE...`: query files, JSON bodies and .where files compiled into canonical bodies, printed
// or written all or nothing. cmd_compile.cpp owns the command and calls in here for file operands.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "report.hpp"
#include "tfq/catalog.hpp"
#include "tfq/compile.hpp"
#include "tfq/config.hpp"
#include "tfq/limits.hpp"

namespace tfq::cli {

struct CompileFileArgs {
  std::vector<std::string> operands;  // files, directories (their .tfq files), - for stdin
  std::string output;                 // -o FILE: the one body
  std::string out_dir;                // --out-dir DIR: one NAME.json per statement
  bool check = false;                 // compare with the existing files instead of writing them
  std::vector<std::string> params;    // --param name=value
  std::string stdin_name;             // --stdin-name: what "-" is called (and holds), or empty
};

// What the compile command decides for every input.
struct CompileSettings {
  bool compact = false;
  bool warnings_as_errors = false;
  OutputFormat format = OutputFormat::text;        // a machine format prints the findings on stdout
  std::FILE* findings_stream = nullptr;            // where findings go instead (submit: stderr or a file)
  Target default_target = Target::export_request;  // for statements that name no API
  std::vector<SeverityOverride> severities;        // the project's, applied to every input's findings
  const Catalog* catalog = nullptr;                // nullptr: the built-in catalog
  Limits limits;
  std::string stdin_name;  // the name (and so the kind) of "-", or empty for "<stdin>", a where clause
};

// One request of one input.
struct CompiledInput {
  std::string source_name;
  InputKind kind;
  CompiledRequest request;
};

struct CompiledInputs {
  int exit_code = 0;                    // 1: an input has errors; 2: a bad --param or an unreadable input
  std::vector<CompiledInput> requests;  // every input's requests, in order; only when exit_code is 0
  std::vector<std::string> files;       // the paths of every input file read
};

// The first of `outputs` that is the same file as one of `inputs` (an existing file reached by another
// name counts too), or nullopt: writing it would replace what the user wrote.
std::optional<std::string> output_overwriting_input(const std::vector<std::string>& outputs,
                                                    const std::vector<std::string>& inputs);

// Compiles every operand (a directory gives the .tfq files below it) with the --param bindings, reporting
// findings (text on stderr, a machine format on stdout) and other problems as "tfq COMMAND: ...". A binding
// that no input uses is an error (reported by the input itself when there is only one). Shared by compile and
// submit, so that both read the same inputs the same way.
CompiledInputs compile_inputs(std::span<const std::string> operands, std::span<const std::string> params,
                              const CompileSettings& settings, std::string_view command);

// The project's severities and the source's tfq-ignore comments, applied as tfq lint applies them. An
// input with errors builds no request, so when they would all be hidden the findings stay as they are:
// an input never fails silently.
void apply_project_rules(const Source& source, const std::vector<SeverityOverride>& severities,
                         std::vector<Diagnostic>& diagnostics);

// Adds the operands, -o, --out-dir, --check and --param to `command`.
void add_compile_file_options(CLI::App& command, CompileFileArgs& args);

// Compiles every input; prints diagnostics (text on stderr, a machine format on stdout); writes the bodies
// (stdout, -o or --out-dir) only when no input has an error. Returns the exit code.
int compile_files(const CompileFileArgs& args, const CompileSettings& settings);

}  // namespace tfq::cli
