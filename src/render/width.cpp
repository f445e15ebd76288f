// Terminal width of a character: enough of Unicode's East Asian Width and combining classes to keep
// carets aligned under CJK text, emoji and accents written with combining marks.
#include <algorithm>
#include <array>

#include "render/snippet.hpp"

namespace tfq::render {
namespace {

struct Interval {
  char32_t first;
  char32_t last;
};

constexpr std::array kZeroWidth = {
    Interval{0x0300, 0x036F}, Interval{0x0483, 0x0489}, Interval{0x0591, 0x05BD}, Interval{0x0610, 0x061A},
    Interval{0x064B, 0x065F}, Interval{0x0E31, 0x0E31}, Interval{0x0E34, 0x0E3A}, Interval{0x1AB0, 0x1AFF},
    Interval{0x1DC0, 0x1DFF}, Interval{0x200B, 0x200D}, Interval{0x20D0, 0x20FF}, Interval{0xFE00, 0xFE0F},
    Interval{0xFE20, 0xFE2F}, Interval{0xFEFF, 0xFEFF},
};

constexpr std::array kWide = {
    Interval{0x1100, 0x115F},   Interval{0x231A, 0x231B},   Interval{0x2329, 0x232A},
    Interval{0x23E9, 0x23EC},   Interval{0x25FD, 0x25FE},   Interval{0x2614, 0x2615},
    Interval{0x2648, 0x2653},   Interval{0x26AA, 0x26AB},   Interval{0x26BD, 0x26BE},
    Interval{0x26C4, 0x26C5},   Interval{0x26F2, 0x26F5},   Interval{0x2705, 0x2705},
    Interval{0x270A, 0x270B},   Interval{0x2728, 0x2728},   Interval{0x274C, 0x274C},
    Interval{0x2753, 0x2757},   Interval{0x2795, 0x2797},   Interval{0x2B1B, 0x2B1C},
    Interval{0x2E80, 0x303E},   Interval{0x3041, 0x33FF},   Interval{0x3400, 0x4DBF},
    Interval{0x4E00, 0x9FFF},   Interval{0xA000, 0xA4CF},   Interval{0xA960, 0xA97F},
    Interval{0xAC00, 0xD7A3},   Interval{0xF900, 0xFAFF},   Interval{0xFE10, 0xFE19},
    Interval{0xFE30, 0xFE6F},   Interval{0xFF00, 0xFF60},   Interval{0xFFE0, 0xFFE6},
    Interval{0x1F004, 0x1F004}, Interval{0x1F0CF, 0x1F0CF}, Interval{0x1F18E, 0x1F18E},
    Interval{0x1F191, 0x1F19A}, Interval{0x1F200, 0x1F251}, Interval{0x1F300, 0x1F64F},
    Interval{0x1F680, 0x1F6FF}, Interval{0x1F900, 0x1F9FF}, Interval{0x1FA70, 0x1FAFF},
    Interval{0x20000, 0x2FFFD}, Interval{0x30000, 0x3FFFD},
};

template <std::size_t N>
bool contains(const std::array<Interval, N>& table, char32_t cp) {
  auto it = std::upper_bound(table.begin(), table.end(), cp,
                             [](char32_t value, const Interval& i) { return value < i.first; });
  return it != table.begin() && cp <= std::prev(it)->last;
}

}  // namespace

std::uint32_t display_width(char32_t code_point) {
  if (code_point < 0x300) return 1;
  if (contains(kZeroWidth, code_point)) return 0;
  return contains(kWide, code_point) ? 2 : 1;
}

}  // namespace tfq::render
