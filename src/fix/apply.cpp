// Applying fix-its: which codes are safe, and splicing non-conflicting edits into the text.
#include <algorithm>

#include "tfq/fix.hpp"

namespace tfq {
namespace {

// Two edits conflict when they change overlapping text, or when one inserts where the other replaces
// (also at its edges, where the order of the two would be a guess).
bool conflict(const FixIt& a, const FixIt& b) {
  const SourceRange x = a.range, y = b.range;
  if (x.begin < y.end && y.begin < x.end) return true;
  if (x.begin == x.end && y.begin <= x.begin && x.begin <= y.end) return true;
  if (y.begin == y.end && x.begin <= y.begin && y.begin <= x.end) return true;
  return false;
}

// An edit changes a comment when it replaces text of it or inserts inside it, or when it starts where a
// line comment ends and leaves text on that line: the text would become part of the comment.
bool changes_comment(std::string_view text, const FixIt& fix, SourceRange comment) {
  if (fix.range.begin < comment.end && comment.begin < fix.range.end) return true;
  if (fix.range.begin != comment.end || text.substr(comment.begin, 2) != "--") return false;
  if (!fix.replacement.empty()) return true;
  const std::string_view after = text.substr(fix.range.end);
  return after.substr(0, after.find('\n')).find_first_not_of(" \t\r") != std::string_view::npos;
}

// Removing a repeated or implied predicate is proven against the text as it is, one removal at a time:
// two removals that are each safe can together take out both copies of a predicate (`A OR A`).
bool removes_predicate(Code code) {
  return code == Code::duplicate_predicate || code == Code::redundant_predicate;
}

}  // namespace

bool fix_is_safe(Code code) {
  switch (code) {
    // Spelling and case of names, keys and enum values.
    case Code::unknown_field:
    case Code::unknown_enum_value:
    case Code::unknown_name:
    case Code::unknown_category:
    case Code::json_unknown_key:
    // Something the server reads the same way, spelled as it documents it.
    case Code::double_equals:
    case Code::c_logical_operator:
    case Code::double_quoted_string:
    case Code::ltgt_operator:
    case Code::file_name_csv_extension:
    // Repeated or implied parts, removed; a name moved to the list it belongs in.
    case Code::duplicate_predicate:
    case Code::redundant_predicate:
    case Code::duplicate_in_element:
    case Code::duplicate_name:
    case Code::duplicate_category:
    case Code::metric_under_fields:
    case Code::field_under_metrics: return true;
    default: return false;
  }
}

AppliedFixes apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics,
                         const FixPolicy& policy, std::span<const SourceRange> comments) {
  std::vector<FixIt> accepted;
  AppliedFixes result;
  bool removed_predicate = false;
  for (const Diagnostic& d : diagnostics) {
    if (d.fixes.empty() || !(policy.include_unsafe || fix_is_safe(d.code))) continue;
    if (removed_predicate && removes_predicate(d.code)) continue;
    const bool usable = std::all_of(d.fixes.begin(), d.fixes.end(), [&](const FixIt& f) {
      return f.range.begin <= f.range.end && f.range.end <= text.size() &&
             std::none_of(accepted.begin(), accepted.end(), [&](const FixIt& a) { return conflict(a, f); }) &&
             std::none_of(comments.begin(), comments.end(),
                          [&](SourceRange c) { return changes_comment(text, f, c); });
    });
    if (!usable) continue;
    accepted.insert(accepted.end(), d.fixes.begin(), d.fixes.end());
    removed_predicate = removed_predicate || removes_predicate(d.code);
    ++result.applied;
  }
  std::stable_sort(accepted.begin(), accepted.end(),
                   [](const FixIt& a, const FixIt& b) { return a.range.begin < b.range.begin; });
  std::size_t at = 0;
  for (const FixIt& f : accepted) {
    result.text.append(text.substr(at, f.range.begin - at));
    result.text.append(f.replacement);
    at = f.range.end;
  }
  result.text.append(text.substr(at));
  return result;
}

}  // namespace tfq
