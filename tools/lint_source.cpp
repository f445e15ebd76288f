// lint_source and fix_source: the per-file work of `tfq lint`, run on many threads at once.
#include "lint_source.hpp"

#include <algorithm>

#include "tfq/suppress.hpp"

namespace tfq::cli {
namespace {

// Each round removes at most one repeated or implied predicate (see apply_fixes), so a file may need a
// round per predicate; the bound only guards against fix-its that undo each other. What is left after it
// is fixed by the next run.
constexpr int kMaxFixRounds = 64;

std::size_t error_count(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace

std::vector<Diagnostic> lint_source(const Source& source, const LintSetup& setup) {
  const InputKind kind = input_kind_for(source.name());
  std::vector<Diagnostic> findings = kind == InputKind::where_clause
                                         ? lint_where(source, setup.where)
                                         : compile(source, kind, setup.compile).diagnostics;
  add_predicate_removal_fixes(source, kind, setup.compile, findings);
  apply_suppressions(source, findings);
  apply_severity_overrides(setup.severities, findings);
  return findings;
}

FixedSource fix_source(const Source& source, const LintSetup& setup, const FixPolicy& policy) {
  FixedSource fixed;
  fixed.text = source.text();
  const InputKind kind = input_kind_for(source.name());
  const Limits& limits = kind == InputKind::where_clause ? setup.where.limits : setup.compile.limits;
  std::vector<Diagnostic> findings = lint_source(source, setup);
  const std::size_t errors_before = error_count(findings);
  for (int round = 0; round < kMaxFixRounds; ++round) {
    const Source current(source.name(), fixed.text);
    const std::vector<SourceRange> comments = comments_of(current, kind, limits);
    AppliedFixes applied = apply_fixes(fixed.text, findings, policy, comments);
    if (applied.applied == 0 || applied.text == fixed.text) break;
    fixed.text = std::move(applied.text);
    fixed.applied += applied.applied;
    findings = lint_source(Source(source.name(), fixed.text), setup);
  }
  if (error_count(findings) > errors_before) {
    fixed.text = source.text();
    fixed.applied = 0;
    fixed.rejected = true;
    findings = lint_source(source, setup);
  }
  fixed.remaining = std::move(findings);
  return fixed;
}

}  // namespace tfq::cli
