// Fix mode: applying the fix-its of findings to a source's text, and showing the change as a diff.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/compile.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

// Whether the fix-its of a code are safe to apply without a person looking: they correct spelling and
// case of names and enum values, remove what is repeated or implied, move a name to the list it belongs
// in, or respell something the server reads the same way. Other fix-its are guesses about intent (a date,
// a file name, which categories to keep), applied only when asked for (--unsafe-fixes).
bool fix_is_safe(Code code);

struct FixPolicy {
  bool include_unsafe = false;
};

struct AppliedFixes {
  std::string text;         // the source's text with the fix-its applied
  std::size_t applied = 0;  // how many findings had their fix-its applied
};

// Applies the fix-its of the findings the policy allows, in order: a finding's fix-its go in all together
// or not at all, and never when one of them touches text that an earlier finding's fix-its change (the
// caller lints the result again and applies what is left). At most one repeated or implied predicate
// (TFQ303, TFQ302) is removed per call: each removal is proven safe alone, not together with another.
// Invalid ranges are skipped, and so is a finding whose edits would change any of `comments` (a removal
// that would take a comment with it): what the user wrote beside the code is never lost.
AppliedFixes apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics,
                         const FixPolicy& policy, std::span<const SourceRange> comments = {});

// The comments of a where clause or query file, as its parser reads them, for apply_fixes to leave alone:
// in a where clause up to a syntax error; none in a query file with a syntax error (its fix-its respell the
// bad token alone) or in a JSON body.
std::vector<SourceRange> comments_of(const Source& source, InputKind kind, const Limits& limits);

// Gives findings of repeated (TFQ303) or implied (TFQ302) predicates a fix-it that deletes the predicate
// with the AND or OR that joins it to its neighbour. Each candidate edit is kept only if the edited source
// compiles to exactly the same request bodies (or canonical where clause) as the original, so the fix can
// never change which rows are selected; nothing is added when the source does not compile.
// Each proof compiles the source once more: proofs stop when they would compile more than
// predicate_fix_budget_bytes in all, so the cost stays linear in the source (later findings of a large
// file keep no fix-it).
inline constexpr std::size_t predicate_fix_budget_bytes = std::size_t{1} << 20;
void add_predicate_removal_fixes(const Source& source, InputKind kind, const CompileOptions& options,
                                 std::vector<Diagnostic>& diagnostics);

// A unified diff (3 lines of context) from `before` to `after`, with `name` in the --- and +++ lines;
// "" when they are equal.
std::string unified_diff(std::string_view name, std::string_view before, std::string_view after);

}  // namespace tfq
