// The checker: fields, comparisons, LIKE, IN lists, parameters and the walk over the clause, on parsed
// where clauses (literals against field types: check_literals_test.cpp).
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/checking.hpp"

using tfq::Code;
using tfq::Diagnostic;
using tfq::Expr;
using tfq::ExprKind;
using tfq::Operand;
using tfq::Severity;
using tfq::test::check;
using tfq::test::codes_of;
using tfq::test::only_finding;
using tfq::test::parse;
using tfq::test::range_of;

TEST_CASE("the reference sheet's documented where examples check clean", "[check]") {
  for (const char* example : {"contractYear=1 AND productName IN ('Revit Live', 'Vault Office', 'Moldflow "
                              "Adviser Ultimate', 'ReMake')",
                              "contractYear >= 2 and userName LIKE 'admin%'",
                              "usageDate >= '2018-01-01' and usageDate < '2018-02-01'",
                              "usageMonth = '2017-10-01'", "contractYear=1"}) {
    INFO(example);
    CHECK(check(example).empty());
  }
}

TEST_CASE("checker accepts well-typed clauses over every kind of field", "[check]") {
  for (const char* clean :
       {"sessionStartDate >= '2018-03-01T16:24:53' AND sessionEndDate < '2018-03-02T00:00:00'",
        "usageCategory IN ('DESKTOP_PRODUCT', 'CLOUD_PRODUCT') OR chargeCategory != 'FREE'",
        "tokenPool = 'CY' AND transactionDate BETWEEN '2023-08-11' AND '2023-12-31'",
        "usageMonth NOT BETWEEN '2017-01-01' AND '2017-06-01' AND NOT (customField1 LIKE '%GEO%')",
        "'2018-01-01' <= usageDate AND 1 < contractYear AND usageDate = '2024-02-29'",
        "userName = 'O''Brien' AND reasonComment LIKE 'ACD%'"}) {
    INFO(clean);
    CHECK(check(clean).empty());
  }
}

TEST_CASE("checker reports an unknown field at its range with the closest field as a fix", "[check]") {
  const std::string text = "usrName = 'bob'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::unknown_field);
  CHECK(d.severity == Severity::error);
  CHECK(d.message == "unknown field 'usrName'");
  CHECK(d.range == range_of(text, "usrName"));
  CHECK(d.help == "did you mean 'userName'?");
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].range == range_of(text, "usrName"));
  CHECK(d.fixes[0].replacement == "userName");
}

TEST_CASE("checker says field names are case-sensitive when only the case is wrong", "[check]") {
  const Diagnostic d = only_finding("username = 'bob'");
  CHECK(d.help == "field names are case-sensitive: did you mean 'userName'?");
  CHECK(d.fixes.at(0).replacement == "userName");
}

TEST_CASE("checker points an unknown, plausible field at the --catalog option", "[check]") {
  const Diagnostic d = only_finding("hubRegion = 'EMEA'");
  CHECK(d.message == "unknown field 'hubRegion'");
  CHECK(d.help == "if the server has a field 'hubRegion', add it to a catalog file and pass --catalog FILE");
  CHECK(d.notes == std::vector<std::string>{"`tfq catalog` lists the known fields"});
  CHECK(d.fixes.empty());
}

TEST_CASE("checker accepts a field that a catalog overlay adds", "[check]") {
  std::vector<Diagnostic> problems;
  const auto catalog = tfq::Catalog::builtin().with_overlay(
      tfq::Source("extra.json", R"({"fields": [{"name": "hubRegion", "type": "string"}]})"), problems);
  REQUIRE(catalog);
  CHECK(check("hubRegion = 'EMEA'", {}, *catalog).empty());
}

TEST_CASE("checker rejects a metric in where", "[check]") {
  const std::string text = "tokensConsumed > 10";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::metric_in_where);
  CHECK(d.message == "'tokensConsumed' is a metric, and where filters only fields");
  CHECK(d.range == range_of(text, "tokensConsumed"));
  CHECK(d.help == "request it under \"metrics\"; a where clause can only name fields");
}

TEST_CASE("checker rejects LIKE on an enum field and offers the matching values", "[check]") {
  const std::string text = "usageCategory LIKE 'CLOUD%'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::like_on_enum);
  CHECK(d.message == "LIKE is not allowed on the enum field 'usageCategory'");
  CHECK(d.range == range_of(text, text));
  CHECK(d.help == "list the values it matches: usageCategory IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE')");
  CHECK(d.fixes.at(0).range == d.range);
  CHECK(d.fixes.at(0).replacement == "usageCategory IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE')");

  CHECK(only_finding("tokenPool NOT LIKE 'C_'").fixes.at(0).replacement == "tokenPool != 'CY'");
  CHECK(only_finding("chargeCategory LIKE '%A%'").fixes.at(0).replacement ==
        "chargeCategory IN ('CASUAL', 'INCREMENTAL', 'CHARGED')");
  const Diagnostic none = only_finding("usageType LIKE 'X%'");
  CHECK(none.help == "no value of 'usageType' matches 'X%'; compare with = or IN");
  CHECK(none.fixes.empty());
}

TEST_CASE("checker rejects LIKE on a field that is not a string", "[check]") {
  const std::string text = "usageDate LIKE '2018-01%'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::like_on_non_string);
  CHECK(d.message == "LIKE needs a string field, but 'usageDate' is a date field");
  CHECK(d.range == range_of(text, text));
  CHECK(d.help == "select a range instead: usageDate >= 'YYYY-MM-DD' AND usageDate < 'YYYY-MM-DD'");
  const Diagnostic integer = only_finding("contractYear LIKE '1%'");
  CHECK(integer.message == "LIKE needs a string field, but 'contractYear' is an integer field");
  CHECK(integer.help == "compare with =, <, >= or IN");
}

TEST_CASE("checker rejects a LIKE wildcard pattern with fewer than 3 literal characters", "[check]") {
  const std::string text = "userName LIKE 'b%'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::like_pattern_too_short);
  CHECK(d.message ==
        "LIKE pattern 'b%' has 1 literal character; the server needs at least 3 beside a wildcard");
  CHECK(d.range == range_of(text, "'b%'"));
  CHECK(d.help == "lengthen the pattern, or compare with = for one exact value");
  CHECK(only_finding("userName NOT LIKE '_ob_'").message ==
        "LIKE pattern '_ob_' has 2 literal characters; the server needs at least 3 beside a wildcard");
  for (const char* ok :
       {"userName LIKE 'bob%'", "userName LIKE '%bob'", "userName LIKE 'b'", "userName LIKE 'Jür%'"}) {
    INFO(ok);
    CHECK(check(ok).empty());
  }
  CHECK(only_finding("userName LIKE '%%'").help ==
        "a pattern of wildcards alone matches any value: leave the condition out");
  CHECK(codes_of(check("nickName LIKE 'b%'")) ==
        std::vector<Code>{Code::unknown_field, Code::like_pattern_too_short});
  const Diagnostic integer = only_finding("userName LIKE 5");
  CHECK(integer.code == Code::type_mismatch);
  CHECK(integer.fixes.at(0).replacement == "'5'");
}

TEST_CASE("checker rejects an empty IN list", "[check]") {
  const std::string text = "productName IN ()";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::empty_in_list);
  CHECK(d.message == "empty IN list");
  CHECK(d.range == range_of(text, text));
  CHECK(d.help == "IN () matches no row: list a value");
  CHECK(only_finding("productName NOT IN ()").help == "NOT IN () excludes nothing: leave the condition out");
}

TEST_CASE("checker rejects an IN list of strings and integers for a field it cannot type", "[check]") {
  const std::string text = "nickName IN ('a', 1)";
  const std::vector<Diagnostic> found = check(text);
  REQUIRE(codes_of(found) == std::vector<Code>{Code::unknown_field, Code::mixed_in_list});
  const Diagnostic& d = found[1];
  CHECK(d.message == "IN list mixes strings and integers");
  CHECK(d.range == range_of(text, "'a', 1"));
  REQUIRE(d.labels.size() == 2);
  CHECK(d.labels[0].range == range_of(text, "'a'"));
  CHECK(d.labels[1].range == range_of(text, "1"));
  CHECK(d.help == "use one kind of literal, as the field's type requires");
  // With a known field the odd element is a type mismatch instead, with its fix.
  const Diagnostic m = only_finding("contractYear IN (1, '2')");
  CHECK(m.code == Code::type_mismatch);
  CHECK(m.fixes.at(0).replacement == "2");
}

TEST_CASE("checker warns about a value listed twice in an IN list and removes the second", "[check]") {
  const std::string text = "productLineCode IN ('ACD', 'RVT', 'ACD')";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::duplicate_in_element);
  CHECK(d.severity == Severity::warning);
  CHECK(d.message == "'ACD' is listed twice");
  CHECK(d.range == range_of(text, "'ACD'", 1));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].range == range_of(text, "'ACD'"));
  CHECK(d.labels[0].message == "first listed here");
  CHECK(d.help == "remove the second one");
  CHECK(d.fixes.at(0).range == range_of(text, ", 'ACD'"));
  CHECK(d.fixes.at(0).replacement.empty());
  CHECK(only_finding("contractYear IN (1, 2, 1)").message == "1 is listed twice");
}

TEST_CASE("every repeat in an IN list points at the first occurrence, in the order written", "[check]") {
  const std::string text = "userName IN ('b', 'a', 'b', 'c', 'a', 'b')";
  const std::vector<Diagnostic> found = check(text);
  REQUIRE(found.size() == 3);
  // The second 'b', the second 'a', the third 'b': each labelled with its value's first place.
  CHECK(found[0].range == range_of(text, "'b'", 1));
  CHECK(found[0].labels.at(0).range == range_of(text, "'b'"));
  CHECK(found[1].range == range_of(text, "'a'", 1));
  CHECK(found[1].labels.at(0).range == range_of(text, "'a'"));
  CHECK(found[2].range == range_of(text, "'b'", 2));
  CHECK(found[2].labels.at(0).range == range_of(text, "'b'"));
  // A string and an integer that print alike are different values; equal integers match however spelled.
  for (const Code code : codes_of(check("contractYear IN ('1', 1)")))
    CHECK(code != Code::duplicate_in_element);
  CHECK(only_finding("contractYear IN (7, 007)").message == "7 is listed twice");
}

// Short lists compare every pair, long ones sort: both must name the same repeats, in the order written.
TEST_CASE("IN lists of every length report each repeat against its first occurrence", "[check]") {
  std::mt19937 rng(1205);
  for (int round = 0; round < 300; ++round) {
    const std::size_t length = std::uniform_int_distribution<std::size_t>(1, 24)(rng);
    const bool strings = round % 2 == 0;
    std::vector<int> values(length);
    for (int& v : values) v = std::uniform_int_distribution<int>(0, 9)(rng);
    std::string text = strings ? "userName IN (" : "contractYear IN (";
    std::vector<tfq::SourceRange> ranges;
    for (std::size_t k = 0; k < length; ++k) {
      if (k > 0) text += ", ";
      const std::string literal =
          strings ? "'v" + std::to_string(values[k]) + "'" : std::to_string(values[k]);
      const auto begin = static_cast<std::uint32_t>(text.size());
      text += literal;
      ranges.push_back({begin, static_cast<std::uint32_t>(text.size())});
    }
    text += ")";
    std::vector<std::pair<std::size_t, std::size_t>> expected;  // (repeat, first occurrence)
    for (std::size_t k = 0; k < length; ++k) {
      const auto first =
          static_cast<std::size_t>(std::find(values.begin(), values.end(), values[k]) - values.begin());
      if (first != k) expected.emplace_back(k, first);
    }
    std::vector<Diagnostic> found;
    for (const Diagnostic& d : check(text)) {
      if (d.code == Code::duplicate_in_element) found.push_back(d);
    }
    INFO(text);
    REQUIRE(found.size() == expected.size());
    for (std::size_t k = 0; k < expected.size(); ++k) {
      CHECK(found[k].range == ranges[expected[k].first]);
      CHECK(found[k].labels.at(0).range == ranges[expected[k].second]);
    }
  }
}

TEST_CASE("checker rejects a comparison between two literals", "[check]") {
  const std::string text = "1=1";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::literal_comparison);
  CHECK(d.message == "comparison between two literals, 1 and 1");
  CHECK(d.range == range_of(text, text));
  CHECK(d.help == "it is always true: leave the where clause (or this condition) out to select every row");
  CHECK(only_finding("'a' > 'b'").help == "it is always false: no row can match");
  CHECK(only_finding("'1' = 1").help == "compare a field with a literal");
}

TEST_CASE("checker rejects a comparison between two fields", "[check]") {
  const std::string text = "sessionStartDate < sessionEndDate";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::field_comparison);
  CHECK(d.message == "comparison between two fields, 'sessionStartDate' and 'sessionEndDate'");
  CHECK(d.range == range_of(text, text));
  CHECK(d.help == "the server compares a field only with literals");
  CHECK(codes_of(check("usrName = machineNam")) ==
        std::vector<Code>{Code::field_comparison, Code::unknown_field, Code::unknown_field});
}

TEST_CASE("checker reports parameters still present unless the caller allows them", "[check]") {
  const std::string text = "userName = :user";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::unbound_parameter);
  CHECK(d.message == "parameter ':user' has no value");
  CHECK(d.range == range_of(text, ":user"));
  CHECK(d.help == "give it one with --param user=VALUE");
  tfq::CheckOptions allow;
  allow.allow_parameters = true;
  CHECK(check(text, allow).empty());
  CHECK(check("productName IN (:a, 'x') AND usageDate BETWEEN :from AND '2018-02-01'", allow).empty());
  CHECK(codes_of(check("usrName = :user", allow)) == std::vector<Code>{Code::unknown_field});
}

TEST_CASE("checker visits the whole clause and reports findings in source order", "[check]") {
  CHECK(codes_of(check("usrName = 'x' OR (contractYear = '1' AND NOT tokenPool = 'XX') OR 1 = 2")) ==
        std::vector<Code>{Code::unknown_field, Code::type_mismatch, Code::unknown_enum_value,
                          Code::literal_comparison});
}

TEST_CASE("checker handles a very long AND chain and nesting deeper than any parser limit", "[check]") {
  std::string chain = "contractYear = 1";
  for (int i = 0; i < 20000; ++i) chain += " AND userName = 'u'";
  CHECK(check(chain).empty());
  // The parser bounds nesting; the checker does not rely on it (an explicit stack, no recursion).
  Expr deep = parse("contractYear = 1");
  for (int i = 0; i < 5000; ++i) {
    Expr negation;
    negation.kind = ExprKind::not_;
    negation.children.push_back(std::move(deep));
    deep = std::move(negation);
  }
  CHECK(tfq::check_where(deep, tfq::Catalog::builtin()).empty());
}

TEST_CASE("checker reports a hand-built predicate whose left-hand side is a literal", "[check]") {
  // The parser never builds these (it requires a field before LIKE, IN and BETWEEN); other callers might.
  const std::string text = "'x' IN ('x')";
  Expr e;
  e.kind = ExprKind::in;
  e.range = range_of(text, text);
  e.subject = {"x", range_of(text, "'x'"), Operand::Kind::string};
  e.values = {{"x", range_of(text, "'x'", 1), Operand::Kind::string}};
  const std::vector<Diagnostic> found = tfq::check_where(e, tfq::Catalog::builtin());
  REQUIRE(found.size() == 1);
  CHECK(found[0].code == Code::literal_comparison);
  CHECK(found[0].message == "the left-hand side of IN must be a field, not a literal");
  CHECK(found[0].range == range_of(text, "'x'"));
}
