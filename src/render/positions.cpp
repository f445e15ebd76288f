// Line and column lookups with a small memory of recent answers (see positions.hpp).
#include "render/positions.hpp"

#include <algorithm>

namespace tfq::render {

std::uint32_t PositionCursor::line_of(std::uint32_t offset) const {
  // The last line whose start is at or before offset.
  std::uint32_t low = 1, high = source_.line_count();
  while (low < high) {
    const std::uint32_t mid = low + (high - low + 1) / 2;
    if (source_.line_start(mid) <= offset) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

LineColumn PositionCursor::at(std::uint32_t offset) {
  const std::string& text = source_.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const std::uint32_t line = line_of(offset);

  // Start counting from the closest remembered point on this line, or from the line's start.
  std::uint32_t from = source_.line_start(line);
  std::uint32_t column = 1;
  for (const Known& k : known_) {
    if (k.valid && k.position.line == line && k.offset <= offset && k.offset >= from) {
      from = k.offset;
      column = k.position.column;
    }
  }
  for (std::uint32_t i = from; i < offset; ++i) {
    // UTF-8 continuation bytes (10xxxxxx) do not start a character.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  }
  const LineColumn result{line, column};
  known_[next_slot_] = {offset, result, true};
  next_slot_ = (next_slot_ + 1) % known_.size();
  return result;
}

}  // namespace tfq::render
