// Byte offsets to line and column for renderers, fast when many diagnostics point into one long line.
#pragma once

#include <array>
#include <cstdint>

#include "tfq/source.hpp"

namespace tfq::render {

// Gives the same answers as Source::line_column, but remembers a few recent answers and counts
// columns onward from the nearest one on the same line, so k findings on a line of n bytes cost
// about n + k steps instead of n * k.
class PositionCursor {
 public:
  explicit PositionCursor(const Source& source) : source_(source) {}

  LineColumn at(std::uint32_t offset);

 private:
  struct Known {
    std::uint32_t offset = 0;
    LineColumn position;
    bool valid = false;
  };

  const Source& source_;
  std::array<Known, 8> known_{};
  std::size_t next_slot_ = 0;
};

}  // namespace tfq::render
