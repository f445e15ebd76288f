// parse_where: the AST it builds, its shapes, operands and ranges (diagnostics: parse_errors_test.cpp).
#include "tfq/parse.hpp"

#include <catch2/catch.hpp>
#include <string>

using tfq::CompareOp;
using tfq::Expr;
using tfq::ExprKind;
using tfq::Operand;
using tfq::ParseOptions;
using tfq::ParseResult;
using tfq::Source;
using tfq::SourceRange;

namespace {

ParseResult parse(const std::string& text, const ParseOptions& options = {}) {
  return tfq::parse_where(Source("test", text), options);
}

// The clause's AST; fails the test when there is none.
Expr parse_ok(const std::string& text, const ParseOptions& options = {}) {
  ParseResult r = parse(text, options);
  INFO(text);
  for (const auto& d : r.diagnostics) INFO(d.message);
  REQUIRE(r.expr.has_value());
  REQUIRE(r.diagnostics.empty());
  return std::move(*r.expr);
}

std::string_view slice(const std::string& text, SourceRange r) {
  return std::string_view(text).substr(r.begin, r.end - r.begin);
}

}  // namespace

TEST_CASE("parser builds a comparison with its operator and operands", "[parse]") {
  const std::string text = "contractYear >= 2";
  Expr e = parse_ok(text);
  CHECK(e.kind == ExprKind::compare);
  CHECK(e.op == CompareOp::ge);
  CHECK(e.subject.kind == Operand::Kind::field);
  CHECK(e.subject.text == "contractYear");
  REQUIRE(e.values.size() == 1);
  CHECK(e.values[0].kind == Operand::Kind::integer);
  CHECK(e.values[0].integer_value() == 2);
  CHECK(slice(text, e.range) == text);
  CHECK(slice(text, e.op_range) == ">=");
  CHECK(slice(text, e.subject.range) == "contractYear");
  CHECK(slice(text, e.values[0].range) == "2");
  CHECK_FALSE(e.parenthesized);
}

TEST_CASE("parser reads every comparison operator and remembers <>", "[parse]") {
  struct Case {
    const char* op;
    CompareOp expected;
    bool ltgt;
  };
  for (Case c :
       {Case{"=", CompareOp::eq, false}, Case{"!=", CompareOp::ne, false}, Case{"<>", CompareOp::ne, true},
        Case{"<", CompareOp::lt, false}, Case{"<=", CompareOp::le, false}, Case{">", CompareOp::gt, false},
        Case{">=", CompareOp::ge, false}}) {
    const std::string text = std::string("x") + c.op + "1";
    Expr e = parse_ok(text);
    CHECK(e.op == c.expected);
    CHECK(e.spelled_ltgt == c.ltgt);
    CHECK(slice(text, e.op_range) == c.op);
  }
}

TEST_CASE("parser keeps literal and field operands on either side as written", "[parse]") {
  Expr e = parse_ok("'2018-01-01' <= usageDate");
  CHECK(e.subject.kind == Operand::Kind::string);
  CHECK(e.subject.text == "2018-01-01");
  CHECK(e.values[0].kind == Operand::Kind::field);
  Expr both = parse_ok("a = b");
  CHECK(both.subject.is_field());
  CHECK(both.values[0].is_field());
  Expr literals = parse_ok("1 = 1");
  CHECK(literals.subject.is_literal());
}

TEST_CASE("parser unescapes strings and keeps their quotes in the range", "[parse]") {
  const std::string text = "userName = 'O''Brien'";
  Expr e = parse_ok(text);
  CHECK(e.values[0].text == "O'Brien");
  CHECK(slice(text, e.values[0].range) == "'O''Brien'");
  CHECK(parse_ok("x = ''").values[0].text.empty());
  CHECK(parse_ok("x = ''''").values[0].text == "'");
  CHECK(parse_ok("x = 'a\nb -- c'").values[0].text == "a\nb -- c");
}

TEST_CASE("parser reads 64-bit integers at both ends of the range", "[parse]") {
  CHECK(parse_ok("x = 9223372036854775807").values[0].integer_value() == INT64_MAX);
  CHECK(parse_ok("x = -9223372036854775808").values[0].integer_value() == INT64_MIN);
  Expr e = parse_ok("x = -007");
  CHECK(e.values[0].integer_value() == -7);
  CHECK(e.values[0].text == "-007");
}

TEST_CASE("parser builds LIKE, IN and BETWEEN with and without NOT", "[parse]") {
  const std::string text = "a NOT LIKE 'x%' AND b IN ('p', 'q') AND c not between 1 and 5 AND d IN ()";
  Expr e = parse_ok(text);
  REQUIRE(e.kind == ExprKind::and_);
  REQUIRE(e.children.size() == 4);
  const Expr& like = e.children[0];
  CHECK(like.kind == ExprKind::like);
  CHECK(like.negated);
  CHECK(slice(text, like.op_range) == "NOT LIKE");
  CHECK(slice(text, like.range) == "a NOT LIKE 'x%'");
  const Expr& in = e.children[1];
  CHECK(in.kind == ExprKind::in);
  CHECK_FALSE(in.negated);
  CHECK(in.values.size() == 2);
  CHECK(slice(text, in.op_range) == "IN");
  CHECK(slice(text, in.range) == "b IN ('p', 'q')");
  const Expr& between = e.children[2];
  CHECK(between.kind == ExprKind::between);
  CHECK(between.negated);
  CHECK(between.values[0].integer_value() == 1);
  CHECK(between.values[1].integer_value() == 5);
  CHECK(slice(text, between.op_range) == "not between");
  CHECK(slice(text, between.range) == "c not between 1 and 5");
  CHECK(e.children[3].values.empty());  // the checker reports the empty list
}

TEST_CASE("parser makes AND and OR chains flat and honours NOT > AND > OR", "[parse]") {
  const std::string text = "a = 1 OR b = 2 AND NOT c = 3 AND d = 4 OR e = 5";
  Expr e = parse_ok(text);
  REQUIRE(e.kind == ExprKind::or_);
  REQUIRE(e.children.size() == 3);
  CHECK(slice(text, e.op_range) == "OR");
  const Expr& conj = e.children[1];
  REQUIRE(conj.kind == ExprKind::and_);
  REQUIRE(conj.children.size() == 3);
  CHECK(slice(text, conj.range) == "b = 2 AND NOT c = 3 AND d = 4");
  CHECK(conj.children[1].kind == ExprKind::not_);
  CHECK(slice(text, conj.children[1].range) == "NOT c = 3");
  CHECK(slice(text, conj.children[1].op_range) == "NOT");
  CHECK(slice(text, e.range) == text);
}

TEST_CASE("parser keeps parenthesized chains as their own nodes and marks them", "[parse]") {
  const std::string text = "(a = 1 AND b = 2) AND c = 3";
  Expr e = parse_ok(text);
  REQUIRE(e.kind == ExprKind::and_);
  REQUIRE(e.children.size() == 2);
  CHECK(e.children[0].kind == ExprKind::and_);
  CHECK(e.children[0].parenthesized);
  CHECK(slice(text, e.children[0].range) == "a = 1 AND b = 2");  // without its parentheses
  CHECK(slice(text, e.range) == text);                           // with the child's parentheses
  Expr twice = parse_ok("((x = 1))");
  CHECK(twice.kind == ExprKind::compare);
  CHECK(twice.parenthesized);
  const std::string negated = "NOT (a = 1 OR b = 2)";
  Expr n = parse_ok(negated);
  CHECK(slice(negated, n.range) == negated);
  CHECK(n.children[0].kind == ExprKind::or_);
}

TEST_CASE("parser reads keywords in any case across lines and comments", "[parse]") {
  const std::string text = "-- lead\n  a = 1 /* mid */\n\tand\r\n b LiKe 'x' -- tail";
  Expr e = parse_ok(text);
  REQUIRE(e.kind == ExprKind::and_);
  CHECK(slice(text, e.range) == "a = 1 /* mid */\n\tand\r\n b LiKe 'x'");
}

TEST_CASE("parser accepts parameters only when asked to", "[parse]") {
  ParseOptions options;
  options.allow_parameters = true;
  const std::string text = "userName = :user AND d BETWEEN :from AND :to";
  Expr e = parse_ok(text, options);
  const Operand& user = e.children[0].values[0];
  CHECK(user.kind == Operand::Kind::parameter);
  CHECK(user.text == "user");
  CHECK(slice(text, user.range) == ":user");
  CHECK(e.children[1].values[1].text == "to");
}

TEST_CASE("parser parses a part of a source with offsets into the whole source", "[parse]") {
  const std::string text = "SELECT x FROM y WHERE a = 1 OR b = 'q' INTO 'z';";
  Source source("query.tfq", text);
  const auto begin = static_cast<std::uint32_t>(text.find("a = 1"));
  const auto end = static_cast<std::uint32_t>(text.find(" INTO"));
  ParseResult r = tfq::parse_where(source, SourceRange{begin, end});
  REQUIRE(r.expr);
  CHECK(slice(text, r.expr->range) == "a = 1 OR b = 'q'");
  CHECK(slice(text, r.expr->children[1].values[0].range) == "'q'");

  ParseResult bad = tfq::parse_where(source, SourceRange{begin, begin + 4});
  REQUIRE(bad.diagnostics.size() == 1);
  CHECK(bad.diagnostics[0].range == SourceRange{begin + 3, begin + 3});  // after the last token of the part
  CHECK(tfq::parse_where(source, SourceRange{5000, 9000}).diagnostics.at(0).code == tfq::Code::empty_clause);
}

TEST_CASE("parser builds a 100000-predicate OR chain as one flat node", "[parse]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += (i ? " OR x = " : "x = ") + std::to_string(i);
  Expr e = parse_ok(text);
  REQUIRE(e.kind == ExprKind::or_);
  CHECK(e.children.size() == 100000);
  CHECK(e.children.back().values[0].integer_value() == 99999);
}

TEST_CASE("parser lists every comment once, in order, even one read again after backtracking", "[parse]") {
  // After a field name the parser looks for '(' (a function call) past the comment, then reads it again.
  const std::string text = "-- head\nuserName /* after the field */ = 'a' -- tail\r\n AND x IN (1 /* in */)";
  const ParseResult r = parse(text);
  REQUIRE(r.expr);
  REQUIRE(r.comments.size() == 4);
  CHECK(slice(text, r.comments[0]) == "-- head");
  CHECK(slice(text, r.comments[1]) == "/* after the field */");
  CHECK(slice(text, r.comments[2]) == "-- tail\r");
  CHECK(slice(text, r.comments[3]) == "/* in */");
  CHECK(parse("x = '-- not a comment /* nor this */'").comments.empty());
}
