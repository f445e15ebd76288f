// Splits src/docs/codes.md into its per-code sections. Private: the tests use it to check the document.
#pragma once

#include <string_view>
#include <vector>

namespace tfq::docs {

struct CodeSection {
  std::string_view id;    // "TFQ200"
  std::string_view name;  // "unknown_field"
  std::string_view body;  // the text below the heading, without leading and trailing blank lines
};

// Every "## <id> <name>" heading starts a section that runs to the next "## " heading (or the end).
// Text before the first such heading, and headings of other levels, belong to no section.
std::vector<CodeSection> split_code_sections(std::string_view markdown);

// The first paragraph of a section body: its text up to the first blank line.
std::string_view first_paragraph(std::string_view body);

}  // namespace tfq::docs
