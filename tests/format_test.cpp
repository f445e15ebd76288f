// tfq fmt's layout: keywords upper case, one clause per line, the where clause one AND/OR operand per line,
// comments kept; formatting is idempotent and refuses files with syntax errors.
#include "tfq/format.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

#include "support/process.hpp"

using tfq::Source;

namespace {

std::string format(const std::string& text) {
  const auto result = tfq::format_query_file(Source("q.tfq", text));
  INFO(text);
  REQUIRE(result.text);
  return *result.text;
}

}  // namespace

TEST_CASE("fmt writes keywords upper case and one clause per line", "[fmt]") {
  CHECK(format("select userName,tokensConsumed from DESKTOP_PRODUCT where contractYear=1 into 'x'") ==
        "SELECT userName, tokensConsumed\n"
        "FROM DESKTOP_PRODUCT\n"
        "WHERE contractYear = 1\n"
        "INTO 'x';\n");
  CHECK(format("query   Select a") == "QUERY SELECT a;\n");
  CHECK(format("export select a into :name") == "EXPORT SELECT a\nINTO :name;\n");
}

TEST_CASE("fmt puts each top-level AND or OR operand of the where clause on its own line", "[fmt]") {
  CHECK(format("SELECT a WHERE x = 1 and (y = 2 or z = 3) and w <> 4") ==
        "SELECT a\n"
        "WHERE x = 1\n"
        "  AND (y = 2 OR z = 3)\n"
        "  AND w != 4;\n");
  CHECK(format("SELECT a WHERE x = 1 or y = 2 and z = 3") ==
        "SELECT a\n"
        "WHERE x = 1\n"
        "  OR y = 2 AND z = 3;\n");
  CHECK(format("SELECT a WHERE userName = 'O''Brien'") == "SELECT a\nWHERE userName = 'O''Brien';\n");
}

TEST_CASE("fmt separates statements by a blank line and ends each with a semicolon", "[fmt]") {
  CHECK(format(";select a;;select b from X;") == "SELECT a;\n\nSELECT b\nFROM X;\n");
}

TEST_CASE("fmt wraps a long SELECT list at 100 columns", "[fmt]") {
  std::string select = "SELECT ";
  for (int i = 0; i < 12; ++i)
    select += (i ? ", " : "") + std::string("customField") + std::to_string(i % 10 + 1);
  // " customField7," would make the first line 104 columns wide.
  CHECK(format(select) ==
        "SELECT customField1, customField2, customField3, customField4, customField5, customField6,\n"
        "  customField7, customField8, customField9, customField10, customField1, customField2;\n");
}

TEST_CASE("fmt keeps every comment, above the clause that follows it", "[fmt]") {
  CHECK(format("-- head\n"
               "select a, /* inline */ b -- trailing\n"
               "  from X where x = 1 -- end\n"
               "  into 'n'; -- after\n") ==
        "-- head\n"
        "/* inline */\n"
        "SELECT a, b\n"
        "-- trailing\n"
        "FROM X\n"
        "WHERE x = 1\n"
        "-- end\n"
        "INTO 'n';\n"
        "\n"
        "-- after\n");
  CHECK(format("-- only a comment \r\n") == "-- only a comment\r\n");
}

TEST_CASE("fmt ends its lines as most lines of the file end: CRLF stays CRLF", "[fmt]") {
  const std::string lf = "select a, b -- pair\nfrom X\nwhere x = 1 and y = 2 into 'n';\n";
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string formatted_lf = format(lf);
  std::string expected_crlf;
  for (const char c : formatted_lf) expected_crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(formatted_lf == "SELECT a, b\n-- pair\nFROM X\nWHERE x = 1\n  AND y = 2\nINTO 'n';\n");
  CHECK(format(crlf) == expected_crlf);
  CHECK(format(expected_crlf) == expected_crlf);
  // One CRLF line among LF ones is a stray: the file stays LF.
  CHECK(format("select a\r\nfrom X\nwhere x = 1\ninto 'n';\n") ==
        "SELECT a\nFROM X\nWHERE x = 1\nINTO 'n';\n");
}

TEST_CASE("fmt output is already formatted: formatting twice changes nothing", "[fmt]") {
  namespace fs = std::filesystem;
  int formatted = 0;
  for (const fs::path& dir : {fs::path(TFQ_TEST_DATA) / "request", fs::path(TFQ_SOURCE_DIR) / "examples"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".tfq") continue;
      const Source source(entry.path().string(), tfq::test::read_file(entry.path().string()));
      const auto once = tfq::format_query_file(source);
      if (!once.text) continue;  // the syntax-error cases
      INFO(entry.path().string());
      const auto twice = tfq::format_query_file(Source("again.tfq", *once.text));
      REQUIRE(twice.text);
      CHECK(*twice.text == *once.text);
      ++formatted;
    }
  }
  CHECK(formatted > 20);
}

TEST_CASE("fmt refuses a file with a syntax error and says where", "[fmt]") {
  const auto result = tfq::format_query_file(Source("q.tfq", "SELECT a WHERE x = "));
  CHECK_FALSE(result.text);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].range.begin == 18);  // just after the "="
}
