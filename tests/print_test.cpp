// print_where and quote_string: the canonical spelling, minimal parentheses, and the round-trip laws
// parse(print(ast)) ~ ast and print(parse(print(x))) == print(x) over generated clauses.
#include "tfq/print.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <random>
#include <string>

#include "tfq/parse.hpp"

using tfq::CompareOp;
using tfq::Expr;
using tfq::ExprKind;
using tfq::Operand;
using tfq::ParseOptions;
using tfq::Source;

namespace {

ParseOptions with_parameters() {
  ParseOptions options;
  options.allow_parameters = true;
  return options;
}

std::string reprint(const std::string& text) {
  tfq::ParseResult r = tfq::parse_where(Source("test", text), with_parameters());
  INFO(text);
  REQUIRE(r.expr);
  return tfq::print_where(*r.expr);
}

}  // namespace

TEST_CASE("printer spells clauses canonically", "[print]") {
  const std::pair<const char*, const char*> cases[] = {
      {"a=1 and b=2", "a = 1 AND b = 2"},
      {"  a\n<>\t1 -- comment", "a != 1"},
      {"a != 1", "a != 1"},
      {"x<=-007", "x <= -7"},
      {"'2018-01-01' <= usageDate", "'2018-01-01' <= usageDate"},
      {"x in('a','b' ,  'c')", "x IN ('a', 'b', 'c')"},
      {"x not in ()", "x NOT IN ()"},
      {"x between 1 and 2", "x BETWEEN 1 AND 2"},
      {"x Not Between 'a' AND 'b'", "x NOT BETWEEN 'a' AND 'b'"},
      {"x like 'adm''in%'", "x LIKE 'adm''in%'"},
      {"x NOT LIKE :pattern", "x NOT LIKE :pattern"},
      {"a = 1 or b = 2 or c = 3", "a = 1 OR b = 2 OR c = 3"},
  };
  for (const auto& [text, expected] : cases) CHECK(reprint(text) == expected);
}

TEST_CASE("printer uses the fewest parentheses that keep the tree", "[print]") {
  const std::pair<const char*, const char*> cases[] = {
      {"((a = 1))", "a = 1"},
      {"a = 1 OR (b = 2 AND c = 3)", "a = 1 OR b = 2 AND c = 3"},
      {"(a = 1 OR b = 2) AND c = 3", "(a = 1 OR b = 2) AND c = 3"},
      {"NOT (a = 1)", "NOT a = 1"},
      {"NOT (a = 1 AND b = 2)", "NOT (a = 1 AND b = 2)"},
      {"(NOT a = 1) AND b = 2", "NOT a = 1 AND b = 2"},
      {"NOT NOT a = 1", "NOT NOT a = 1"},
      {"NOT (a = 1 OR b = 2) OR c = 3", "NOT (a = 1 OR b = 2) OR c = 3"},
      // A parenthesized chain of the same operator is a node of its own; the optimizer flattens it.
      {"(a = 1 AND b = 2) AND c = 3", "(a = 1 AND b = 2) AND c = 3"},
      {"a = 1 OR (b = 2 OR c = 3)", "a = 1 OR (b = 2 OR c = 3)"},
  };
  for (const auto& [text, expected] : cases) CHECK(reprint(text) == expected);
}

TEST_CASE("printer parenthesizes a hand-built tree by precedence alone", "[print]") {
  auto compare = [](const char* field, std::int64_t value) {
    Expr e;
    e.subject.text = field;
    Operand v;
    v.kind = Operand::Kind::integer;
    v.text = std::to_string(value);
    e.values.push_back(v);
    return e;
  };
  Expr disjunction;
  disjunction.kind = ExprKind::or_;
  disjunction.children = {compare("a", 1), compare("b", 2)};
  Expr conjunction;
  conjunction.kind = ExprKind::and_;
  conjunction.children = {disjunction, compare("c", -3)};
  CHECK(tfq::print_where(conjunction) == "(a = 1 OR b = 2) AND c = -3");
  Expr negation;
  negation.kind = ExprKind::not_;
  negation.children = {conjunction};
  CHECK(tfq::print_where(negation) == "NOT ((a = 1 OR b = 2) AND c = -3)");
}

TEST_CASE("quote_string doubles quotes inside single quotes", "[print]") {
  CHECK(tfq::quote_string("O'Brien") == "'O''Brien'");
  CHECK(tfq::quote_string("") == "''");
  CHECK(tfq::quote_string("''") == "''''''");
  CHECK(tfq::quote_string("Jürgen -- /* x") == "'Jürgen -- /* x'");
}

TEST_CASE("printer prints a 100000-predicate chain without deep recursion", "[print]") {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += (i ? " OR x = " : "x = ") + std::to_string(i);
  CHECK(reprint(text) == text);
}

TEST_CASE("print_where_prefix is the start of the clause, cut soon after the bytes asked for", "[print]") {
  std::string text;
  for (int i = 0; i < 100000; ++i)
    text += (i ? " OR (x = " : "(x = ") + std::to_string(i) + " AND y IN (1, 2))";
  const tfq::ParseResult parsed = tfq::parse_where(Source("test", text));
  REQUIRE(parsed.expr);
  const std::string full = tfq::print_where(*parsed.expr);
  for (const std::size_t bytes : {std::size_t{0}, std::size_t{10}, std::size_t{60}, std::size_t{1000}}) {
    const std::string prefix = tfq::print_where_prefix(*parsed.expr, bytes);
    CHECK(full.starts_with(prefix));
    CHECK(prefix.size() > bytes);
    CHECK(prefix.size() < bytes + 40);  // one predicate at most past the cut
  }
  CHECK(tfq::print_where_prefix(*parsed.expr, full.size()) == full);
  const tfq::ParseResult one = tfq::parse_where(Source("test", "x IN (1, 2, 3)"));
  REQUIRE(one.expr);
  CHECK(tfq::print_where_prefix(*one.expr, 100) == "x IN (1, 2, 3)");
}

// ---- Round-trip properties over generated clauses ----

namespace {

// A deterministic generator of random ASTs and of random ways to write a clause.
class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  Expr expr(int depth) {
    if (depth == 0 || pick(3) == 0) return predicate();
    Expr e;
    const int kind = pick(3);
    if (kind == 0) {
      e.kind = ExprKind::not_;
      e.children.push_back(expr(depth - 1));
      return e;
    }
    e.kind = kind == 1 ? ExprKind::and_ : ExprKind::or_;
    const int n = 2 + pick(3);
    for (int i = 0; i < n; ++i) e.children.push_back(expr(depth - 1));
    return e;
  }

  // The same clause written with random keyword case, spacing, comments and redundant parentheses.
  // Only text outside string literals changes; keywords are the words in capitals.
  std::string messy(const std::string& canonical) {
    std::string out;
    bool in_string = false;
    for (std::size_t i = 0; i < canonical.size(); ++i) {
      const char c = canonical[i];
      if (c == '\'') in_string = !in_string;
      if (in_string || c == '\'') {
        out += c;
      } else if (c == ' ') {
        static const char* gaps[] = {" ", "  ", "\n", "\t", " /* c */ ", " -- c\n"};
        out += gaps[pick(6)];
      } else if (std::isalpha(static_cast<unsigned char>(c)) &&
                 (out.empty() || !std::isalnum(static_cast<unsigned char>(out.back())))) {
        std::size_t end = i;
        while (end < canonical.size() &&
               (std::isalnum(static_cast<unsigned char>(canonical[end])) || canonical[end] == '_'))
          ++end;
        std::string word = canonical.substr(i, end - i);
        const bool keyword =
            std::all_of(word.begin(), word.end(), [](char w) { return w >= 'A' && w <= 'Z'; });
        if (keyword && pick(2)) {
          for (char& w : word) w = static_cast<char>(std::tolower(static_cast<unsigned char>(w)));
        }
        out += word;
        i = end - 1;
      } else {
        out += c;
      }
    }
    return pick(2) ? "(" + out + ")" : out;
  }

 private:
  int pick(int n) { return static_cast<int>(rng_() % static_cast<std::uint32_t>(n)); }

  Operand field() {
    static const char* names[] = {"userName", "contractYear", "usageDate", "x", "_y1", "notes", "orders"};
    Operand o;
    o.kind = Operand::Kind::field;
    o.text = names[pick(7)];
    return o;
  }

  Operand literal() {
    Operand o;
    switch (pick(4)) {
      case 0: {
        static const char* strings[] = {"",       "a",    "O'Brien", "''",  "admin%",
                                        "Jürgen", "-- x", "/* y */", "a\nb"};
        o.kind = Operand::Kind::string;
        o.text = strings[pick(9)];
        break;
      }
      case 1:
        o.kind = Operand::Kind::integer;
        o.text = std::to_string(pick(2) ? INT64_MIN + pick(3) : INT64_MAX - pick(3));
        break;
      case 2:
        o.kind = Operand::Kind::parameter;
        o.text = pick(2) ? "from" : "p1";
        break;
      default: o.kind = Operand::Kind::integer; o.text = std::to_string(pick(2001) - 1000);
    }
    return o;
  }

  Expr predicate() {
    Expr e;
    e.kind = static_cast<ExprKind>(pick(4));  // compare, like, in, between
    e.negated = e.kind != ExprKind::compare && pick(2);
    e.subject = field();
    switch (e.kind) {
      case ExprKind::compare:
        e.op = static_cast<CompareOp>(pick(6));
        if (pick(3) == 0) e.subject = literal();
        e.values.push_back(pick(4) == 0 ? field() : literal());
        break;
      case ExprKind::in:
        for (int i = pick(4); i > 0; --i) e.values.push_back(literal());
        break;
      case ExprKind::between:
        e.values.push_back(literal());
        e.values.push_back(literal());
        break;
      default: e.values.push_back(literal()); break;
    }
    return e;
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("printed clauses parse back to the same tree and print the same", "[print]") {
  Generator gen(7);
  for (int i = 0; i < 2000; ++i) {
    const Expr ast = gen.expr(5);
    const std::string printed = tfq::print_where(ast);
    INFO(printed);
    tfq::ParseResult r = tfq::parse_where(Source("printed", printed), with_parameters());
    REQUIRE(r.expr);
    CHECK(tfq::same_structure(*r.expr, ast));
    CHECK(tfq::print_where(*r.expr) == printed);
  }
}

TEST_CASE("any spelling of a clause prints as its canonical form", "[print]") {
  Generator gen(11);
  for (int i = 0; i < 1000; ++i) {
    const std::string canonical = tfq::print_where(gen.expr(4));
    const std::string written = gen.messy(canonical);
    INFO(written);
    CHECK(reprint(written) == canonical);
    CHECK(reprint(reprint(written)) == canonical);
  }
}
