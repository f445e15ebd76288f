// The optimizer's findings, rendered whole: contradictions and tautologies of the clause, parts that can
// never match or filter nothing, redundant and duplicate predicates, and NOT LIKE that cannot be sent.
#include <catch2/catch.hpp>

#include "optimize/findings.hpp"
#include "tfq/catalog.hpp"
#include "tfq/optimize.hpp"
#include "tfq/parse.hpp"
#include "tfq/render.hpp"

using namespace tfq;

namespace {

struct Rendered {
  OptimizeResult result;
  std::string text;  // every diagnostic, rendered
};

Rendered optimize_and_render(const std::string& where) {
  const Source source("<where>", where);
  ParseResult parsed = parse_where(source);
  REQUIRE(parsed.expr);
  Rendered out{optimize_where(*parsed.expr, Catalog::builtin()), {}};
  out.text = render_text(source, out.result.diagnostics);
  return out;
}

}  // namespace

TEST_CASE("a contradiction is an error naming both conflicting predicates", "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear = 1 AND userName = 'a' AND contractYear = 2");
  CHECK(r.result.outcome == Outcome::always_false);
  CHECK(r.result.where.empty());
  CHECK_FALSE(r.result.expr);
  CHECK(
      r.text ==
      R"(<where>:1:1: error[TFQ300]: the clause can never match: `contractYear = 1` conflicts with `contractYear = 2`
 1 | contractYear = 1 AND userName = 'a' AND contractYear = 2
   | ^~~~~~~~~~~~~~~~
<where>:1:41: note: conflicts with this
 1 | contractYear = 1 AND userName = 'a' AND contractYear = 2
   |                                         ----------------
help: no row can satisfy the where clause; check the values and operators
)");
}

TEST_CASE("a contradiction with a whole OR names the OR", "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear = 3 AND (contractYear = 1 OR contractYear = 2)");
  CHECK(r.result.outcome == Outcome::always_false);
  CHECK(
      r.text ==
      R"(<where>:1:1: error[TFQ300]: the clause can never match: `contractYear = 3` conflicts with `contractYear = 1 OR contractYear = 2`
 1 | contractYear = 3 AND (contractYear = 1 OR contractYear = 2)
   | ^~~~~~~~~~~~~~~~
<where>:1:23: note: conflicts with this
 1 | contractYear = 3 AND (contractYear = 1 OR contractYear = 2)
   |                       ------------------------------------
help: no row can satisfy the where clause; check the values and operators
)");
}

TEST_CASE("a usageMonth equal to another day than the 1st never matches, and says why",
          "[optimize][findings]") {
  const Rendered r = optimize_and_render("usageMonth = '2017-10-15'");
  CHECK(r.result.outcome == Outcome::always_false);
  CHECK(
      r.text ==
      R"(<where>:1:1: error[TFQ300]: the clause can never match: `usageMonth = '2017-10-15'` is always false (usageMonth is always the 1st of a month)
 1 | usageMonth = '2017-10-15'
   | ^~~~~~~~~~~~~~~~~~~~~~~~~
help: no row can satisfy the where clause; check the values and operators
)");
}

TEST_CASE("a tautology on fields that cannot be NULL is a warning and leaves no clause",
          "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear >= 1 OR contractYear < 1");
  CHECK(r.result.outcome == Outcome::always_true);
  CHECK(r.result.where.empty());
  CHECK(
      r.text ==
      R"(<where>:1:1: warning[TFQ301]: the clause is always true: `contractYear >= 1` and `contractYear < 1` together accept every value
 1 | contractYear >= 1 OR contractYear < 1
   | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
help: the where clause filters nothing and is left out of the request
)");
}

TEST_CASE("every value of a field that can be NULL is not a tautology", "[optimize][findings]") {
  const Rendered r = optimize_and_render("customField1 = 'a' OR customField1 != 'a'");
  CHECK(r.result.outcome == Outcome::clause);
  CHECK(r.result.where == "customField1 >= ''");  // "is not NULL", written without NOT
  CHECK(r.text.empty());
  const Rendered e = optimize_and_render("usageType = 'Normal' OR usageType = 'Borrowed'");
  CHECK(e.result.where == "usageType IN ('Borrowed', 'Normal')");
  CHECK(e.text.empty());
  CHECK(optimize_and_render("usageCategory NOT IN ('CLOUD_SERVICE') OR usageCategory = 'CLOUD_SERVICE'")
            .result.outcome == Outcome::always_true);
}

TEST_CASE("a predicate implied by another is redundant", "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear > 10 AND contractYear > 1");
  CHECK(r.result.where == "contractYear >= 11");
  CHECK(r.text ==
        R"(<where>:1:23: warning[TFQ302]: `contractYear > 1` is redundant: `contractYear > 10` implies it
 1 | contractYear > 10 AND contractYear > 1
   |                       ^~~~~~~~~~~~~~~~
<where>:1:1: note: implies it
 1 | contractYear > 10 AND contractYear > 1
   | -----------------
)");
  const Rendered absorbed = optimize_and_render("contractYear = 1 AND (contractYear < 5 OR userName = 'a')");
  CHECK(absorbed.result.where == "contractYear = 1");
  CHECK(
      absorbed.text ==
      R"(<where>:1:23: warning[TFQ302]: `contractYear < 5 OR userName = 'a'` is redundant: `contractYear = 1` implies it
 1 | contractYear = 1 AND (contractYear < 5 OR userName = 'a')
   |                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<where>:1:1: note: implies it
 1 | contractYear = 1 AND (contractYear < 5 OR userName = 'a')
   | ----------------
)");
}

TEST_CASE("in an OR, a predicate another one covers is redundant", "[optimize][findings]") {
  const Rendered r = optimize_and_render("userName = 'admin' OR userName LIKE 'adm%'");
  CHECK(r.result.where == "userName LIKE 'adm%'");
  CHECK(
      r.text ==
      R"(<where>:1:1: warning[TFQ302]: `userName = 'admin'` is redundant: `userName LIKE 'adm%'` accepts every value it accepts
 1 | userName = 'admin' OR userName LIKE 'adm%'
   | ^~~~~~~~~~~~~~~~~~
<where>:1:23: note: accepts more
 1 | userName = 'admin' OR userName LIKE 'adm%'
   |                       --------------------
)");
}

TEST_CASE("a predicate written twice is a duplicate", "[optimize][findings]") {
  const Rendered r = optimize_and_render("userName = 'a' AND userName = 'a'");
  CHECK(r.result.where == "userName = 'a'");
  CHECK(r.text == R"(<where>:1:20: warning[TFQ303]: `userName = 'a'` repeats `userName = 'a'`
 1 | userName = 'a' AND userName = 'a'
   |                    ^~~~~~~~~~~~~~
<where>:1:1: note: first here
 1 | userName = 'a' AND userName = 'a'
   | --------------
)");
}

TEST_CASE("a finding reported twice at the same ranges is kept once, in report order",
          "[optimize][findings]") {
  const auto finding = [](Code code, SourceRange at, SourceRange label) {
    Diagnostic d = make_diagnostic(code, at, "message " + std::to_string(at.begin));
    d.labels.push_back({label, "label"});
    return d;
  };
  std::vector<Diagnostic> diagnostics = {
      finding(Code::redundant_predicate, {0, 5}, {9, 12}),   // kept
      finding(Code::duplicate_predicate, {0, 5}, {9, 12}),   // another code: kept
      finding(Code::redundant_predicate, {0, 5}, {9, 13}),   // another label: kept
      finding(Code::redundant_predicate, {0, 5}, {9, 12}),   // the first again: dropped
      finding(Code::redundant_predicate, {20, 25}, {0, 5}),  // kept
      finding(Code::redundant_predicate, {20, 25}, {0, 5}),  // dropped
  };
  opt::remove_repeats(diagnostics);
  REQUIRE(diagnostics.size() == 4);
  CHECK(diagnostics[0].code == Code::redundant_predicate);
  CHECK(diagnostics[1].code == Code::duplicate_predicate);
  CHECK(diagnostics[2].labels[0].range.end == 13);
  CHECK(diagnostics[3].range.begin == 20);
}

TEST_CASE("values repeated in one NOT IN are the checker's finding, not a predicate repeating itself",
          "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear NOT IN (2, 2, 2)");
  CHECK(r.result.where == "contractYear != 2");
  CHECK(r.result.diagnostics.empty());
}

TEST_CASE("a repeated value is a duplicate in an OR of any length", "[optimize][findings]") {
  for (const int length : {5, 40, 2000}) {
    std::string where;
    for (int i = 0; i < length; ++i)
      where += (i ? " OR userName = 'u" : "userName = 'u") + std::to_string(i) + "'";
    where += " OR userName = 'u3'";
    INFO(length);
    const Source source("<where>", where);
    ParseResult parsed = parse_where(source);
    REQUIRE(parsed.expr);
    const OptimizeResult result = optimize_where(*parsed.expr, Catalog::builtin());
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].code == Code::duplicate_predicate);
    CHECK(source.text().substr(result.diagnostics[0].range.begin) == "userName = 'u3'");
    REQUIRE(result.diagnostics[0].labels.size() == 1);
    CHECK(result.diagnostics[0].labels[0].range.begin == where.find("userName = 'u3'"));
  }
}

TEST_CASE("a part of an OR that can never match is a warning", "[optimize][findings]") {
  const Rendered r = optimize_and_render("(contractYear = 1 AND contractYear = 2) OR userName = 'b'");
  CHECK(r.result.where == "userName = 'b'");
  CHECK(
      r.text ==
      R"(<where>:1:2: warning[TFQ305]: this part can never match: `contractYear = 1` conflicts with `contractYear = 2`
 1 | (contractYear = 1 AND contractYear = 2) OR userName = 'b'
   |  ^~~~~~~~~~~~~~~~
<where>:1:23: note: conflicts with this
 1 | (contractYear = 1 AND contractYear = 2) OR userName = 'b'
   |                       ----------------
)");
  const Rendered pruned = optimize_and_render("contractYear = 1 AND (contractYear = 2 OR userName = 'a')");
  CHECK(pruned.result.where == "userName = 'a' AND contractYear = 1");
  CHECK(pruned.text.find("warning[TFQ305]: this part can never match: `contractYear = 2` conflicts with "
                         "`contractYear = 1`") != std::string::npos);
}

TEST_CASE("a part of an AND that filters nothing is redundant", "[optimize][findings]") {
  const Rendered r = optimize_and_render("userName = 'x' AND (contractYear >= 2 OR contractYear < 2)");
  CHECK(r.result.where == "userName = 'x'");
  CHECK(r.text.find("warning[TFQ302]: this part filters nothing: `contractYear >= 2` and `contractYear < 2` "
                    "together accept every value") != std::string::npos);
}

TEST_CASE("NOT LIKE that cannot be rewritten is an error at its range", "[optimize][findings]") {
  const Rendered r = optimize_and_render("contractYear = 1 AND userName NOT LIKE '%abc%'");
  CHECK(r.result.where == "userName NOT LIKE '%abc%' AND contractYear = 1");
  CHECK(
      r.text ==
      R"(<where>:1:22: error[TFQ304]: `NOT LIKE` cannot be sent: the server forbids NOT and no other operator matches the same rows
 1 | contractYear = 1 AND userName NOT LIKE '%abc%'
   |                      ^~~~~~~~~~~~~~~~~~~~~~~~~
help: a pattern of the form 'abc%' can be sent (as a range), as can one without wildcards; otherwise filter the exported rows instead
)");
}

TEST_CASE("NOT LIKE that can be dropped or rewritten is no error", "[optimize][findings]") {
  // Decided on the listed values.
  const Rendered listed = optimize_and_render("userName IN ('abc', 'bob') AND userName NOT LIKE '%bc%'");
  CHECK(listed.result.where == "userName = 'bob'");
  CHECK_FALSE(has_errors(listed.result.diagnostics));
  // Implied by a LIKE beside it in an OR.
  const Rendered covered = optimize_and_render("userName = 'bob' OR userName NOT LIKE '%abc%'");
  CHECK(covered.result.where == "userName NOT LIKE '%abc%'");
  CHECK(has_errors(covered.result.diagnostics));
  // A prefix is a range, and a pattern without wildcards is `!=`.
  CHECK(optimize_and_render("userName NOT LIKE 'adm%'").result.where ==
        "userName >= 'adn' OR userName < 'adm'");
  CHECK(optimize_and_render("userName NOT LIKE 'bob'").result.where == "userName != 'bob'");
  // NOT NOT LIKE is LIKE.
  CHECK(optimize_and_render("NOT userName NOT LIKE '%abc%'").result.where == "userName LIKE '%abc%'");
}

// A set merged from several predicates (`x = 'a' OR x = 'b'` is one set) stands for all of them together:
// naming its first predicate alone said that `x = 'b' AND ...` implies `x = 'a'`.
TEST_CASE("a finding about a merged set names all of its predicates, never the first alone",
          "[optimize][findings]") {
  const Rendered implied =
      optimize_and_render("productName = 'a' OR productName = 'b' OR (productName = 'b' AND userName = 'x')");
  CHECK(
      implied.text ==
      R"(<where>:1:44: warning[TFQ302]: `productName = 'b' AND userName = 'x'` is redundant: it implies the condition on productName merged from `productName = 'a'` and 1 other predicate
 1 | productName = 'a' OR productName = 'b' OR (productName = 'b' AND userName = 'x')
   |                                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
<where>:1:1: note: implied by it
 1 | productName = 'a' OR productName = 'b' OR (productName = 'b' AND userName = 'x')
   | -----------------
<where>:1:22: note: merged into it
 1 | productName = 'a' OR productName = 'b' OR (productName = 'b' AND userName = 'x')
   |                      -----------------
)");
  CHECK(implied.result.where == "productName IN ('a', 'b')");

  // contractYear >= 1 alone does not conflict with contractYear = 9: both merged predicates are named.
  const Rendered conflict =
      optimize_and_render("contractYear >= 1 AND contractYear <= 5 AND (contractYear = 9 OR userName = 'x')");
  CHECK(conflict.text.find("`contractYear = 9` conflicts with `contractYear >= 1` and 1 more") !=
        std::string::npos);
  CHECK(conflict.text.find("<where>:1:23: note: conflicts with this") != std::string::npos);

  // A set merged from a whole OR is named by that OR.
  const Rendered whole = optimize_and_render(
      "(contractYear = 1 OR contractYear = 2 OR contractYear = 3) AND (contractYear = 1 OR contractYear = 2) "
      "AND "
      "userName = 'x'");
  CHECK(whole.text.find("is redundant: `contractYear = 1 OR contractYear = 2` implies it") !=
        std::string::npos);
}
