// A named text (a file, a --where argument, stdin) and its line table.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tfq {

// Byte offsets [begin, end) into a Source's text.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// 1-based line and column; the column counts characters (UTF-8 code points), not bytes.
struct LineColumn {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const LineColumn&, const LineColumn&) = default;
};

class Source {
 public:
  Source(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  // Line and column of a byte offset; an offset past the end maps to the end.
  LineColumn line_column(std::uint32_t offset) const;
  // The 1-based line holding a byte offset (the last line for an offset past the end).
  std::uint32_t line_of(std::uint32_t offset) const;
  // The text of a 1-based line, without its line terminator ("\n" or "\r\n").
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  // Byte offset where a 1-based line starts.
  std::uint32_t line_start(std::uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

}  // namespace tfq
