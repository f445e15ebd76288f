// The where grammar itself (grammar/where_rules.hpp), production by production as grammar/where.peg lists
// them: what each accepts and rejects, loop analysis, and embedding where_expr in a larger grammar.
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <tao/pegtl/contrib/analyze.hpp>
#include <vector>

#include "grammar/where_errors.hpp"
#include "grammar/where_rules.hpp"

namespace pegtl = tao::pegtl;
namespace g = tfq::grammar;

namespace {

template <class Rule>
using control = pegtl::must_if<g::errors>::control<Rule>;

// True when Rule matches the whole text. A commit point that fails counts as a rejection too.
template <class Rule>
bool accepts(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    return pegtl::parse<pegtl::seq<Rule, pegtl::eof>, pegtl::nothing, control>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

// The message of the commit point that rejects the text, or "" when the text is accepted or merely
// fails to match.
template <class Rule>
std::string raised(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    pegtl::parse<Rule, pegtl::nothing, control>(in);
  } catch (const pegtl::parse_error& e) {
    return std::string(e.message());
  }
  return "";
}

// What Rule does at the start of the text: how many bytes it matched, that it did not match, or the
// message of the commit point it raised and where.
template <class Rule>
std::string outcome(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    if (!pegtl::parse<Rule, pegtl::nothing, control>(in)) return "no match";
    return "matched " + std::to_string(in.current() - text.data());
  } catch (const pegtl::parse_error& e) {
    return "raised " + std::string(e.message()) + " at " + std::to_string(e.positions().front().byte);
  }
}

// sp, keyword and string are hand-written for speed; these are their productions in where.peg as PEGTL
// rules.
using string_as_in_the_peg =
    pegtl::seq<g::string_open, pegtl::star<g::string_char>, pegtl::must<g::string_close>>;
using sp_as_in_the_peg = pegtl::star<pegtl::sor<g::space, g::line_comment, g::block_comment>>;
using keyword_as_in_the_peg =
    pegtl::sor<g::kw_and, g::kw_or, g::kw_not, g::kw_like, g::kw_in, g::kw_between, g::kw_is, g::kw_null,
               g::kw_select, g::kw_from, g::kw_where, g::kw_into>;

// Texts that probe both: every reserved word in three casings, cut short, run on and followed by what may
// follow a word, plus random texts over the bytes that matter to either rule.
std::vector<std::string> word_and_space_probes() {
  std::vector<std::string> probes;
  for (std::string_view reserved :
       {"and", "or", "not", "like", "in", "between", "is", "null", "select", "from", "where", "into"}) {
    std::string lower(reserved), upper, mixed;
    for (std::size_t i = 0; i < lower.size(); ++i) {
      upper += static_cast<char>(lower[i] - 'a' + 'A');
      mixed += i % 2 == 0 ? upper.back() : lower[i];
    }
    for (const std::string& word : {lower, upper, mixed}) {
      for (const char* after : {"", " ", "(", "x", "_", "1", "'", "-- c", "/**/", "\n", "é"}) {
        probes.push_back(word + after);
        probes.push_back(word.substr(0, word.size() - 1) + after);
        probes.push_back(" " + word + after);
      }
    }
  }
  std::mt19937 rng(20261206);
  const std::string bytes = "anDoRtNliKEbwsuFmhy_19 \t\n\r\v\f-/*'(";
  std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1), length(0, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) text += bytes[pick(rng)];
    probes.push_back(text);
  }
  return probes;
}

}  // namespace

TEST_CASE("the hand-written sp and keyword do what their productions in where.peg do", "[grammar]") {
  for (const std::string& text : word_and_space_probes()) {
    INFO(text);
    REQUIRE(outcome<g::sp>(text) == outcome<sp_as_in_the_peg>(text));
    REQUIRE(outcome<g::keyword>(text) == outcome<keyword_as_in_the_peg>(text));
  }
}

TEST_CASE("the hand-written string does what its production in where.peg does", "[grammar]") {
  std::vector<std::string> probes = {"",          "'",      "''",  ", '",  "'a'",    "'a''b'", "'a''",
                                     "'it''s' x", "'a\nb'", "'\n", "x'a'", "'é''ü'", "' -- '", "'/*'"};
  std::mt19937 rng(20261207);
  const std::string bytes = "'a \n\t-/*é";
  std::uniform_int_distribution<std::size_t> pick(0, bytes.size() - 1), length(0, 14);
  for (int i = 0; i < 20000; ++i) {
    std::string text = i % 2 == 0 ? "'" : "";  // most probes open a string
    for (std::size_t n = length(rng); n > 0; --n) text += bytes[pick(rng)];
    probes.push_back(text);
  }
  for (const std::string& text : probes) {
    INFO(text);
    REQUIRE(outcome<g::string>(text) == outcome<string_as_in_the_peg>(text));
  }
}

TEST_CASE("the where grammar has no rule that can loop without consuming input", "[grammar]") {
  REQUIRE(pegtl::analyze<g::where_clause>(-1) == 0);
  REQUIRE(pegtl::analyze<g::where_expr>(-1) == 0);
}

TEST_CASE("sp takes any whitespace, line comments and block comments", "[grammar]") {
  for (const char* text : {"", " ", "\t\r\n\v\f", "-- to the end\n", "-- at the end", "/* a */", "/**/",
                           "/* multi\nline */ -- and more\n  /* x */"}) {
    INFO(text);
    CHECK(accepts<g::sp>(text));
  }
  CHECK_FALSE(accepts<g::sp>("- not a comment"));
  CHECK(raised<g::sp>("/* never closed") == "unterminated /* comment");
}

TEST_CASE("keywords are case-insensitive whole words", "[grammar]") {
  for (const char* text : {"and", "AND", "And", "or", "NOT", "like", "In", "BETWEEN", "is", "null", "select",
                           "FROM", "where", "into"}) {
    INFO(text);
    CHECK(accepts<g::keyword>(text));
  }
  for (const char* text : {"andy", "order", "in_x", "notes", "nulls", "into2", "an"}) {
    INFO(text);
    CHECK_FALSE(accepts<g::keyword>(text));
  }
}

TEST_CASE("field is an identifier that is not a reserved word", "[grammar]") {
  for (const char* text : {"userName", "_x", "customField10", "a", "orders", "intoAccount", "NOTE"}) {
    INFO(text);
    CHECK(accepts<g::field>(text));
  }
  for (const char* text :
       {"1x", "AND", "or", "Not", "select", "from", "where", "into", "is", "null", "user-name", "x.y", ""}) {
    INFO(text);
    CHECK_FALSE(accepts<g::field>(text));
  }
}

TEST_CASE("string is single-quoted with '' for a quote", "[grammar]") {
  for (const char* text :
       {"''", "'a'", "'O''Brien'", "''''", "'multi\nline'", "'Jürgen'", "'-- not a comment'"}) {
    INFO(text);
    CHECK(accepts<g::string>(text));
  }
  CHECK_FALSE(accepts<g::string>("\"double\""));
  CHECK_FALSE(accepts<g::string>("'a' b'"));
  CHECK(raised<g::string>("'open") == "unterminated string literal");
  CHECK(raised<g::string>("'it''") == "unterminated string literal");
}

TEST_CASE("integer is digits with an optional minus sign, never a decimal", "[grammar]") {
  for (const char* text : {"0", "42", "-7", "007", "99999999999999999999"}) {
    INFO(text);
    CHECK(accepts<g::integer>(text));
  }
  CHECK_FALSE(accepts<g::integer>("+1"));
  CHECK_FALSE(accepts<g::integer>("- 1"));
  CHECK_FALSE(accepts<g::integer>("-"));
  CHECK(raised<g::integer>("1.5") == "decimal number {} is not supported; only integers are");
  CHECK(raised<g::integer>("1.") == "decimal number {} is not supported; only integers are");
  CHECK(raised<g::integer>("12abc") == "{} is not a number");
}

TEST_CASE("parameter is a colon and a name", "[grammar]") {
  CHECK(accepts<g::parameter>(":name"));
  CHECK(accepts<g::parameter>(":_1"));
  CHECK(raised<g::parameter>(": name") == "expected a parameter name after ':'");
  CHECK(raised<g::parameter>(":1") == "expected a parameter name after ':'");
}

TEST_CASE("operand is a string, integer, parameter or field, with the space after it", "[grammar]") {
  for (const char* text : {"'x' ", "1 -- c\n", ":p", "userName /* c */"}) {
    INFO(text);
    CHECK(accepts<g::operand>(text));
  }
  CHECK(raised<g::operand>("\"x\"") == "double-quoted {} is not a string; use single quotes");
  CHECK(raised<g::operand>("NULL") == "NULL is not a value: the server cannot test for NULL");
  CHECK(raised<g::operand>("from <> 1") == "'{}' is a reserved word, not a field name");
  CHECK(raised<g::operand>("from").empty());  // no operator follows: not meant as a field
  CHECK(raised<g::operand>("lower (x)") == "functions are not supported; compare the field itself");
}

TEST_CASE("value is a literal or a parameter but never a field", "[grammar]") {
  CHECK(accepts<g::value>("'a' "));
  CHECK(accepts<g::value>("-1"));
  CHECK(accepts<g::value>(":p"));
  CHECK_FALSE(accepts<g::value>("userName"));
}

TEST_CASE("compare_op takes the seven operators, longest first", "[grammar]") {
  for (const char* text : {"=", "!=", "<>", "<", "<=", ">", ">="}) {
    INFO(text);
    CHECK(accepts<g::compare_op>(text));
  }
  for (const char* text : {"==", "=<", "=>", "!", "<<", "==="}) {
    INFO(text);
    CHECK_FALSE(accepts<g::compare_op>(text));
  }
}

TEST_CASE("predicate is an operand and a comparison, LIKE, IN or BETWEEN", "[grammar]") {
  for (const char* text :
       {"a = 1", "1 = a", "a = b", "'x' <> 'y'", "a LIKE 'x%'", "a like :p", "a NOT LIKE 'x'", "a IN ('x')",
        "a in(1,2, 3)", "a IN ()", "a NOT IN ( 'x' , 'y' )", "a BETWEEN 1 AND 2",
        "a not between '2018-01-01' and :to", "a\n=\n1"}) {
    INFO(text);
    CHECK(accepts<g::predicate>(text));
  }
  CHECK(raised<g::predicate>("a") == "expected a comparison operator, LIKE, IN or BETWEEN");
  CHECK(raised<g::predicate>("a == 1") == "'==' is not an operator here; write '='");
  CHECK(raised<g::predicate>("a =") == "expected a literal or a field name after the operator");
  CHECK(raised<g::predicate>("a NOT = 1") == "expected LIKE, IN or BETWEEN after NOT");
  CHECK(raised<g::predicate>("a LIKE b") == "expected a pattern string after LIKE");
  CHECK(raised<g::predicate>("a IN 'x'") == "expected '(' after IN");
  CHECK(raised<g::predicate>("a IN (b)") == "expected a literal or ')' after '('");
  CHECK(raised<g::predicate>("a IN (1,)") == "expected a literal after ','");
  CHECK(raised<g::predicate>("a IN (1 2)") == "expected ',' or ')' in the IN list");
  CHECK(raised<g::predicate>("a BETWEEN AND 2") == "expected a literal after BETWEEN");
  CHECK(raised<g::predicate>("a BETWEEN 1 OR 2") == "expected AND between the bounds of BETWEEN");
  CHECK(raised<g::predicate>("a BETWEEN 1 AND") == "expected a literal after the AND of BETWEEN");
  CHECK(raised<g::predicate>("a IS NULL") == "IS NULL is not supported: the server cannot test for NULL");
  CHECK(raised<g::predicate>("a is not null") == "IS NOT NULL cannot be sent to the server (it forbids NOT)");
}

TEST_CASE("group is an expression in parentheses", "[grammar]") {
  CHECK(accepts<g::group>("(a = 1)"));
  CHECK(accepts<g::group>("( ( a = 1 OR b = 2 ) )"));
  CHECK(raised<g::group>("()") == "expected an expression after '('");
  CHECK(raised<g::group>("(a = 1") == "expected ')'");
  CHECK(raised<g::group>("(a = 1 && b = 2)") == "'&&' is not an operator here; write AND");
}

TEST_CASE("not_expr is any number of NOTs before a primary", "[grammar]") {
  for (const char* text : {"NOT a = 1", "not not a = 1", "NOT (a = 1)", "NOT(a = 1)", "a = 1"}) {
    INFO(text);
    CHECK(accepts<g::not_expr>(text));
  }
  CHECK(raised<g::not_expr>("NOT") == "expected an expression after NOT");
  CHECK(raised<g::not_expr>("!a = 1") == "'!' is not an operator here; write NOT");
  CHECK_FALSE(accepts<g::not_expr>("notice"));  // a field name, then no operator
}

TEST_CASE("and_expr and or_expr are flat lists of their operands", "[grammar]") {
  for (const char* text : {"a = 1 AND b = 2", "a = 1 and b = 2 AnD c = 3", "a = 1 OR b = 2 AND c = 3",
                           "a=1 or(b=2)", "NOT a = 1 AND NOT b = 2"}) {
    INFO(text);
    CHECK(accepts<g::or_expr>(text));
  }
  CHECK(raised<g::or_expr>("a = 1 AND") == "expected an expression after AND");
  CHECK(raised<g::or_expr>("a = 1 OR OR") == "expected an expression after OR");
  CHECK_FALSE(accepts<g::and_expr>("a = 1 OR b = 2"));
}

TEST_CASE("where_clause takes one whole clause and nothing after it", "[grammar]") {
  for (const char* text : {"a = 1", "  -- leading comment\n a = 1 -- trailing\n", "/* x */ a = 1 /* y */"}) {
    INFO(text);
    CHECK(accepts<g::where_clause>(text));
  }
  CHECK(raised<g::where_clause>("") == "the where clause is empty");
  CHECK(raised<g::where_clause>(" -- only a comment") == "the where clause is empty");
  CHECK(raised<g::where_clause>("= 1") == "expected an expression");
  CHECK(raised<g::where_clause>("a = 1 b = 2") == "expected AND, OR or the end of the clause");
  CHECK(raised<g::where_clause>("a = 1)") == "unmatched ')'");
  CHECK(raised<g::where_clause>("a = 1 || b = 2") == "'||' is not an operator here; write OR");
}

TEST_CASE("where_expr stops in front of the query file keyword that follows it", "[grammar]") {
  // A stand-in for the query-file grammar: WHERE <clause> INTO <string> ';'
  using statement =
      pegtl::seq<g::kw_where, g::sp, g::where_expr, g::kw_into, g::sp, g::string, g::sp, pegtl::one<';'>>;
  CHECK(accepts<statement>("WHERE a = 1 INTO 'x';"));
  CHECK(accepts<statement>("where a = 1 AND b IN ('p') into 'x';"));
  CHECK(accepts<statement>("WHERE a BETWEEN 1 AND 2\nINTO 'x';"));
  CHECK(raised<statement>("WHERE INTO 'x';") == "expected an expression");
  CHECK(raised<statement>("WHERE a = INTO 'x';") == "expected a literal or a field name after the operator");
}
