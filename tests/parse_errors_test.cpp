// parse_where's syntax diagnostics: every code with its range and message, labels and fix-its, and the
// limits on depth, predicates and IN lists; never a crash on any bytes.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "tfq/parse.hpp"

using tfq::ParseOptions;
using tfq::ParseResult;
using tfq::Source;
using tfq::SourceRange;

namespace {

ParseResult parse(const std::string& text, const ParseOptions& options = {}) {
  return tfq::parse_where(Source("test", text), options);
}

std::string_view slice(const std::string& text, SourceRange r) {
  return std::string_view(text).substr(r.begin, r.end - r.begin);
}

}  // namespace

namespace {

struct Expected {
  const char* text;
  const char* id;
  std::uint32_t begin;
  std::uint32_t end;
  const char* message;
};

}  // namespace

TEST_CASE("parser reports each syntax error with its code, range and message", "[parse]") {
  // clang-format off
  const Expected cases[] = {
    {"", "TFQ102", 0, 0, "the where clause is empty"},
    {"  -- nothing", "TFQ102", 12, 12, "the where clause is empty"},
    {"= 1", "TFQ103", 0, 1, "expected an expression"},
    {"a = 1 AND", "TFQ103", 9, 9, "expected an expression after AND"},
    {"a = 1 OR )", "TFQ103", 9, 10, "expected an expression after OR"},
    {"NOT", "TFQ103", 3, 3, "expected an expression after NOT"},
    {"()", "TFQ103", 1, 2, "expected an expression after '('"},
    {"userName", "TFQ104", 8, 8, "expected a comparison operator, LIKE, IN or BETWEEN"},
    {"a 'b'", "TFQ104", 2, 5, "expected a comparison operator, LIKE, IN or BETWEEN"},
    {"a = ", "TFQ105", 3, 3, "expected a literal or a field name after the operator"},
    {"a LIKE b", "TFQ105", 7, 8, "expected a pattern string after LIKE"},
    {"a IN (b)", "TFQ105", 6, 7, "expected a literal or ')' after '('"},
    {"a IN (1,)", "TFQ105", 8, 9, "expected a literal after ','"},
    {"a BETWEEN x AND 2", "TFQ105", 10, 11, "expected a literal after BETWEEN"},
    {"a BETWEEN 1 AND", "TFQ105", 15, 15, "expected a literal after the AND of BETWEEN"},
    {"a = ü", "TFQ105", 4, 6, "expected a literal or a field name after the operator"},
    {"(a = 1", "TFQ106", 6, 6, "expected ')' to match '(' at 1:1"},
    {"x = 1 AND\n  (a = 1 OR (b = 2)", "TFQ106", 29, 29, "expected ')' to match '(' at 2:3"},
    {"a = 1)", "TFQ107", 5, 6, "unmatched ')'"},
    {"a = 1 b = 2", "TFQ108", 6, 7, "expected AND, OR or the end of the clause"},
    {"a = 1 ; ", "TFQ108", 6, 7, "expected AND, OR or the end of the clause"},
    {"a = 'abc", "TFQ109", 4, 8, "unterminated string literal"},
    {"a = 'it''s", "TFQ109", 4, 10, "unterminated string literal"},
    {"a = 1 /* x", "TFQ110", 6, 10, "unterminated /* comment"},
    {"a = \"abc\"", "TFQ111", 4, 9, "double-quoted \"abc\" is not a string; use single quotes"},
    {"a = \"abc", "TFQ111", 4, 8, "double-quoted \"abc is not a string; use single quotes"},
    {"a == 1", "TFQ112", 2, 4, "'==' is not an operator here; write '='"},
    {"a = 1 && b = 2", "TFQ113", 6, 8, "'&&' is not an operator here; write AND"},
    {"(a = 1 || b = 2)", "TFQ113", 7, 9, "'||' is not an operator here; write OR"},
    {"!(a = 1)", "TFQ113", 0, 1, "'!' is not an operator here; write NOT"},
    {"a IS NULL", "TFQ114", 2, 9, "IS NULL is not supported: the server cannot test for NULL"},
    {"a is  not\nnull", "TFQ114", 2, 14, "IS NOT NULL cannot be sent to the server (it forbids NOT)"},
    {"a = 1 is null", "TFQ114", 6, 13, "IS NULL is not supported: the server cannot test for NULL"},
    {"a != NULL", "TFQ114", 5, 9, "NULL is not a value: the server cannot test for NULL"},
    {"lower(userName) = 'x'", "TFQ115", 0, 6, "functions are not supported; compare the field itself"},
    {"a = trim ('x')", "TFQ115", 4, 10, "functions are not supported; compare the field itself"},
    {"a = 1.5", "TFQ116", 4, 7, "decimal number 1.5 is not supported; only integers are"},
    {"a IN (1, -2.)", "TFQ116", 9, 12, "decimal number -2. is not supported; only integers are"},
    {"a = 12abc", "TFQ116", 4, 9, "12abc is not a number"},
    {"a = 9223372036854775808", "TFQ117", 4, 23, "integer 9223372036854775808 does not fit in 64 bits"},
    {"a = :p", "TFQ118", 4, 6, "parameter :p is only allowed in query files"},
    {"and = 1", "TFQ119", 0, 3, "'and' is a reserved word, not a field name"},
    {"a = 1 AND Select = 2", "TFQ119", 10, 16, "'Select' is a reserved word, not a field name"},
    {"'x' LIKE 'y'", "TFQ120", 0, 3, "LIKE needs a field name on its left"},
    {"1 NOT IN (1)", "TFQ120", 0, 1, "IN needs a field name on its left"},
    {"a NOT = 1", "TFQ100", 6, 7, "expected LIKE, IN or BETWEEN after NOT"},
    {"a IN 'x'", "TFQ100", 5, 8, "expected '(' after IN"},
    {"a IN ('x' 'y')", "TFQ100", 10, 13, "expected ',' or ')' in the IN list"},
    {"a BETWEEN 1 OR 2", "TFQ100", 12, 14, "expected AND between the bounds of BETWEEN"},
    {"a = :", "TFQ100", 5, 5, "expected a parameter name after ':'"},
    {"a BETWEEN 1 ANDY 2", "TFQ100", 12, 16, "expected AND between the bounds of BETWEEN"},
    {"a NOT LIKEY 'x'", "TFQ100", 6, 11, "expected LIKE, IN or BETWEEN after NOT"},
  };
  // clang-format on
  for (const Expected& c : cases) {
    INFO(c.text);
    ParseResult r = parse(c.text);
    CHECK_FALSE(r.expr.has_value());
    REQUIRE(r.diagnostics.size() == 1);
    const tfq::Diagnostic& d = r.diagnostics[0];
    CHECK(tfq::info(d.code).id == c.id);
    CHECK(d.severity == tfq::Severity::error);
    CHECK(d.range == SourceRange{c.begin, c.end});
    CHECK(d.message == c.message);
  }
}

TEST_CASE("parser points a missing ')' at the '(' it would close", "[parse]") {
  ParseResult r = parse("a = 1 AND (b = 2 OR (c = 3)");
  REQUIRE(r.diagnostics.size() == 1);
  REQUIRE(r.diagnostics[0].labels.size() == 1);
  CHECK(r.diagnostics[0].labels[0].range == SourceRange{10, 11});
  CHECK(r.diagnostics[0].labels[0].message == "to match this '('");
}

TEST_CASE("parser offers the fix for tokens from other languages", "[parse]") {
  struct Fix {
    const char* text;
    const char* replacement;
    const char* help;
  };
  for (Fix f : {Fix{"a == 1", "=", ""}, Fix{"a = 1 && b = 2", "AND", ""}, Fix{"a = 1 || b = 2", "OR", ""},
                Fix{"!a = 1", "NOT ", ""}, Fix{"a = \"O'Brien\"", "'O''Brien'", "write 'O''Brien'"}}) {
    INFO(f.text);
    ParseResult r = parse(f.text);
    REQUIRE(r.diagnostics.size() == 1);
    REQUIRE(r.diagnostics[0].fixes.size() == 1);
    CHECK(r.diagnostics[0].fixes[0].range == r.diagnostics[0].range);
    CHECK(r.diagnostics[0].fixes[0].replacement == f.replacement);
    CHECK(r.diagnostics[0].help == f.help);
  }
}

TEST_CASE("parser reports every integer overflow and parameter, then the syntax error", "[parse]") {
  ParseResult r = parse("a = 99999999999999999999 OR b IN (:x, -99999999999999999999) OR c");
  CHECK_FALSE(r.expr);
  REQUIRE(r.diagnostics.size() == 4);
  CHECK(r.diagnostics[0].code == tfq::Code::integer_overflow);
  CHECK(r.diagnostics[1].code == tfq::Code::parameter_not_allowed);
  CHECK(r.diagnostics[2].code == tfq::Code::integer_overflow);
  CHECK(r.diagnostics[2].range == SourceRange{38, 59});
  CHECK(r.diagnostics[3].code == tfq::Code::expected_operator);
}

// ---- Depth ----

namespace {

std::string nested_parens(std::size_t n) {
  return std::string(n, '(') + "a = 1" + std::string(n, ')');
}

std::string nested_nots(std::size_t n) {
  std::string text;
  for (std::size_t i = 0; i < n; ++i) text += "NOT ";
  return text + "a = 1";
}

}  // namespace

TEST_CASE("parser accepts nesting up to the depth limit and reports the level beyond it", "[parse]") {
  CHECK(parse(nested_parens(256)).expr);
  CHECK(parse(nested_nots(256)).expr);
  CHECK(parse("NOT (" + nested_parens(254) + ")").expr);
  for (const std::string& text : {nested_parens(257), nested_nots(257), "NOT (" + nested_parens(255) + ")"}) {
    ParseResult r = parse(text);
    CHECK_FALSE(r.expr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == tfq::Code::nesting_too_deep);
    CHECK(r.diagnostics[0].message == "expression nested too deeply (limit is 256)");
  }
  CHECK(parse(nested_parens(257)).diagnostics[0].range == SourceRange{256, 257});
  CHECK(parse(nested_nots(257)).diagnostics[0].range == SourceRange{1024, 1027});
}

TEST_CASE("parser survives 100000 nested parentheses and NOTs with a diagnostic", "[parse]") {
  for (const std::string& text : {nested_parens(100000), nested_nots(100000), std::string(100000, '(')}) {
    ParseResult r = parse(text);
    CHECK_FALSE(r.expr);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == tfq::Code::nesting_too_deep);
  }
}

TEST_CASE("parser takes its depth limit from the options, up to a fixed ceiling", "[parse]") {
  ParseOptions shallow;
  shallow.limits.max_depth = 2;
  CHECK(parse("NOT (a = 1)", shallow).expr);
  CHECK(parse("((a = 1))", shallow).expr);
  CHECK(parse("NOT ((a = 1))", shallow).diagnostics.at(0).message ==
        "expression nested too deeply (limit is 2)");
  ParseOptions huge;
  huge.limits.max_depth = 1'000'000;
  CHECK(parse(nested_parens(1000), huge).expr);
  CHECK(parse(nested_parens(1001), huge).diagnostics.at(0).message ==
        "expression nested too deeply (limit is 1000)");
}

TEST_CASE("parser never crashes on arbitrary bytes or token soup", "[parse]") {
  std::mt19937 rng(20240601);
  const char* tokens[] = {"a",  "=",       "'x'", "''",   "'",  "(",    ")",  "AND", "OR", "NOT", "LIKE",
                          "IN", "BETWEEN", ",",   "1",    "-",  "1.5",  ":p", "\"",  "--", "/*",  "*/",
                          "==", "&&",      "IS",  "NULL", "\n", "\xff", "ü",  "<>",  "!"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int length = static_cast<int>(rng() % 24);
    for (int i = 0; i < length; ++i) {
      if (round % 3 == 0) {
        text += static_cast<char>(rng() % 256);
      } else {
        text += std::string(tokens[rng() % std::size(tokens)]);
        if (rng() % 2) text += ' ';
      }
    }
    ParseResult r = parse(text);
    INFO(text);
    CHECK((r.expr.has_value() != tfq::has_errors(r.diagnostics)));
    for (const auto& d : r.diagnostics) {
      CHECK(d.range.begin <= d.range.end);
      CHECK(d.range.end <= text.size());
    }
  }
}

TEST_CASE("parser stops at the predicate beyond the predicate limit", "[parse]") {
  ParseOptions options;
  options.limits.max_predicates = 3;
  CHECK(parse("a = 1 OR b = 2 OR NOT c IN (1)", options).expr);
  const std::string text = "a = 1 OR b = 2 OR (c = 3 AND d LIKE 'x') OR e = 5";
  ParseResult r = parse(text, options);
  CHECK_FALSE(r.expr);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == tfq::Code::too_many_predicates);
  CHECK(slice(text, r.diagnostics[0].range) == "d LIKE 'x'");
  CHECK(r.diagnostics[0].message == "where clause has more predicates than the limit of 3");
}

TEST_CASE("parser stops at the IN value beyond the IN-list limit", "[parse]") {
  ParseOptions options;
  options.limits.max_in_list = 2;
  CHECK(parse("a IN (1, 2) AND b NOT IN ('x', 'y')", options).expr);
  const std::string text = "a IN (1, 2, 'three', 4)";
  ParseResult r = parse(text, options);
  CHECK_FALSE(r.expr);
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == tfq::Code::in_list_too_long);
  CHECK(slice(text, r.diagnostics[0].range) == "'three'");
  CHECK(r.diagnostics[0].message == "IN list has more values than the limit of 2");
}
