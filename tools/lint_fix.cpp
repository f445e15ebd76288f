// Fix mode: every input linted and fixed on its own thread, then the files written in one atomic batch.
#include "lint_fix.hpp"

#include <cstdio>

#include "atomic_files.hpp"
#include "commands.hpp"
#include "parallel.hpp"

namespace tfq::cli {
namespace {

struct Fixed {
  std::optional<Source> source;  // the input as read; absent when it could not be read
  bool is_file = false;          // stdin and --where text cannot be rewritten
  FixedSource result;
  std::string problem;
};

std::string plural(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

}  // namespace

int run_lint_fix(const std::vector<InputSpec>& inputs, const LintSetup& setup, const FixArgs& args,
                 FindingsReport& report, std::vector<std::string>& problems) {
  const FixPolicy policy{.include_unsafe = args.unsafe};
  std::vector<PlannedFile> planned;
  std::size_t fixed_findings = 0;
  bool changed = false;
  ordered_parallel(
      inputs.size(), args.jobs,
      [&](std::size_t i) {
        Fixed out;
        out.is_file = inputs[i].kind == InputSpec::Kind::file;
        out.source = read_input(inputs[i], setup.where.limits.max_bytes, out.problem);
        if (out.source) out.result = fix_source(*out.source, setup, policy);
        return out;
      },
      [&](Fixed&& out) {
        if (!out.source) return problems.push_back(std::move(out.problem));
        const Source& source = *out.source;
        if (out.result.rejected) {
          problems.push_back("the fixes to '" + source.name() + "' were not applied: they would add errors");
        }
        const bool differs = out.result.text != source.text();
        changed |= differs;
        if (!args.write) {
          const std::string diff = unified_diff(source.name(), source.text(), out.result.text);
          std::fwrite(diff.data(), 1, diff.size(), stdout);
          return;
        }
        if (differs) {
          if (!out.is_file) {
            problems.push_back("cannot fix '" + source.name() + "' in place: use --diff to see the fixes");
          } else {
            planned.push_back({source.name(), out.result.text});  // a link is written through
            fixed_findings += out.result.applied;
          }
        }
        report.add(Source(source.name(), std::move(out.result.text)), std::move(out.result.remaining));
      });
  if (!args.write) {
    std::fflush(stdout);
    return !problems.empty() ? exit_usage : changed ? exit_findings : exit_ok;
  }
  if (const auto failure = write_files_atomically(planned)) {
    problems.push_back(*failure + " (no file was changed)");
  } else if (!planned.empty()) {
    std::fprintf(stderr, "tfq lint: fixed %s in %s\n", plural(fixed_findings, "finding").c_str(),
                 plural(planned.size(), "file").c_str());
  }
  report.finish();
  return report.exit_code(!problems.empty());
}

}  // namespace tfq::cli
