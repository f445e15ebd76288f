// Fuzz target: the line table behind every rendered position (lines, UTF-8 columns, CRLF).
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tfq::Source source("fuzz", tfq::fuzz::as_text(data, size));
  const auto& text = source.text();
  FUZZ_CHECK(source.line_count() == 1 + std::count(text.begin(), text.end(), '\n'));

  for (std::uint32_t line = 1; line <= source.line_count(); ++line) {
    const auto line_text = source.line_text(line);
    FUZZ_CHECK(line_text.find('\n') == std::string_view::npos);
    FUZZ_CHECK(source.line_start(line) + line_text.size() <= text.size());
    FUZZ_CHECK(source.line_column(source.line_start(line)) == (tfq::LineColumn{line, 1}));
  }

  // A sample of offsets (all of them would be quadratic), including one past the end.
  const std::size_t step = std::max<std::size_t>(1, size / 64);
  for (std::size_t offset = 0; offset <= size + 1; offset += step) {
    const auto position = source.line_column(static_cast<std::uint32_t>(offset));
    FUZZ_CHECK(position.line >= 1 && position.line <= source.line_count());
    const std::size_t clamped = std::min(offset, size);
    const std::uint32_t start = source.line_start(position.line);
    FUZZ_CHECK(start <= clamped);
    FUZZ_CHECK(position.column >= 1 && position.column <= clamped - start + 1);
  }
  return 0;
}
