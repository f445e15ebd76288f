// Inline suppression of findings in where clauses and query files.
#pragma once

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

}  // namespace tfq
