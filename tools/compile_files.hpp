// `tfq compile FILE...`: query files, JSON bodies and .where files compiled into canonical bodies, printed
// or written all or nothing. cmd_compile.cpp owns the command and calls in here for file operands.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "report.hpp"
#include "tfq/catalog.hpp"
#include "tfq/limits.hpp"

namespace tfq::cli {

struct CompileFileArgs {
  std::vector<std::string> operands;  // files, directories (their .tfq files), - for stdin
  std::string output;                 // -o FILE: the one body
  std::string out_dir;                // --out-dir DIR: one NAME.json per statement
  bool check = false;                 // compare with the existing files instead of writing them
  std::vector<std::string> params;    // --param name=value
};

// What the compile command decides for every input.
struct CompileSettings {
  bool compact = false;
  bool warnings_as_errors = false;
  OutputFormat format = OutputFormat::text;  // a machine format prints the findings on stdout
  const Catalog* catalog = nullptr;          // nullptr: the built-in catalog
  Limits limits;
};

// Adds the operands, -o, --out-dir, --check and --param to `command`.
void add_compile_file_options(CLI::App& command, CompileFileArgs& args);

// Compiles every input; prints diagnostics (text on stderr, a machine format on stdout); writes the bodies
// (stdout, -o or --out-dir) only when no input has an error. Returns the exit code.
int compile_files(const CompileFileArgs& args, const CompileSettings& settings);

}  // namespace tfq::cli
