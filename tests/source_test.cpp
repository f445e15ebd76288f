// Source: line table, columns in characters, CRLF.
#include "tfq/source.hpp"

#include <catch2/catch.hpp>

using tfq::LineColumn;
using tfq::Source;

TEST_CASE("source maps byte offsets to 1-based lines and columns", "[source]") {
  Source s("x", "ab\ncd\n");
  CHECK(s.line_column(0) == LineColumn{1, 1});
  CHECK(s.line_column(2) == LineColumn{1, 3});
  CHECK(s.line_column(3) == LineColumn{2, 1});
  CHECK(s.line_column(5) == LineColumn{2, 3});
  CHECK(s.line_column(6) == LineColumn{3, 1});
  CHECK(s.line_column(100) == LineColumn{3, 1});
  CHECK(s.line_count() == 3);
}

TEST_CASE("source columns count UTF-8 characters, not bytes", "[source]") {
  Source s("x", "userName = 'Jürgen' AND x");
  // 'ü' is two bytes: the byte after the closing quote is column 20, not 21.
  CHECK(s.line_column(20) == LineColumn{1, 20});
}

TEST_CASE("source line text drops the CRLF terminator", "[source]") {
  Source s("x", "a = 1\r\nb = 2");
  CHECK(s.line_text(1) == "a = 1");
  CHECK(s.line_text(2) == "b = 2");
  CHECK(s.line_text(3).empty());
  CHECK(s.line_start(2) == 7);
}
