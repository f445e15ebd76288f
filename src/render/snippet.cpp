// Echoed source lines with carets: layout of characters into terminal columns, windowing, marks, fix-its.
#include "render/snippet.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <vector>

#include "text/utf8.hpp"

namespace tfq::render {
namespace {

// One character of the line as it is shown: its bytes in the source, or a static replacement (a tab's
// spaces, a control picture, U+FFFD), so that laying out a line allocates nothing per character.
struct Cell {
  std::uint32_t offset = 0;  // byte offset in the source
  std::uint32_t column = 0;  // 0-based terminal column, counted from where the layout started
  std::uint32_t width = 0;
  std::string_view shown;
};

struct Layout {
  std::vector<Cell> cells;
  std::uint32_t end_column = 0;
  bool reached_line_end = false;
};

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kSpaces = "        ";
static_assert(tab_width <= kSpaces.size(), "a tab's spaces come from kSpaces");

// U+2400 + byte for the C0 controls, U+2421 for DEL: their pictures in UTF-8.
std::string_view control_picture(unsigned char byte) {
  static const std::array<std::string, 33> pictures = [] {
    std::array<std::string, 33> table;
    for (char32_t c = 0; c < 32; ++c) utf8::append(table[c], U'\u2400' + c);
    utf8::append(table[32], U'\u2421');
    return table;
  }();
  return pictures[byte == 0x7F ? 32 : byte];
}

// C1 controls can start terminal escape sequences; bidirectional overrides reorder what is shown
// (the "Trojan Source" trick). Neither may reach the terminal as they are.
bool must_hide(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// How one character at text[at] is shown, and how many bytes it takes (tabs are the caller's business).
bool plain_ascii(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 && byte < 0x7F;
}

std::string_view shown_character(std::string_view text, std::uint32_t at, std::uint32_t& length,
                                 std::uint32_t& width) {
  const auto byte = static_cast<unsigned char>(text[at]);
  length = 1;
  width = 1;
  if (plain_ascii(text[at])) return text.substr(at, 1);
  if (byte < 0x80) return control_picture(byte);
  const utf8::Decoded d = utf8::decode(text, at);
  length = d.length;
  if (d.problem != utf8::Problem::none || must_hide(d.code_point)) return kReplacementCharacter;
  width = display_width(d.code_point);
  return text.substr(at, length);
}

// Lays out the characters of [from, line_end). With a width limit, stops once the columns after
// `anchor` fill a whole window, so a huge line costs only about one window of work.
Layout lay_out(std::string_view text, std::uint32_t from, std::uint32_t line_end, std::uint32_t anchor,
               std::uint32_t max_width) {
  Layout layout;
  layout.cells.reserve(max_width != 0 ? std::min(line_end - from, anchor - std::min(anchor, from) + max_width)
                                      : line_end - from);
  std::optional<std::uint32_t> anchor_column;
  std::uint32_t column = 0;
  std::uint32_t at = from;
  while (at < line_end) {
    if (at >= anchor && !anchor_column) anchor_column = column;
    if (max_width != 0 && anchor_column && column >= *anchor_column + max_width) break;
    Cell cell{at, column, 1, {}};
    std::uint32_t length = 1;
    if (plain_ascii(text[at])) {
      cell.shown = text.substr(at, 1);
    } else if (text[at] == '\t') {
      cell.width = tab_width - column % tab_width;
      cell.shown = kSpaces.substr(0, cell.width);
    } else {
      cell.shown = shown_character(text.substr(0, line_end), at, length, cell.width);
    }
    column += cell.width;
    layout.cells.push_back(cell);
    at += length;
  }
  layout.reached_line_end = at >= line_end;
  layout.end_column = column;
  return layout;
}

// Steps back `characters` characters from offset, without leaving the line.
std::uint32_t back_off(std::string_view text, std::uint32_t line_begin, std::uint32_t offset,
                       std::uint32_t characters) {
  while (offset > line_begin && characters > 0) {
    --offset;
    if ((static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80) --characters;
  }
  return offset;
}

// Writes text into line at a column, padding with spaces; the caller keeps writes in order.
void put(std::string& line, std::size_t column, std::string_view text) {
  if (line.size() < column) line.append(column - line.size(), ' ');
  if (line.size() == column) {
    line.append(text);  // the usual case: writing at the end
  } else {
    line.replace(column, std::min(text.size(), line.size() - column), text);
  }
}

// Which columns of a layout are shown, and whether "..." stands for text cut off on either side.
struct Window {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool left_ellipsis = false;
  bool right_ellipsis = false;
  // Where a layout column lands in the echoed line.
  std::uint32_t shown_column(std::uint32_t column) const { return (left_ellipsis ? 3 : 0) + column - begin; }
};

// Everything, or max_width columns starting a third of a window before the mark (earlier when the line
// ends sooner, so the window is always full). In layout columns: where the mark starts, where the laid-out
// text ends, and whether that is the line's end.
Window window_around(std::uint32_t mark_column, std::uint32_t end_column, bool reached_line_end,
                     std::uint32_t max_width, bool cut_left) {
  Window w{0, end_column, cut_left, !reached_line_end};
  if (max_width == 0 || (!cut_left && reached_line_end && end_column <= max_width)) return w;
  w.begin = mark_column > max_width / 3 ? mark_column - max_width / 3 : 0;
  if (reached_line_end && end_column >= max_width) w.begin = std::min(w.begin, end_column - max_width);
  w.end = w.begin + max_width;
  w.left_ellipsis = cut_left || w.begin > 0;
  w.right_ellipsis = !reached_line_end || end_column > w.end;
  return w;
}

// The window of a layout: its mark starts at the first cell at or after mark_begin.
Window choose_window(const Layout& layout, std::uint32_t mark_begin, std::uint32_t max_width, bool cut_left) {
  std::uint32_t mark_column = layout.end_column;
  for (const Cell& cell : layout.cells) {
    if (cell.offset >= mark_begin) {
      mark_column = cell.column;
      break;
    }
  }
  return window_around(mark_column, layout.end_column, layout.reached_line_end, max_width, cut_left);
}

// Writes the replacements of the fix-its that start on the line [line_begin, line_end] under their place,
// left to right whatever order the diagnostic lists them in. column_of(offset): the shown column, or
// nullopt when the place is off screen.
template <typename ColumnOf>
void draw_fixes(const SnippetRequest& request, std::uint32_t line_begin, std::uint32_t line_end,
                const ColumnOf& column_of, std::string& out) {
  std::vector<const FixIt*> fixes;
  for (const FixIt& fix : request.fixes) fixes.push_back(&fix);
  std::sort(fixes.begin(), fixes.end(),
            [](const FixIt* a, const FixIt* b) { return a->range.begin < b->range.begin; });
  for (const FixIt* fix_pointer : fixes) {
    const FixIt& fix = *fix_pointer;
    if (fix.range.begin < line_begin || fix.range.begin > line_end || fix.replacement.empty()) continue;
    const std::optional<std::uint32_t> column = column_of(fix.range.begin);
    if (!column || *column < out.size()) continue;  // off screen, or would overwrite another
    const std::string shown =
        printable(std::string_view(fix.replacement).substr(0, fix.replacement.find_first_of("\r\n")));
    put(out, *column, shown);
  }
}

// The end of the run of plain ASCII bytes that starts at text[at]: eight bytes at a time while no byte of
// the eight is below 0x20 or above 0x7E, then byte by byte.
std::size_t plain_ascii_run(std::string_view text, std::size_t at) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
  for (std::uint64_t eight = 0; text.size() - at >= sizeof eight; at += sizeof eight) {
    std::memcpy(&eight, text.data() + at, sizeof eight);
    // Per byte, with its high bit cleared (so no sum carries into the next byte): + 0x60 sets the high bit
    // unless the byte is below 0x20, + 0x01 sets it only for 0x7F. A byte with its own high bit set is
    // not ASCII.
    const std::uint64_t low7 = eight & ~high_bits;
    const std::uint64_t not_plain = (eight | ~(low7 + 0x60 * ones) | (low7 + ones)) & high_bits;
    if (not_plain != 0) break;
  }
  while (at < text.size() && plain_ascii(text[at])) ++at;
  return at;
}

bool all_plain_ascii(std::string_view text) {
  return plain_ascii_run(text, 0) == text.size();
}

// A line of plain ASCII: each byte is one column, so columns are offsets from the line's start and the shown
// part of the line is a slice of it. What the general layout gives for such a line, without a cell per
// character.
Snippet plain_line_snippet(std::string_view text, std::uint32_t line_begin, std::uint32_t line_end,
                           std::uint32_t mark_begin, std::uint32_t mark_end, const SnippetRequest& request,
                           std::uint32_t max_width) {
  const Window window = window_around(mark_begin - line_begin, line_end - line_begin, true, max_width, false);
  const std::uint32_t begin = line_begin + window.begin, end = line_begin + window.end;  // the shown bytes
  // The shown column of the first shown byte at or after offset; just after the line at its end.
  const auto column_of = [&](std::uint32_t offset) -> std::optional<std::uint32_t> {
    if (offset >= end && window.right_ellipsis) return std::nullopt;
    return window.shown_column(std::clamp(offset, begin, end) - line_begin);
  };

  Snippet snippet;
  snippet.echoed.reserve(end - begin + 6);
  if (window.left_ellipsis) snippet.echoed = "...";
  snippet.echoed.append(text.substr(begin, end - begin));
  if (window.right_ellipsis) snippet.echoed += "...";
  if (const auto column = column_of(mark_begin)) {
    snippet.marks.assign(*column, ' ');
    snippet.marks += request.first_mark;
    const std::uint32_t marked_end = std::min(mark_end, end);
    if (marked_end > mark_begin) snippet.marks.append(marked_end - mark_begin - 1, request.rest_mark);
  }
  draw_fixes(request, line_begin, line_end, column_of, snippet.fixes);
  return snippet;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_printable(out, text);
  return out;
}

void append_printable(std::string& out, std::string_view text) {
  for (std::uint32_t at = 0; at < text.size();) {
    // Runs of plain ASCII go over as they are, in one copy.
    const auto run = static_cast<std::uint32_t>(plain_ascii_run(text, at));
    out.append(text.substr(at, run - at));
    if (run == text.size()) break;
    std::uint32_t length = 1, width = 1;
    out += shown_character(text, run, length, width);
    at = run + length;
  }
}

Snippet make_snippet(const Source& source, const SnippetRequest& request) {
  const std::string_view text = source.text();
  const std::uint32_t line_begin = source.line_start(request.line);
  const std::uint32_t line_end =
      line_begin + static_cast<std::uint32_t>(source.line_text(request.line).size());
  const std::uint32_t mark_begin = std::clamp(request.range.begin, line_begin, line_end);
  const std::uint32_t mark_end = std::clamp(request.range.end, mark_begin, line_end);
  // Bounded so that column arithmetic cannot overflow; no terminal is this wide.
  const std::uint32_t max_width = std::min<std::uint32_t>(request.max_width, 1U << 20);

  if (all_plain_ascii(text.substr(line_begin, line_end - line_begin))) {
    return plain_line_snippet(text, line_begin, line_end, mark_begin, mark_end, request, max_width);
  }

  // On a very long line, start a window's width before the mark instead of at the line's start.
  std::uint32_t from = line_begin;
  if (max_width != 0 && mark_begin - line_begin > 4 * max_width) {
    from = back_off(text, line_begin, mark_begin, max_width);
  }
  const Layout layout = lay_out(text, from, line_end, mark_begin, max_width);
  const Window window = choose_window(layout, mark_begin, max_width, from > line_begin);

  Snippet snippet;
  snippet.echoed.reserve(layout.cells.size() + 6);  // exact for ASCII; lay_out bounds the cells
  if (window.left_ellipsis) snippet.echoed = "...";
  std::vector<const Cell*> visible;
  visible.reserve(layout.cells.size());
  for (const Cell& cell : layout.cells) {
    if (cell.column < window.begin || cell.column + cell.width > window.end) continue;
    visible.push_back(&cell);
    snippet.echoed += cell.shown;
  }
  if (window.right_ellipsis) snippet.echoed += "...";

  // The shown column of a byte offset: its cell, or just after the last cell at the end of the line.
  auto column_of = [&](std::uint32_t offset) -> std::optional<std::uint32_t> {
    for (const Cell* cell : visible) {
      if (cell->offset >= offset) return window.shown_column(cell->column);
    }
    if (window.right_ellipsis) return std::nullopt;
    return window.shown_column(layout.end_column);
  };

  bool started = false;
  for (const Cell* cell : visible) {
    if (cell->offset < mark_begin || cell->offset >= mark_end) continue;
    const std::uint32_t column = window.shown_column(cell->column);
    for (std::uint32_t i = 0; i < cell->width; ++i, started = true) {
      put(snippet.marks, column + i, {started ? &request.rest_mark : &request.first_mark, 1});
    }
  }
  if (snippet.marks.empty()) {
    // An empty range, or one made only of zero-width characters: one mark where it starts.
    if (const auto column = column_of(mark_begin)) put(snippet.marks, *column, {&request.first_mark, 1});
  }

  draw_fixes(request, line_begin, line_end, column_of, snippet.fixes);
  return snippet;
}

}  // namespace tfq::render
