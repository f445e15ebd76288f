// Line and column lookups with a small memory of recent answers (see positions.hpp).
#include "render/positions.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

namespace tfq::render {

namespace {

// How many characters [begin, end) holds: its bytes less its UTF-8 continuation bytes (10xxxxxx), counted
// eight at a time.
std::uint32_t characters(const char* begin, const char* end) {
  std::uint32_t continuations = 0;
  const char* at = begin;
  for (; end - at >= 8; at += 8) {
    std::uint64_t word;
    std::memcpy(&word, at, sizeof word);
    // Bit 7 of each byte that has bit 7 set and bit 6 clear.
    continuations += static_cast<std::uint32_t>(std::popcount(word & ~(word << 1) & 0x8080808080808080u));
  }
  for (; at < end; ++at) continuations += (static_cast<unsigned char>(*at) & 0xC0) == 0x80;
  return static_cast<std::uint32_t>(end - begin) - continuations;
}

}  // namespace

LineColumn PositionCursor::at(std::uint32_t offset) {
  const std::string& text = source_.text();
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text.size()));
  const std::uint32_t line = source_.line_of(offset);

  // Start counting from the closest remembered point on this line, or from the line's start.
  std::uint32_t from = source_.line_start(line);
  std::uint32_t column = 1;
  for (const Known& k : known_) {
    if (k.valid && k.position.line == line && k.offset <= offset && k.offset >= from) {
      from = k.offset;
      column = k.position.column;
    }
  }
  column += characters(text.data() + from, text.data() + offset);
  const LineColumn result{line, column};
  known_[next_slot_] = {offset, result, true};
  next_slot_ = (next_slot_ + 1) % known_.size();
  return result;
}

}  // namespace tfq::render
