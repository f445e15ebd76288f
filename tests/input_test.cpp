// Input validation: size limit, NUL bytes and UTF-8, each positioned at the offending bytes.
#include "tfq/input.hpp"

#include <catch2/catch.hpp>

#include "tfq/render.hpp"

using tfq::Code;
using tfq::Source;
using tfq::SourceRange;
using tfq::validate_input;

TEST_CASE("input validation accepts ASCII and UTF-8 text", "[input]") {
  CHECK(validate_input(Source("q", "contractYear = 1")).empty());
  CHECK(validate_input(Source("q", "userName = 'Jürgen' OR userName = '東京' OR userName = '😀'")).empty());
  CHECK(validate_input(Source("q", "")).empty());
  CHECK(validate_input(Source("q",
                              "\xEF\xBB\xBF"
                              "contractYear = 1"))
            .empty());
}

TEST_CASE("input validation reports the first NUL byte at its position", "[input]") {
  const auto found = validate_input(Source("q", std::string("a = 1\0 AND\0", 11)));
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == Code::nul_byte);
  CHECK(found[0].severity == tfq::Severity::error);
  CHECK(found[0].message == "input contains a NUL byte");
  CHECK(found[0].range == SourceRange{5, 6});
  CHECK(found[0].help == "a where clause is text: remove the NUL byte");
}

TEST_CASE("input validation reports invalid UTF-8 at the bad bytes, saying what is wrong", "[input]") {
  struct Case {
    std::string text;
    SourceRange range;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a = '\x80'", {5, 6}, "invalid UTF-8: unexpected continuation byte 0x80"},
      {"a = 'caf\xe9'", {8, 9}, "invalid UTF-8: incomplete character after lead byte 0xe9"},
      {"a = '\xe2\x82'", {5, 7}, "invalid UTF-8: incomplete character after lead byte 0xe2"},
      {"a = '\xe2\x82", {5, 7}, "invalid UTF-8: incomplete character after lead byte 0xe2"},
      {"a = '\xc0\xaf'", {5, 6}, "invalid UTF-8: byte 0xc0 never appears in UTF-8"},
      {"a = '\xe0\x80\xaf'", {5, 8}, "invalid UTF-8: overlong encoding starting with byte 0xe0"},
      {"a = '\xed\xa0\x80'", {5, 8}, "invalid UTF-8: encoded UTF-16 surrogate"},
      {"a = '\xf4\x90\x80\x80'", {5, 9}, "invalid UTF-8: code point beyond U+10FFFF"},
      {"a = '\xff'", {5, 6}, "invalid UTF-8: byte 0xff never appears in UTF-8"},
      {"ok = 'é' AND a = '\xff'", {19, 20}, "invalid UTF-8: byte 0xff never appears in UTF-8"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    const auto found = validate_input(Source("q", c.text));
    REQUIRE(found.size() == 1);
    CHECK(found[0].code == Code::invalid_utf8);
    CHECK(found[0].range == c.range);
    CHECK(found[0].message == c.message);
    CHECK(found[0].help == "save the input as UTF-8 (it may be in Latin-1 or Windows-1252)");
  }
}

TEST_CASE("input validation reports a NUL byte and invalid UTF-8 together, in reading order", "[input]") {
  const auto found = validate_input(Source("q", std::string("\xff = 1\0", 6)));
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == Code::invalid_utf8);
  CHECK(found[1].code == Code::nul_byte);
}

TEST_CASE("input validation recognises UTF-16 and says to save as UTF-8", "[input]") {
  const auto found = validate_input(Source("q", std::string("\xff\xfe"
                                                            "a\0=\0"
                                                            "1\0",
                                                            8)));
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == Code::invalid_utf8);
  CHECK(found[0].range == SourceRange{0, 1});
  CHECK(found[0].help == "the input looks like UTF-16: save it as UTF-8");
  CHECK(found[1].code == Code::nul_byte);
  CHECK(found[1].help == "the input looks like UTF-16: save it as UTF-8");
}

TEST_CASE("input validation rejects input over the size limit and checks nothing else", "[input]") {
  const tfq::Limits limits{.max_bytes = 16};
  CHECK(validate_input(Source("q", std::string(16, 'a')), limits).empty());
  const auto found = validate_input(Source("q", std::string(17, '\0')), limits);
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == Code::input_too_large);
  CHECK(found[0].range == SourceRange{16, 17});
  CHECK(found[0].message == "input is larger than the limit of 16 bytes");
  CHECK(tfq::Limits{}.max_bytes == 16 * 1024 * 1024);
}

TEST_CASE("parse range skips a UTF-8 byte order mark and nothing else", "[input]") {
  CHECK(tfq::parse_range(Source("q",
                                "\xEF\xBB\xBF"
                                "a = 1")) == SourceRange{3, 8});
  CHECK(tfq::parse_range(Source("q", "a = 1")) == SourceRange{0, 5});
  CHECK(tfq::parse_range(Source("q", "")) == SourceRange{0, 0});
}

TEST_CASE("input diagnostics render with the bad byte made visible under the caret", "[input][render]") {
  using namespace std::string_literals;
  const Source s("q.where", "userName = 'Andr\xe9' AND\ncontractYear = 1\0"s);
  const auto found = validate_input(s);
  REQUIRE(found.size() == 2);
  CHECK(tfq::render_text(s, found) ==
        "q.where:1:17: error[TFQ001]: invalid UTF-8: incomplete character after lead byte 0xe9\n"
        " 1 | userName = 'Andr\uFFFD' AND\n"
        "   |                 ^\n"
        "help: save the input as UTF-8 (it may be in Latin-1 or Windows-1252)\n"
        "\n"
        "q.where:2:17: error[TFQ002]: input contains a NUL byte\n"
        " 2 | contractYear = 1\u2400\n"
        "   |                 ^\n"
        "help: a where clause is text: remove the NUL byte\n");
}
