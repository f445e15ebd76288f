// One echoed source line with marks under it: the building block of the text renderer.
// Tabs are expanded, control characters and invalid bytes are made visible, and very long lines are cut
// to a window around the marked range, so a snippet is always short and safe to print to a terminal.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::render {

inline constexpr std::uint32_t tab_width = 4;

struct Snippet {
  std::string echoed;  // the line as shown
  std::string marks;   // first_mark then rest_mark under the marked part; one first_mark for an empty range
  std::string fixes;   // replacement texts of the fix-its that start on this line, under their place
};

struct SnippetRequest {
  std::uint32_t line = 1;  // 1-based; the range's part on this line is marked, the rest is ignored
  SourceRange range;
  char first_mark = '^';
  char rest_mark = '~';
  std::span<const FixIt> fixes;
  std::uint32_t max_width = 0;  // 0: never cut
};

Snippet make_snippet(const Source& source, const SnippetRequest& request);

// Text safe to print on a terminal: control characters become Control Pictures (U+2400...), bytes that
// are not UTF-8 and characters that reorder or escape the display become U+FFFD. For messages and names.
std::string printable(std::string_view text);
// printable(text), appended to out.
void append_printable(std::string& out, std::string_view text);

// How many terminal columns a character takes: 0 for combining marks, 2 for wide (East Asian) ones.
std::uint32_t display_width(char32_t code_point);

}  // namespace tfq::render
