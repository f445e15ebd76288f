// Fix mode's library parts: which fix-its apply together, the unified diff, and the removal of repeated
// or implied predicates proven by compiling.
#include "tfq/fix.hpp"

#include <catch2/catch.hpp>

using tfq::Code;
using tfq::Diagnostic;
using tfq::FixIt;
using tfq::Source;

namespace {

Diagnostic with_fixes(Code code, std::vector<FixIt> fixes) {
  Diagnostic d = tfq::make_diagnostic(code, fixes.empty() ? tfq::SourceRange{} : fixes[0].range, "m");
  d.fixes = std::move(fixes);
  return d;
}

std::vector<Diagnostic> lint_like(const Source& source, tfq::InputKind kind) {
  tfq::CompileOptions options;
  std::vector<Diagnostic> d = tfq::compile(source, kind, options).diagnostics;
  tfq::add_predicate_removal_fixes(source, kind, options, d);
  return d;
}

std::string fixed(const std::string& text, tfq::InputKind kind, const std::string& name = "q.where") {
  const Source source(name, text);
  return tfq::apply_fixes(text, lint_like(source, kind), {}).text;
}

}  // namespace

TEST_CASE("apply_fixes splices the edits of every finding into the text", "[fix]") {
  const std::string text = "usrName = 'a' AND x <> 1";
  const std::vector<Diagnostic> d = {with_fixes(Code::unknown_field, {{{0, 7}, "userName"}}),
                                     with_fixes(Code::ltgt_operator, {{{20, 22}, "!="}})};
  const auto result = tfq::apply_fixes(text, d, {});
  CHECK(result.text == "userName = 'a' AND x != 1");
  CHECK(result.applied == 2);
}

TEST_CASE("apply_fixes leaves out a finding whose edits touch text another finding changes", "[fix]") {
  const std::string text = "abcdef";
  const std::vector<Diagnostic> d = {
      with_fixes(Code::unknown_field, {{{0, 3}, "X"}}),
      // overlaps the first: skipped as a whole, its second edit too
      with_fixes(Code::metric_under_fields, {{{5, 6}, "Z"}, {{2, 4}, "Y"}}),
      // an insertion at the edge of a replaced range: its order would be a guess
      with_fixes(Code::unknown_enum_value, {{{3, 3}, "!"}}),
      with_fixes(Code::duplicate_name, {{{4, 5}, ""}})};
  const auto result = tfq::apply_fixes(text, d, {});
  CHECK(result.text == "Xdf");
  CHECK(result.applied == 2);
}

TEST_CASE("apply_fixes leaves out a finding whose edits would change a comment", "[fix]") {
  const std::string text = "x IN (1, /* c */ 1) -- d\nAND y = 1 AND y = 1";
  const tfq::SourceRange block{9, 16}, line{20, 24};
  const std::vector<tfq::SourceRange> comments = {block, line};
  const auto applied = [&](tfq::FixIt fix) {
    return tfq::apply_fixes(text, std::vector{with_fixes(Code::duplicate_name, {fix})}, {}, comments).applied;
  };
  CHECK(applied({{7, 18}, ""}) == 0);     // removes the block comment with the element
  CHECK(applied({{12, 12}, "!"}) == 0);   // inserts inside it
  CHECK(applied({{9, 9}, " "}) == 1);     // inserts before it
  CHECK(applied({{16, 18}, ""}) == 1);    // removes text right after it
  CHECK(applied({{24, 34}, ""}) == 0);    // joins the next line to the line comment
  CHECK(applied({{24, 24}, " x"}) == 0);  // writes into the line comment
  CHECK(applied({{24, 44}, ""}) == 1);    // removes up to the end: nothing is joined to the comment
  CHECK(applied({{34, 44}, ""}) == 1);
}

TEST_CASE("comments_of gives the comments of where clauses and query files, none of JSON bodies", "[fix]") {
  using tfq::InputKind;
  const auto comments =
      tfq::comments_of(Source("q.where", "x = 1 -- a\n/* b */ AND y = 2"), InputKind::where_clause, {});
  REQUIRE(comments.size() == 2);
  CHECK(comments[0].begin == 6);
  CHECK(comments[1].begin == 11);
  CHECK(tfq::comments_of(Source("q.tfq", "-- a\nSELECT a WHERE x = 1 /* b */"), InputKind::query_file, {})
            .size() == 2);
  CHECK(tfq::comments_of(Source("b.json", "{}"), InputKind::json_body, {}).empty());
}

TEST_CASE("apply_fixes applies only safe fix-its unless asked for every one", "[fix]") {
  const std::string text = "usageDate = '2018-1-1'";
  const std::vector<Diagnostic> d = {with_fixes(Code::invalid_date, {{{12, 22}, "'2018-01-01'"}})};
  CHECK_FALSE(tfq::fix_is_safe(Code::invalid_date));
  CHECK(tfq::apply_fixes(text, d, {}).text == text);
  CHECK(tfq::apply_fixes(text, d, {.include_unsafe = true}).text == "usageDate = '2018-01-01'");
}

TEST_CASE("apply_fixes removes one repeated or implied predicate per call", "[fix]") {
  // Each removal alone keeps the meaning; both together would remove every copy of `x = 1`.
  const std::string text = "x = 1 OR x = 1";
  const std::vector<Diagnostic> d = {with_fixes(Code::duplicate_predicate, {{{0, 9}, ""}}),
                                     with_fixes(Code::redundant_predicate, {{{5, 14}, ""}}),
                                     with_fixes(Code::ltgt_operator, {{{2, 3}, "="}})};
  const auto result = tfq::apply_fixes(text, d, {});
  CHECK(result.text == "x = 1");
  CHECK(result.applied == 1);
  // Through the whole pipeline: a clause whose two removals would each be proven alone.
  const std::string clause =
      "tokenPool <> 'CY' OR tokenPool IN ('MY', 'CY') OR tokenPool <= 'MY' AND tokenPool <> 'CY' OR "
      "tokenPool IN ('MY', 'CY')";
  std::string once = fixed(clause, tfq::InputKind::where_clause);
  const auto before = tfq::compile(Source("q.where", clause), tfq::InputKind::where_clause, {});
  for (int round = 0; round < 8; ++round) {
    const auto now = tfq::compile(Source("q.where", once), tfq::InputKind::where_clause, {});
    REQUIRE(now.requests.size() == 1);
    CHECK(now.requests[0].body == before.requests[0].body);
    once = fixed(once, tfq::InputKind::where_clause);
  }
}

TEST_CASE("apply_fixes skips edits outside the text", "[fix]") {
  const std::vector<Diagnostic> d = {with_fixes(Code::unknown_field, {{{2, 40}, "x"}})};
  CHECK(tfq::apply_fixes("abc", d, {}).text == "abc");
}

TEST_CASE("a repeated predicate is removed with the AND before it", "[fix]") {
  CHECK(fixed("contractYear = 1 AND userName = 'a' AND contractYear = 1", tfq::InputKind::where_clause) ==
        "contractYear = 1 AND userName = 'a'");
}

TEST_CASE("an implied predicate is removed, even when it comes first", "[fix]") {
  CHECK(fixed("contractYear >= 1 AND contractYear >= 2", tfq::InputKind::where_clause) ==
        "contractYear >= 2");
  CHECK(fixed("contractYear >= 2 and\n  contractYear >= 1", tfq::InputKind::where_clause) ==
        "contractYear >= 2");
}

TEST_CASE("a repeated predicate inside OR and parentheses is removed with its OR", "[fix]") {
  CHECK(fixed("(userName = 'a' OR userName = 'b' OR userName = 'a') AND contractYear = 1",
              tfq::InputKind::where_clause) == "(userName = 'a' OR userName = 'b') AND contractYear = 1");
}

TEST_CASE("no removal is offered when the edit would change what is selected", "[fix]") {
  // A finding that wrongly calls a predicate redundant: the compile check refuses the edit.
  const Source source("q.where", "contractYear = 1 AND userName = 'a'");
  std::vector<Diagnostic> d = {tfq::make_diagnostic(Code::redundant_predicate, {0, 16}, "m"),
                               tfq::make_diagnostic(Code::duplicate_predicate, {21, 35}, "m")};
  tfq::add_predicate_removal_fixes(source, tfq::InputKind::where_clause, {}, d);
  CHECK(d[0].fixes.empty());
  CHECK(d[1].fixes.empty());
}

TEST_CASE("a redundant bound next to a BETWEEN is removed without touching the BETWEEN", "[fix]") {
  CHECK(fixed("usageDate >= '2018-01-01' AND usageDate BETWEEN '2018-02-01' AND '2018-03-01'",
              tfq::InputKind::where_clause) == "usageDate BETWEEN '2018-02-01' AND '2018-03-01'");
}

TEST_CASE("removal fix-its work inside query files and JSON bodies", "[fix]") {
  CHECK(fixed("SELECT userName FROM DESKTOP_PRODUCT WHERE contractYear = 1 AND contractYear = 1 INTO 'x';\n",
              tfq::InputKind::query_file,
              "q.tfq") == "SELECT userName FROM DESKTOP_PRODUCT WHERE contractYear = 1 INTO 'x';\n");
  CHECK(fixed(R"({"fields": ["userName"], "where": "contractYear = 1 AND contractYear = 1"})",
              tfq::InputKind::json_body,
              "b.json") == R"({"fields": ["userName"], "where": "contractYear = 1"})");
}

TEST_CASE("no removal is offered for a source that does not compile", "[fix]") {
  const Source source("q.where", "usrName = 'a' AND contractYear = 1 AND contractYear = 1");
  std::vector<Diagnostic> d = {tfq::make_diagnostic(Code::duplicate_predicate, {39, 55}, "m")};
  tfq::add_predicate_removal_fixes(source, tfq::InputKind::where_clause, {}, d);
  CHECK(d[0].fixes.empty());
}

TEST_CASE("unified_diff shows changed lines with three lines of context", "[fix]") {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
  std::string after = before;
  after.replace(after.find("2\n"), 2, "two\n");
  after.replace(after.find("14\n"), 3, "");
  CHECK(tfq::unified_diff("n.where", before, after) == R"(--- n.where
+++ n.where
@@ -1,5 +1,5 @@
 1
-2
+two
 3
 4
 5
@@ -11,5 +11,4 @@
 11
 12
 13
-14
 15
)");
}

TEST_CASE("unified_diff joins nearby changes into one hunk and marks a missing final newline", "[fix]") {
  CHECK(tfq::unified_diff("a", "x\ny\nz", "x\nY\nz\nw") == R"(--- a
+++ a
@@ -1,3 +1,4 @@
 x
-y
-z
\ No newline at end of file
+Y
+z
+w
\ No newline at end of file
)");
  CHECK(tfq::unified_diff("a", "same\n", "same\n").empty());
  CHECK(tfq::unified_diff("a", "", "new\n") == "--- a\n+++ a\n@@ -0,0 +1 @@\n+new\n");
}

TEST_CASE("unified_diff of very different long texts stays correct", "[fix]") {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "a" + std::to_string(i) + "\n";
    after += "b" + std::to_string(i) + "\n";
  }
  const std::string diff = tfq::unified_diff("big", before, after);
  CHECK(diff.starts_with("--- big\n+++ big\n@@ -1,3000 +1,3000 @@\n-a0\n"));
  CHECK(diff.ends_with("+b2999\n"));
}
