// The query-file grammar (grammar/query.peg): statements, clauses and their ranges, comments, and every
// syntax error with its position; a WHERE clause's errors read exactly as parse_where words them.
#include "query/query_file.hpp"

#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/query_rules.hpp"
#include "tfq/parse.hpp"

using tfq::Code;
using tfq::Source;
using tfq::SourceRange;
using tfq::query::parse_query_file;

namespace {

std::string slice(const Source& source, SourceRange r) {
  return source.text().substr(r.begin, r.end - r.begin);
}

std::vector<std::string> names(const std::vector<tfq::query::Name>& list) {
  std::vector<std::string> out;
  for (const auto& n : list) out.push_back(n.text);
  return out;
}

}  // namespace

TEST_CASE("query grammar has no rule that can loop without consuming input", "[query]") {
  CHECK(tao::pegtl::analyze<tfq::grammar::query::query_file>(-1) == 0);
}

TEST_CASE("query parser records every clause of a statement with its range", "[query]") {
  const Source source("q.tfq",
                      "-- sessions\n"
                      "SELECT usageMonth, userName, tokensConsumed\n"
                      "FROM DESKTOP_PRODUCT, CLOUD_PRODUCT\n"
                      "WHERE usageDate >= '2018-01-01' AND usageDate < '2018-02-01'\n"
                      "INTO 'sessions-2018-01';\n");
  const auto parsed = parse_query_file(source, {});
  REQUIRE(parsed.diagnostics.empty());
  REQUIRE(parsed.file);
  REQUIRE(parsed.file->statements.size() == 1);
  const auto& s = parsed.file->statements[0];
  CHECK(s.target == tfq::Target::export_request);
  CHECK_FALSE(s.target_written);
  CHECK(names(s.select) == std::vector<std::string>{"usageMonth", "userName", "tokensConsumed"});
  CHECK(slice(source, s.select[1].range) == "userName");
  CHECK(s.has_from);
  CHECK(names(s.from) == std::vector<std::string>{"DESKTOP_PRODUCT", "CLOUD_PRODUCT"});
  CHECK(s.has_where);
  CHECK(slice(source, s.where) == "usageDate >= '2018-01-01' AND usageDate < '2018-02-01'\n");
  CHECK(slice(source, s.where_keyword) == "WHERE");
  REQUIRE(s.into);
  CHECK_FALSE(s.into->parameter);
  CHECK(s.into->text == "sessions-2018-01");
  CHECK(slice(source, s.into->range) == "'sessions-2018-01'");
  CHECK(slice(source, s.into_clause) == "INTO 'sessions-2018-01'");
  CHECK(slice(source, s.range) == source.text().substr(12, source.text().size() - 12 - 2));
  REQUIRE(parsed.file->comments.size() == 1);
  CHECK(slice(source, parsed.file->comments[0]) == "-- sessions");
}

TEST_CASE("query parser reads targets, parameters, case-insensitive keywords and empty statements",
          "[query]") {
  const Source source("q.tfq",
                      ";; query select a where x = :v;\n"
                      "Export Select b into :name ;;\n"
                      "select c /* last, no ';' */");
  const auto parsed = parse_query_file(source, {});
  REQUIRE(parsed.file);
  const auto& statements = parsed.file->statements;
  REQUIRE(statements.size() == 3);
  CHECK(statements[0].target == tfq::Target::query);
  CHECK(statements[0].target_written);
  CHECK(statements[1].target == tfq::Target::export_request);
  CHECK(statements[1].target_written);
  REQUIRE(statements[1].into);
  CHECK(statements[1].into->parameter);
  CHECK(statements[1].into->text == "name");
  CHECK(slice(source, statements[1].into->range) == ":name");
  CHECK_FALSE(statements[2].has_from);
  CHECK(slice(source, statements[2].range) == "select c");
  CHECK(parsed.file->comments.size() == 1);
}

TEST_CASE("query parser decodes a quoted INTO name and keeps where each byte came from", "[query]") {
  const Source source("q.tfq", "SELECT a INTO 'O''Brien'");
  const auto parsed = parse_query_file(source, {});
  REQUIRE(parsed.file);
  const auto& into = *parsed.file->statements[0].into;
  CHECK(into.text == "O'Brien");
  // O ' B ... : the quote is the first of the two written quotes; the end is the closing quote.
  CHECK(into.origins == std::vector<std::uint32_t>{15, 16, 18, 19, 20, 21, 22, 23});
}

TEST_CASE("query parser reports each syntax error at its position", "[query]") {
  struct Case {
    std::string text;
    Code code;
    std::string message;
    std::uint32_t at;
  };
  const std::vector<Case> cases = {
      {"SELECT FROM X", Code::query_syntax, "expected a field or metric name after SELECT", 7},
      {"SELECT a, FROM X", Code::query_syntax, "expected a field or metric name after ','", 10},
      {"SELECT a FROM", Code::query_syntax, "expected a usage category after FROM", 13},
      {"SELECT a FROM X, WHERE a = 1", Code::query_syntax, "expected a usage category after ','", 17},
      {"SELECT a INTO b", Code::query_syntax,
       "expected a file name in single quotes or a :parameter after INTO", 14},
      {"SELECT a SELECT b", Code::query_syntax, "expected ';' or the end of the file", 9},
      {"SELECT a FROM X WHERE a = 1 b", Code::query_syntax, "expected ';' or the end of the file", 28},
      {"EXPORT a", Code::query_syntax, "expected SELECT after EXPORT or QUERY", 7},
      {"SELEKT a", Code::query_syntax, "expected a statement", 0},
      {"SELECT * FROM X", Code::query_syntax, "expected a field or metric name after SELECT", 7},
      {"SELECT a /* open", Code::unterminated_comment, "unterminated /* comment", 9},
      {"SELECT a INTO 'open", Code::unterminated_string, "unterminated string literal", 14},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto parsed = parse_query_file(Source("q.tfq", c.text), {});
    CHECK_FALSE(parsed.file);
    REQUIRE(parsed.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].code == c.code);
    CHECK(parsed.diagnostics[0].message == c.message);
    CHECK(parsed.diagnostics[0].range.begin == c.at);
  }
}

TEST_CASE("query parser reports a where clause's syntax error exactly as parse_where does", "[query]") {
  for (const std::string clause :
       {"a = 1 AND (b = 2 OR", "a == 1", "x IN ('a',", "userName = \"x\"", "a = 1.5"}) {
    INFO(clause);
    const std::string prefix = "SELECT a\nWHERE ";
    const Source file("q.tfq", prefix + clause);
    const auto parsed = parse_query_file(file, {});
    tfq::ParseOptions options;
    options.allow_parameters = true;
    const auto alone = tfq::parse_where(Source("w", clause), options);
    REQUIRE(parsed.diagnostics.size() == 1);
    REQUIRE(alone.diagnostics.size() == 1);
    CHECK(parsed.diagnostics[0].code == alone.diagnostics[0].code);
    CHECK(parsed.diagnostics[0].message == alone.diagnostics[0].message);
    CHECK(parsed.diagnostics[0].range.begin == alone.diagnostics[0].range.begin + prefix.size());
  }
}

TEST_CASE("query parser bounds nesting in a where clause instead of overflowing the stack", "[query]") {
  const std::string deep = "SELECT a WHERE " + std::string(200000, '(') + "a = 1";
  const auto parsed = parse_query_file(Source("q.tfq", deep), {});
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].code == Code::nesting_too_deep);
  const std::string nots = "SELECT a WHERE " + [] {
    std::string s;
    for (int i = 0; i < 100000; ++i) s += "NOT ";
    return s;
  }() + "a = 1";
  const auto parsed_nots = parse_query_file(Source("q.tfq", nots), {});
  REQUIRE(parsed_nots.diagnostics.size() == 1);
  CHECK(parsed_nots.diagnostics[0].code == Code::nesting_too_deep);
}

TEST_CASE("query parser stops at the statement limit", "[query]") {
  std::string text;
  for (int i = 0; i < 11; ++i) text += "SELECT a;\n";
  tfq::Limits limits;
  limits.max_statements = 10;
  const auto parsed = parse_query_file(Source("q.tfq", text), limits);
  REQUIRE(parsed.diagnostics.size() == 1);
  CHECK(parsed.diagnostics[0].code == Code::too_many_statements);
  CHECK(parsed.diagnostics[0].range.begin == 100);
  limits.max_statements = 11;
  CHECK(parse_query_file(Source("q.tfq", text), limits).file);
}

TEST_CASE("query parser skips a byte order mark and accepts a file of comments only", "[query]") {
  const auto bom = parse_query_file(Source("q.tfq", "\xEF\xBB\xBFSELECT a"), {});
  REQUIRE(bom.file);
  CHECK(bom.file->statements.size() == 1);
  const auto comments = parse_query_file(Source("q.tfq", "-- a\n/* b */\n"), {});
  REQUIRE(comments.file);
  CHECK(comments.file->statements.empty());
  CHECK(comments.file->comments.size() == 2);
}
