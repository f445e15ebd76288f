// One source through `tfq lint`: the pipeline its kind calls for, then what the project says about the
// findings; and the same again, round after round, while safe fix-its apply (--fix, --diff).
#pragma once

#include <string>
#include <vector>

#include "tfq/compile.hpp"
#include "tfq/config.hpp"
#include "tfq/fix.hpp"
#include "tfq/lint.hpp"

namespace tfq::cli {

struct LintSetup {
  LintOptions where;       // .where files, stdin and --where: catalog and limits
  CompileOptions compile;  // .tfq and .json files: the same, in lint mode, with the project's target
  std::vector<SeverityOverride> severities;
};

// Every finding of one source as `tfq lint` reports it: its pipeline's findings, fix-its that remove
// repeated or implied predicates, less what `-- tfq-ignore:` comments hide, with the project's
// severities (codes that are "off" removed).
std::vector<Diagnostic> lint_source(const Source& source, const LintSetup& setup);

struct FixedSource {
  std::string text;                   // the fixed text (the original when nothing applied)
  std::size_t applied = 0;            // findings whose fix-its were applied
  std::vector<Diagnostic> remaining;  // the findings of `text`
  bool rejected = false;              // the fixes were dropped: they would have added errors
};

// Lints and applies fix-its until nothing more applies (at most a few rounds: each round's fix-its can
// uncover or unblock others). Fixes that would leave more errors than there were are all dropped.
FixedSource fix_source(const Source& source, const LintSetup& setup, const FixPolicy& policy);

}  // namespace tfq::cli
