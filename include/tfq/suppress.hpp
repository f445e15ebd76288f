// Inline suppression of findings in where clauses and query files.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

// A line that holds nothing but the comment `-- tfq-ignore: CODE[, CODE...]` (ids such as TFQ215, or
// names such as duplicate_in_element) hides the findings of those codes whose primary range starts on the
// next line. Several such lines in a row add up and apply to the line after the last of them.
// Removes the suppressed findings from `diagnostics` (keeping the order of the rest) and adds a warning
// (TFQ710) for a comment that names an unknown code or no code at all.
void apply_suppressions(const Source& source, std::vector<Diagnostic>& diagnostics);

// What the tfq-ignore comments of a text hide, line by line: the rules apply_suppressions applies.
struct HiddenCodes {
  std::set<Code> codes;
  SourceRange comment;  // the last comment of the lines that hide them, right above the line
};
struct Suppressions {
  std::map<std::uint32_t, HiddenCodes> lines;  // 1-based line -> the codes hidden on it
  std::vector<Diagnostic> problems;            // TFQ710 for comments naming an unknown code or none
};
Suppressions find_suppressions(const Source& source);

}  // namespace tfq
