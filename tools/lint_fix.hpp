// `tfq lint --fix` and `--diff`: safe fix-its applied to files in place (atomically), or shown as a diff.
#pragma once

#include <string>
#include <vector>

#include "inputs.hpp"
#include "lint_source.hpp"
#include "report.hpp"

namespace tfq::cli {

struct FixArgs {
  bool write = false;   // --fix: rewrite the files (without it: --diff, print what would change)
  bool unsafe = false;  // --unsafe-fixes: every fix-it, not only the safe ones
  unsigned jobs = 1;
};

// --fix: rewrites every file whose fix-its apply (all of them, or none when any cannot be written), then
// reports the findings that remain. --diff: prints a unified diff of every change to stdout and nothing
// else; exit status 1 when there is any. Problems (unreadable inputs, stdin with --fix) are added to
// `problems`. Returns the exit status.
int run_lint_fix(const std::vector<InputSpec>& inputs, const LintSetup& setup, const FixArgs& args,
                 FindingsReport& report, std::vector<std::string>& problems);

}  // namespace tfq::cli
