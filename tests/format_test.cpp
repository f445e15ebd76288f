// tfq fmt's layout: keywords upper case, one clause per line, the where clause one AND/OR operand per line,
// comments kept; formatting is idempotent and refuses files with syntax errors. A .where file is laid out
// as its clause alone.
#include "tfq/format.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <functional>

#include "support/process.hpp"
#include "tfq/ast.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

using tfq::Source;

namespace {

// The layout of `text` as a query file, or as a .where file; fails the test when there is none.
std::string format(const std::string& text, bool where_file = false) {
  const auto result = where_file ? tfq::format_where_file(Source("q.where", text))
                                 : tfq::format_query_file(Source("q.tfq", text));
  INFO(text);
  REQUIRE(result.text);
  return *result.text;
}

std::string format_where(const std::string& text) {
  return format(text, true);
}

// Formats every file of the tests' data and of the examples whose name ends in `extension`, then formats
// the result again: it must come back unchanged. `also` checks more of each file and its layout. Files
// with syntax errors are skipped; returns how many were formatted.
int check_idempotent_on_samples(const std::string& extension,
                                tfq::FormatResult (*format_file)(const Source&, const tfq::Limits&),
                                const std::function<void(const Source&, const Source&)>& also = {}) {
  namespace fs = std::filesystem;
  int formatted = 0;
  for (const fs::path& dir : {fs::path(TFQ_TEST_DATA), fs::path(TFQ_SOURCE_DIR) / "examples"}) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != extension) continue;
      const Source source(entry.path().string(), tfq::test::read_file(entry.path().string()));
      const auto once = format_file(source, {});
      if (!once.text) continue;  // the syntax-error cases
      INFO(entry.path().string());
      const Source again("again" + extension, *once.text);
      const auto twice = format_file(again, {});
      REQUIRE(twice.text);
      CHECK(*twice.text == *once.text);
      if (also) also(source, again);
      ++formatted;
    }
  }
  return formatted;
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

TEST_CASE("fmt keeps a query file's comments: at the end of their line, or above their clause", "[fmt]") {
  CHECK(format("-- head\n"
               "select a, /* inline */ b -- trailing\n"
               "  from X where x = 1 -- end\n"
               "  into 'n'; -- after\n") ==
        "-- head\n"
        "/* inline */\n"
        "SELECT a, b -- trailing\n"
        "FROM X\n"
        "WHERE x = 1 -- end\n"
        "INTO 'n'; -- after\n");
  // Inside the where clause, as in a .where file: above the operand a comment came before, or at the end of
  // the operand's line. One between a clause's last token and the ';' follows the ';'.
  CHECK(format("select a where /* lead */ x = 1 -- one\n"
               "and -- two\n"
               "y = 2 /* three */ ; select b; -- b\n"
               "-- tail\n") ==
        "SELECT a\n"
        "/* lead */\n"
        "WHERE x = 1 -- one\n"
        "-- two\n"
        "  AND y = 2; /* three */\n"
        "\n"
        "SELECT b; -- b\n"
        "\n"
        "-- tail\n");
  CHECK(format("-- only a comment \r\n") == "-- only a comment\r\n");
}

TEST_CASE("fmt ends its lines as most lines of the file end: CRLF stays CRLF", "[fmt]") {
  const std::string lf = "select a, b -- pair\nfrom X\nwhere x = 1 and y = 2 into 'n';\n";
  std::string crlf;
  for (const char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  const std::string formatted_lf = format(lf);
  std::string expected_crlf;
  for (const char c : formatted_lf) expected_crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  CHECK(formatted_lf == "SELECT a, b -- pair\nFROM X\nWHERE x = 1\n  AND y = 2\nINTO 'n';\n");
  CHECK(format(crlf) == expected_crlf);
  CHECK(format(expected_crlf) == expected_crlf);
  // One CRLF line among LF ones is a stray: the file stays LF.
  CHECK(format("select a\r\nfrom X\nwhere x = 1\ninto 'n';\n") ==
        "SELECT a\nFROM X\nWHERE x = 1\nINTO 'n';\n");
}

TEST_CASE("fmt output is already formatted: formatting twice changes nothing", "[fmt]") {
  CHECK(check_idempotent_on_samples(".tfq", tfq::format_query_file) > 20);
}

TEST_CASE("fmt refuses a file with a syntax error and says where", "[fmt][where]") {
  const auto query = tfq::format_query_file(Source("q.tfq", "SELECT a WHERE x = "));
  CHECK_FALSE(query.text);
  REQUIRE(query.diagnostics.size() == 1);
  CHECK(query.diagnostics[0].range.begin == 18);  // just after the "="
  const auto clause = tfq::format_where_file(Source("q.where", "-- note\nx = "));
  CHECK_FALSE(clause.text);
  REQUIRE(clause.diagnostics.size() == 1);
  CHECK(clause.diagnostics[0].range.begin == 11);  // just after the "="
  CHECK_FALSE(tfq::format_where_file(Source("q.where", "-- nothing but a comment\n")).text);
}

TEST_CASE("fmt lays out a .where file one top-level operand per line, AND and OR leading", "[fmt][where]") {
  CHECK(format_where("contractYear=1") == "contractYear = 1\n");
  CHECK(format_where("x = 1 and (y = 2 or z = 3) and w <> 4") ==
        "x = 1\n"
        "  AND (y = 2 OR z = 3)\n"
        "  AND w != 4\n");
  CHECK(format_where("(x = 1 or y = 2 and z = 3)") ==
        "x = 1\n"
        "  OR y = 2 AND z = 3\n");
  CHECK(format_where("NOT (x = 1 AND y = 2)") == "NOT (x = 1 AND y = 2)\n");
}

TEST_CASE("fmt keeps a .where file's comments: at the end of their line, or above their operand",
          "[fmt][where]") {
  CHECK(format_where("/* lead */ (userName LIKE 'admin%' -- who\n"
                     " OR userName = 'root') and contractYear>1 -- year\n"
                     "/* tail */") ==
        "/* lead */\n"
        "-- who\n"
        "(userName LIKE 'admin%' OR userName = 'root')\n"
        "  AND contractYear > 1 -- year\n"
        "/* tail */\n");
  // A comment after the last token of one operand's line stays there; one between the AND and the next
  // operand's line moves above that operand.
  CHECK(format_where("x = 1 /* one */ /* two */\nAND -- next\ny = 2 and z = 3") ==
        "x = 1 /* one */ /* two */\n"
        "-- next\n"
        "  AND y = 2\n"
        "  AND z = 3\n");
  CHECK(format_where("x = 1 -- a\r\nAND y = 2\r\n") == "x = 1 -- a\r\n  AND y = 2\r\n");
}

TEST_CASE("fmt refuses a layout that would change what a tfq-ignore comment hides", "[fmt][where]") {
  // The comment hides the findings of the line below it; laid out, that line would hold other tokens.
  const auto check_refused = [](const tfq::FormatResult& result, std::uint32_t comment_begin) {
    const std::uint32_t comment_length = 21;  // -- tfq-ignore: TFQ2xx
    CHECK_FALSE(result.text);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == tfq::Code::suppression_moved);
    CHECK(result.diagnostics[0].range.begin == comment_begin);
    CHECK(result.diagnostics[0].range.end == comment_begin + comment_length);
    CHECK(
        result.diagnostics[0].message ==
        "the canonical layout would change what this tfq-ignore comment hides: the line below it would hold "
        "other tokens; the file is left as it is");
  };
  // The line below holds two operands: laid out, the second would no longer be hidden.
  check_refused(tfq::format_where_file(Source("q.where", "-- tfq-ignore: TFQ215\nx = 1 AND y IN (1, 1)\n")),
                0);
  check_refused(tfq::format_query_file(Source("q.tfq", "-- tfq-ignore: TFQ215\nselect a where y in (1, 1)")),
                0);
  // A blank line below hides nothing; laid out without it, the comment would hide the clause's findings.
  check_refused(tfq::format_where_file(Source("q.where", "x = 1\n  -- tfq-ignore: TFQ200\n\nAND y = 2\n")),
                8);
  // A tfq-ignore line inside a block comment counts too (as lint reads lines): it is found in the input.
  check_refused(tfq::format_where_file(Source("q.where", "x = 1 AND /*\n-- tfq-ignore: TFQ200\n*/ y = 2\n")),
                13);
  // Above the operand it is for, the comment keeps its reach, and so does one that hides nothing.
  CHECK(format_where("x = 1\n-- tfq-ignore: TFQ215\nAND y IN (1, 1) -- tfq-ignore: TFQ200\n") ==
        "x = 1\n-- tfq-ignore: TFQ215\n  AND y IN (1, 1) -- tfq-ignore: TFQ200\n");
  CHECK(format("-- tfq-ignore: TFQ215\nSELECT a\nFROM X\nWHERE y IN (1, 1);\n") ==
        "-- tfq-ignore: TFQ215\nSELECT a\nFROM X\nWHERE y IN (1, 1);\n");
}

TEST_CASE("fmt keeps a byte order mark, in query files and .where files", "[fmt][where]") {
  const std::string mark = "\xEF\xBB\xBF";
  CHECK(format(mark + "select a where x=1") == mark + "SELECT a\nWHERE x = 1;\n");
  CHECK(format(mark + "-- c\nselect a") == mark + "-- c\nSELECT a;\n");
  CHECK(format_where(mark + "x=1 and y=2") == mark + "x = 1\n  AND y = 2\n");
  CHECK(format_where(mark + "-- c\nx=1") == mark + "-- c\nx = 1\n");
}

TEST_CASE("fmt output of a .where file is already formatted, and keeps its meaning", "[fmt][where]") {
  const auto same_clause = [](const Source& source, const Source& formatted) {
    const auto original = tfq::parse_where(source, tfq::parse_range(source));
    const auto reread = tfq::parse_where(formatted, tfq::parse_range(formatted));
    REQUIRE(reread.expr);
    CHECK(tfq::same_structure(*original.expr, *reread.expr));
    CHECK(reread.comments.size() == original.comments.size());
  };
  CHECK(check_idempotent_on_samples(".where", tfq::format_where_file, same_clause) > 30);
}
