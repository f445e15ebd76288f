// The checker: every TFQ2xx finding with its message, range, help and fix-its.
#include "tfq/check.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using tfq::Code;
using tfq::CompareOp;
using tfq::Diagnostic;
using tfq::Expr;
using tfq::ExprKind;
using tfq::Operand;
using tfq::Severity;
using tfq::SourceRange;

namespace {

// Builds ASTs over a text, each node's range found where its spelling occurs (the nth time).
class Ast {
 public:
  explicit Ast(std::string text) : text_(std::move(text)) {}

  SourceRange at(std::string_view spelling, int nth = 0) const {
    std::size_t pos = text_.find(spelling);
    while (nth-- > 0 && pos != std::string::npos) pos = text_.find(spelling, pos + 1);
    REQUIRE(pos != std::string::npos);
    return {static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + spelling.size())};
  }

  Operand field(std::string_view name, int nth = 0) const {
    return {Operand::Kind::field, std::string(name), 0, at(name, nth)};
  }
  Operand parameter(std::string_view name) const {
    return {Operand::Kind::parameter, std::string(name), 0, at(":" + std::string(name))};
  }
  Operand integer(std::string_view digits, int nth = 0) const {
    return {Operand::Kind::integer, std::string(digits), std::stoll(std::string(digits)), at(digits, nth)};
  }
  // quoted: "'O''Brien'" -> the value O'Brien.
  Operand string(std::string_view quoted, int nth = 0) const {
    std::string value;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
      value += quoted[i];
      if (quoted[i] == '\'') ++i;
    }
    return {Operand::Kind::string, value, 0, at(quoted, nth)};
  }

  Expr compare(Operand left, CompareOp op, Operand right) const {
    Expr e;
    e.kind = ExprKind::compare;
    e.op = op;
    e.range = {left.range.begin, right.range.end};
    e.op_range = {left.range.end, right.range.begin};
    e.subject = std::move(left);
    e.values = {std::move(right)};
    return e;
  }
  Expr like(Operand subject, Operand pattern, bool negated = false) const {
    Expr e = compare(std::move(subject), CompareOp::eq, std::move(pattern));
    e.kind = ExprKind::like;
    e.negated = negated;
    return e;
  }
  // The range ends at the ')' after the last value (or after the subject's "IN (").
  Expr in(Operand subject, std::vector<Operand> values, bool negated = false) const {
    Expr e;
    e.kind = ExprKind::in;
    e.negated = negated;
    const std::uint32_t from = values.empty() ? subject.range.end : values.back().range.end;
    e.range = {subject.range.begin, static_cast<std::uint32_t>(text_.find(')', from) + 1)};
    e.subject = std::move(subject);
    e.values = std::move(values);
    return e;
  }
  Expr between(Operand subject, Operand low, Operand high) const {
    Expr e;
    e.kind = ExprKind::between;
    e.range = {subject.range.begin, high.range.end};
    e.subject = std::move(subject);
    e.values = {std::move(low), std::move(high)};
    return e;
  }
  static Expr join(ExprKind kind, std::vector<Expr> children) {
    Expr e;
    e.kind = kind;
    e.range = {children.front().range.begin, children.back().range.end};
    e.children = std::move(children);
    return e;
  }
  static Expr negation(Expr child) {
    Expr e;
    e.kind = ExprKind::not_;
    e.range = {child.range.begin >= 4 ? child.range.begin - 4 : 0, child.range.end};
    e.children.push_back(std::move(child));
    return e;
  }

 private:
  std::string text_;
};

std::vector<Diagnostic> check(const Expr& e) {
  return tfq::check_where(e, tfq::Catalog::builtin());
}

// The one finding of a clause.
Diagnostic only_finding(const Expr& e) {
  std::vector<Diagnostic> found = check(e);
  REQUIRE(found.size() == 1);
  return found.front();
}

std::vector<Code> codes_of(const std::vector<Diagnostic>& found) {
  std::vector<Code> codes;
  for (const Diagnostic& d : found) codes.push_back(d.code);
  return codes;
}

}  // namespace

TEST_CASE("the reference sheet's documented where examples check clean", "[check]") {
  const Ast a1(
      "contractYear=1 AND productName IN ('Revit Live', 'Vault Office', 'Moldflow Adviser Ultimate', "
      "'ReMake')");
  CHECK(check(Ast::join(ExprKind::and_,
                        {a1.compare(a1.field("contractYear"), CompareOp::eq, a1.integer("1")),
                         a1.in(a1.field("productName"),
                               {a1.string("'Revit Live'"), a1.string("'Vault Office'"),
                                a1.string("'Moldflow Adviser Ultimate'"), a1.string("'ReMake'")})}))
            .empty());
  const Ast a2("contractYear >= 2 and userName LIKE 'admin%'");
  CHECK(check(Ast::join(ExprKind::and_, {a2.compare(a2.field("contractYear"), CompareOp::ge, a2.integer("2")),
                                         a2.like(a2.field("userName"), a2.string("'admin%'"))}))
            .empty());
  const Ast a3("usageDate >= '2018-01-01' and usageDate < '2018-02-01'");
  CHECK(check(Ast::join(ExprKind::and_,
                        {a3.compare(a3.field("usageDate"), CompareOp::ge, a3.string("'2018-01-01'")),
                         a3.compare(a3.field("usageDate", 1), CompareOp::lt, a3.string("'2018-02-01'"))}))
            .empty());
  const Ast a4("usageMonth = '2017-10-01'");
  CHECK(check(a4.compare(a4.field("usageMonth"), CompareOp::eq, a4.string("'2017-10-01'"))).empty());
  const Ast a5("contractYear=1");
  CHECK(check(a5.compare(a5.field("contractYear"), CompareOp::eq, a5.integer("1"))).empty());
}

TEST_CASE("checker reports an unknown field at its range with the closest field as a fix", "[check]") {
  const Ast a("usrName = 'bob'");
  const Diagnostic d = only_finding(a.compare(a.field("usrName"), CompareOp::eq, a.string("'bob'")));
  CHECK(d.code == Code::unknown_field);
  CHECK(d.severity == Severity::error);
  CHECK(d.message == "unknown field 'usrName'");
  CHECK(d.range == a.at("usrName"));
  CHECK(d.help == "did you mean 'userName'?");
  REQUIRE(d.fixes.size() == 1);
  CHECK(d.fixes[0].range == a.at("usrName"));
  CHECK(d.fixes[0].replacement == "userName");
}

TEST_CASE("checker says field names are case-sensitive when only the case is wrong", "[check]") {
  const Ast a("username = 'bob'");
  const Diagnostic d = only_finding(a.compare(a.field("username"), CompareOp::eq, a.string("'bob'")));
  CHECK(d.help == "field names are case-sensitive: did you mean 'userName'?");
  CHECK(d.fixes.at(0).replacement == "userName");
}

TEST_CASE("checker points an unknown, plausible field at the --catalog option", "[check]") {
  const Ast a("hubRegion = 'EMEA'");
  const Diagnostic d = only_finding(a.compare(a.field("hubRegion"), CompareOp::eq, a.string("'EMEA'")));
  CHECK(d.message == "unknown field 'hubRegion'");
  CHECK(d.help == "if the server has a field 'hubRegion', add it to a catalog file and pass --catalog FILE");
  CHECK(d.fixes.empty());
}

TEST_CASE("checker accepts a field that a catalog overlay adds", "[check]") {
  std::vector<Diagnostic> problems;
  const auto catalog = tfq::Catalog::builtin().with_overlay(
      tfq::Source("extra.json", R"({"fields": [{"name": "hubRegion", "type": "string"}]})"), problems);
  REQUIRE(catalog);
  const Ast a("hubRegion = 'EMEA'");
  CHECK(
      tfq::check_where(a.compare(a.field("hubRegion"), CompareOp::eq, a.string("'EMEA'")), *catalog).empty());
}

TEST_CASE("checker rejects a metric in where", "[check]") {
  const Ast a("tokensConsumed > 10");
  const Diagnostic d = only_finding(a.compare(a.field("tokensConsumed"), CompareOp::gt, a.integer("10")));
  CHECK(d.code == Code::metric_in_where);
  CHECK(d.message == "'tokensConsumed' is a metric, and where filters only fields");
  CHECK(d.range == a.at("tokensConsumed"));
  CHECK(d.help == "request it under \"metrics\"; a where clause can only name fields");
}

TEST_CASE("checker reports a quoted number for an integer field with the unquoted fix", "[check]") {
  const Ast a("contractYear = '1'");
  const Diagnostic d = only_finding(a.compare(a.field("contractYear"), CompareOp::eq, a.string("'1'")));
  CHECK(d.code == Code::type_mismatch);
  CHECK(d.message == "'contractYear' is an integer field, but '1' is a quoted number");
  CHECK(d.range == a.at("'1'"));
  CHECK(d.help == "write the number without quotes: 1");
  CHECK(d.fixes.at(0).replacement == "1");
}

TEST_CASE("checker reports type mismatches between literals and fields", "[check]") {
  const Ast decimal("contractYear = '1.5'");
  const Diagnostic d1 =
      only_finding(decimal.compare(decimal.field("contractYear"), CompareOp::eq, decimal.string("'1.5'")));
  CHECK(d1.message == "'contractYear' is an integer field, but '1.5' is a decimal");
  CHECK(d1.fixes.empty());

  const Ast word("contractYear = 'one'");
  CHECK(only_finding(word.compare(word.field("contractYear"), CompareOp::eq, word.string("'one'"))).message ==
        "'contractYear' is an integer field, but 'one' is a string");

  const Ast number("productVersion = 2018");
  const Diagnostic d2 =
      only_finding(number.compare(number.field("productVersion"), CompareOp::eq, number.integer("2018")));
  CHECK(d2.message == "'productVersion' is a string field, but 2018 is an integer");
  CHECK(d2.range == number.at("2018"));
  CHECK(d2.help == "quote it: '2018'");
  CHECK(d2.fixes.at(0).replacement == "'2018'");

  const Ast date("usageDate >= 20180101");
  const Diagnostic d3 =
      only_finding(date.compare(date.field("usageDate"), CompareOp::ge, date.integer("20180101")));
  CHECK(d3.message == "'usageDate' is a date field, but 20180101 is an integer");
  CHECK(d3.help == "dates are quoted strings: '2018-01-01'");
  CHECK(d3.fixes.at(0).replacement == "'2018-01-01'");

  const Ast category("usageType = 1");
  const Diagnostic d4 =
      only_finding(category.compare(category.field("usageType"), CompareOp::eq, category.integer("1")));
  CHECK(d4.message == "'usageType' is an enum field, but 1 is an integer");
  CHECK(d4.help == "the values of 'usageType' are 'Normal', 'Borrowed'");
}

TEST_CASE("checker reports invalid dates with the reason and a fix where the meaning is clear", "[check]") {
  struct Case {
    std::string literal, message, help, fix;
  };
  const std::vector<Case> cases = {
      {"'2018-02-30'", "invalid date '2018-02-30': February 2018 has 28 days",
       "'usageDate' takes dates written 'YYYY-MM-DD'", ""},
      {"'2023-02-29'", "invalid date '2023-02-29': 2023 is not a leap year",
       "'usageDate' takes dates written 'YYYY-MM-DD'", ""},
      {"'2018-13-01'", "invalid date '2018-13-01': there is no month 13",
       "'usageDate' takes dates written 'YYYY-MM-DD'", ""},
      {"'2018-1-1'", "invalid date '2018-1-1': dates are written 'YYYY-MM-DD'", "write '2018-01-01'",
       "'2018-01-01'"},
      {"'2018/01/31'", "invalid date '2018/01/31': dates are written 'YYYY-MM-DD'", "write '2018-01-31'",
       "'2018-01-31'"},
      {"'2018-01-01T10:00:00'", "invalid date '2018-01-01T10:00:00': a date has no time of day",
       "write '2018-01-01'", "'2018-01-01'"},
      {"'yesterday'", "invalid date 'yesterday': dates are written 'YYYY-MM-DD'",
       "'usageDate' takes dates written 'YYYY-MM-DD'", ""},
  };
  for (const Case& c : cases) {
    INFO(c.literal);
    const Ast a("usageDate >= " + c.literal);
    const Diagnostic d = only_finding(a.compare(a.field("usageDate"), CompareOp::ge, a.string(c.literal)));
    CHECK(d.code == Code::invalid_date);
    CHECK(d.message == c.message);
    CHECK(d.range == a.at(c.literal));
    CHECK(d.help == c.help);
    CHECK(d.fixes.size() == (c.fix.empty() ? 0u : 1u));
    if (!c.fix.empty()) CHECK(d.fixes.at(0).replacement == c.fix);
  }
  const Ast leap("usageDate = '2024-02-29'");
  CHECK(check(leap.compare(leap.field("usageDate"), CompareOp::eq, leap.string("'2024-02-29'"))).empty());
}

TEST_CASE("checker reports invalid datetimes", "[check]") {
  struct Case {
    std::string literal, message, fix;
  };
  const std::vector<Case> cases = {
      {"'2018-03-01 16:24:53'",
       "invalid datetime '2018-03-01 16:24:53': datetimes are written 'YYYY-MM-DDTHH:MM:SS'",
       "'2018-03-01T16:24:53'"},
      {"'2018-03-01T16:24'",
       "invalid datetime '2018-03-01T16:24': datetimes are written 'YYYY-MM-DDTHH:MM:SS'",
       "'2018-03-01T16:24:00'"},
      {"'2018-03-01T24:00:00'", "invalid datetime '2018-03-01T24:00:00': there is no hour 24", ""},
      {"'2018-03-01T16:24:53Z'",
       "invalid datetime '2018-03-01T16:24:53Z': the server's datetimes have no time zone", ""},
      {"'2018-03-01T16:24:53.5'",
       "invalid datetime '2018-03-01T16:24:53.5': the server's datetimes have whole seconds", ""},
      {"'2018-02-30T00:00:00'", "invalid datetime '2018-02-30T00:00:00': February 2018 has 28 days", ""},
      {"'noon'", "invalid datetime 'noon': datetimes are written 'YYYY-MM-DDTHH:MM:SS'", ""},
  };
  for (const Case& c : cases) {
    INFO(c.literal);
    const Ast a("sessionStartDate < " + c.literal);
    const Diagnostic d =
        only_finding(a.compare(a.field("sessionStartDate"), CompareOp::lt, a.string(c.literal)));
    CHECK(d.code == Code::invalid_datetime);
    CHECK(d.message == c.message);
    CHECK(d.range == a.at(c.literal));
    if (c.fix.empty()) {
      CHECK(d.help ==
            "'sessionStartDate' takes datetimes written 'YYYY-MM-DDTHH:MM:SS', without a time zone");
      CHECK(d.fixes.empty());
    } else {
      CHECK(d.help == "write " + c.fix);
      CHECK(d.fixes.at(0).replacement == c.fix);
    }
  }
}

TEST_CASE("checker warns when a datetime field is compared with a date alone", "[check]") {
  const Ast a("sessionStartDate >= '2018-03-01'");
  const Diagnostic d =
      only_finding(a.compare(a.field("sessionStartDate"), CompareOp::ge, a.string("'2018-03-01'")));
  CHECK(d.code == Code::datetime_without_time);
  CHECK(d.severity == Severity::warning);
  CHECK(d.message == "'2018-03-01' is a date, but 'sessionStartDate' is a datetime");
  CHECK(d.help == "give the time of day too: '2018-03-01T00:00:00'");
  CHECK(d.fixes.at(0).replacement == "'2018-03-01T00:00:00'");
}

TEST_CASE("checker rejects usageMonth equal to a day other than the 1st", "[check]") {
  const Ast a("usageMonth = '2017-10-15'");
  const Diagnostic d =
      only_finding(a.compare(a.field("usageMonth"), CompareOp::eq, a.string("'2017-10-15'")));
  CHECK(d.code == Code::month_never_matches);
  CHECK(d.severity == Severity::error);
  CHECK(d.message == "'usageMonth' is always the 1st of a month, so it never equals '2017-10-15'");
  CHECK(d.range == a.at("'2017-10-15'"));
  CHECK(d.help == "did you mean '2017-10-01'?");
  CHECK(d.fixes.at(0).replacement == "'2017-10-01'");
}

TEST_CASE("checker warns about usageMonth bounds on a day other than the 1st, with the equivalent 1st",
          "[check]") {
  struct Case {
    CompareOp op;
    std::string acts_as;
  };
  // x >= d and x < d round up to the next 1st; x > d and x <= d round down to this month's 1st.
  for (const Case& c : {Case{CompareOp::ge, "'2017-11-01'"}, Case{CompareOp::lt, "'2017-11-01'"},
                        Case{CompareOp::gt, "'2017-10-01'"}, Case{CompareOp::le, "'2017-10-01'"}}) {
    const Ast a("usageMonth " + std::string(tfq::to_string(c.op)) + " '2017-10-15'");
    const Diagnostic d = only_finding(a.compare(a.field("usageMonth"), c.op, a.string("'2017-10-15'")));
    INFO(tfq::to_string(c.op));
    CHECK(d.code == Code::month_not_first_day);
    CHECK(d.severity == Severity::warning);
    CHECK(d.message ==
          "'usageMonth' is always the 1st of a month, so the bound '2017-10-15' acts as " + c.acts_as);
    CHECK(d.fixes.at(0).replacement == c.acts_as);
  }
  const Ast december("usageMonth >= '2017-12-31'");
  CHECK(only_finding(
            december.compare(december.field("usageMonth"), CompareOp::ge, december.string("'2017-12-31'")))
            .fixes.at(0)
            .replacement == "'2018-01-01'");
  const Ast ne("usageMonth != '2017-10-15'");
  const Diagnostic d =
      only_finding(ne.compare(ne.field("usageMonth"), CompareOp::ne, ne.string("'2017-10-15'")));
  CHECK(d.code == Code::month_not_first_day);
  CHECK(d.message == "'usageMonth' is always the 1st of a month, so it always differs from '2017-10-15'");
}

TEST_CASE("checker checks a literal on the left as the flipped comparison", "[check]") {
  const Ast a("'2017-10-15' <= usageMonth");
  const Diagnostic d =
      only_finding(a.compare(a.string("'2017-10-15'"), CompareOp::le, a.field("usageMonth")));
  // '2017-10-15' <= usageMonth is usageMonth >= '2017-10-15': it rounds up.
  CHECK(d.fixes.at(0).replacement == "'2017-11-01'");
  const Ast b("1 <= contractYear");
  CHECK(check(b.compare(b.integer("1"), CompareOp::le, b.field("contractYear"))).empty());
  const Ast c("'1' = contractYear");
  CHECK(only_finding(c.compare(c.string("'1'"), CompareOp::eq, c.field("contractYear"))).code ==
        Code::type_mismatch);
}

TEST_CASE("checker applies NOT before judging a usageMonth day", "[check]") {
  const Ast a("NOT usageMonth = '2017-10-15'");
  const Diagnostic d =
      only_finding(Ast::negation(a.compare(a.field("usageMonth"), CompareOp::eq, a.string("'2017-10-15'"))));
  CHECK(d.code == Code::month_not_first_day);
}

TEST_CASE("checker reports an unknown enum value with did-you-mean and a case hint", "[check]") {
  const Ast a("usageType = 'Borowed'");
  const Diagnostic d = only_finding(a.compare(a.field("usageType"), CompareOp::eq, a.string("'Borowed'")));
  CHECK(d.code == Code::unknown_enum_value);
  CHECK(d.message == "'Borowed' is not a value of 'usageType'");
  CHECK(d.range == a.at("'Borowed'"));
  CHECK(d.help == "did you mean 'Borrowed'?");
  CHECK(d.fixes.at(0).replacement == "'Borrowed'");
  CHECK(d.notes == std::vector<std::string>{"the values of 'usageType' are 'Normal', 'Borrowed'"});

  const Ast b("usageCategory = 'desktop_product'");
  const Diagnostic c =
      only_finding(b.compare(b.field("usageCategory"), CompareOp::eq, b.string("'desktop_product'")));
  CHECK(c.help == "enum values are case-sensitive: did you mean 'DESKTOP_PRODUCT'?");
  CHECK(c.fixes.at(0).replacement == "'DESKTOP_PRODUCT'");

  const Ast far("tokenPool = 'ANNUAL'");
  const Diagnostic f =
      only_finding(far.compare(far.field("tokenPool"), CompareOp::eq, far.string("'ANNUAL'")));
  CHECK(f.help.empty());
  CHECK(f.fixes.empty());
}

TEST_CASE("checker checks each IN element against the enum", "[check]") {
  const Ast a("chargeCategory IN ('FREE', 'CHARGD', 'casual')");
  const std::vector<Diagnostic> found = check(
      a.in(a.field("chargeCategory"), {a.string("'FREE'"), a.string("'CHARGD'"), a.string("'casual'")}));
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == Code::unknown_enum_value);
  CHECK(found[0].range == a.at("'CHARGD'"));
  CHECK(found[0].fixes.at(0).replacement == "'CHARGED'");
  CHECK(found[1].range == a.at("'casual'"));
  CHECK(found[1].help == "enum values are case-sensitive: did you mean 'CASUAL'?");
}

TEST_CASE("checker rejects legacy usageCategory values in a request", "[check]") {
  const Ast a("usageCategory = 'CLOUD_CONSUMPTION'");
  const Diagnostic d =
      only_finding(a.compare(a.field("usageCategory"), CompareOp::eq, a.string("'CLOUD_CONSUMPTION'")));
  CHECK(d.code == Code::legacy_enum_value);
  CHECK(d.message == "'CLOUD_CONSUMPTION' is a legacy usageCategory value, shown only in responses");
  CHECK(d.range == a.at("'CLOUD_CONSUMPTION'"));
  CHECK(d.help ==
        "requests use 'DESKTOP_PRODUCT', 'CLOUD_PRODUCT', 'CLOUD_SERVICE', 'MANUAL_ADJUSTMENT', "
        "'MANUAL_CONSUMPTION'");
}

TEST_CASE("checker rejects LIKE on an enum field and offers the matching values", "[check]") {
  const Ast a("usageCategory LIKE 'CLOUD%'");
  const Diagnostic d = only_finding(a.like(a.field("usageCategory"), a.string("'CLOUD%'")));
  CHECK(d.code == Code::like_on_enum);
  CHECK(d.message == "LIKE is not allowed on the enum field 'usageCategory'");
  CHECK(d.range == a.at("usageCategory LIKE 'CLOUD%'"));
  CHECK(d.help == "list the values it matches: usageCategory IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE')");
  CHECK(d.fixes.at(0).range == d.range);
  CHECK(d.fixes.at(0).replacement == "usageCategory IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE')");

  const Ast one("tokenPool NOT LIKE 'C_'");
  CHECK(only_finding(one.like(one.field("tokenPool"), one.string("'C_'"), true)).fixes.at(0).replacement ==
        "tokenPool != 'CY'");
  const Ast none("usageType LIKE 'X%'");
  const Diagnostic n = only_finding(none.like(none.field("usageType"), none.string("'X%'")));
  CHECK(n.help == "no value of 'usageType' matches 'X%'; compare with = or IN");
  CHECK(n.fixes.empty());
}

TEST_CASE("checker rejects LIKE on a field that is not a string", "[check]") {
  const Ast a("usageDate LIKE '2018-01%'");
  const Diagnostic d = only_finding(a.like(a.field("usageDate"), a.string("'2018-01%'")));
  CHECK(d.code == Code::like_on_non_string);
  CHECK(d.message == "LIKE needs a string field, but 'usageDate' is a date field");
  CHECK(d.range == a.at("usageDate LIKE '2018-01%'"));
  CHECK(d.help == "select a range instead: usageDate >= 'YYYY-MM-DD' AND usageDate < 'YYYY-MM-DD'");
  const Ast b("contractYear LIKE '1%'");
  const Diagnostic i = only_finding(b.like(b.field("contractYear"), b.string("'1%'")));
  CHECK(i.message == "LIKE needs a string field, but 'contractYear' is an integer field");
  CHECK(i.help == "compare with =, <, >= or IN");
}

TEST_CASE("checker rejects a LIKE wildcard pattern with fewer than 3 literal characters", "[check]") {
  const Ast a("userName LIKE 'b%'");
  const Diagnostic d = only_finding(a.like(a.field("userName"), a.string("'b%'")));
  CHECK(d.code == Code::like_pattern_too_short);
  CHECK(d.message ==
        "LIKE pattern 'b%' has 1 literal character; the server needs at least 3 beside a wildcard");
  CHECK(d.range == a.at("'b%'"));
  CHECK(d.help == "lengthen the pattern, or compare with = for one exact value");
  for (const std::string ok : {"'bob%'", "'%bob'", "'b'", "'_ob_'", "'Jür%'"}) {
    INFO(ok);
    const Ast b("userName LIKE " + ok);
    const auto found = check(b.like(b.field("userName"), b.string(ok)));
    CHECK(found.empty() == (ok != "'_ob_'"));
  }
  const Ast all("userName LIKE '%%'");
  CHECK(only_finding(all.like(all.field("userName"), all.string("'%%'"))).help ==
        "a pattern of wildcards alone matches any value: leave the condition out");
  const Ast unknown("nickName LIKE 'b%'");
  CHECK(codes_of(check(unknown.like(unknown.field("nickName"), unknown.string("'b%'")))) ==
        std::vector<Code>{Code::unknown_field, Code::like_pattern_too_short});
}

TEST_CASE("checker rejects an empty IN list", "[check]") {
  const Ast a("productName IN ()");
  const Diagnostic d = only_finding(a.in(a.field("productName"), {}));
  CHECK(d.code == Code::empty_in_list);
  CHECK(d.message == "empty IN list");
  CHECK(d.range == a.at("productName IN ()"));
  CHECK(d.help == "IN () matches no row: list a value");
}

TEST_CASE("checker rejects an IN list of strings and integers for a field it cannot type", "[check]") {
  const Ast a("nickName IN ('a', 1)");
  const std::vector<Diagnostic> found = check(a.in(a.field("nickName"), {a.string("'a'"), a.integer("1")}));
  REQUIRE(codes_of(found) == std::vector<Code>{Code::unknown_field, Code::mixed_in_list});
  const Diagnostic& d = found[1];
  CHECK(d.message == "IN list mixes strings and integers");
  CHECK(d.range == a.at("'a', 1"));
  REQUIRE(d.labels.size() == 2);
  CHECK(d.labels[0].range == a.at("'a'"));
  CHECK(d.labels[1].range == a.at("1"));
  // With a known field the odd element is a type mismatch instead, with its fix.
  const Ast b("contractYear IN (1, '2')");
  const Diagnostic m = only_finding(b.in(b.field("contractYear"), {b.integer("1"), b.string("'2'")}));
  CHECK(m.code == Code::type_mismatch);
  CHECK(m.fixes.at(0).replacement == "2");
}

TEST_CASE("checker warns about a value listed twice in an IN list and removes the second", "[check]") {
  const Ast a("productLineCode IN ('ACD', 'RVT', 'ACD')");
  const Diagnostic d = only_finding(
      a.in(a.field("productLineCode"), {a.string("'ACD'"), a.string("'RVT'"), a.string("'ACD'", 1)}));
  CHECK(d.code == Code::duplicate_in_element);
  CHECK(d.severity == Severity::warning);
  CHECK(d.message == "'ACD' is listed twice");
  CHECK(d.range == a.at("'ACD'", 1));
  REQUIRE(d.labels.size() == 1);
  CHECK(d.labels[0].range == a.at("'ACD'"));
  CHECK(d.fixes.at(0).range == a.at(", 'ACD'"));
  CHECK(d.fixes.at(0).replacement.empty());
}

TEST_CASE("checker rejects a comparison between two literals", "[check]") {
  const Ast a("1=1");
  const Diagnostic d = only_finding(a.compare(a.integer("1"), CompareOp::eq, a.integer("1", 1)));
  CHECK(d.code == Code::literal_comparison);
  CHECK(d.message == "comparison between two literals, 1 and 1");
  CHECK(d.range == a.at("1=1"));
  CHECK(d.help == "it is always true: leave the where clause (or this condition) out to select every row");
  const Ast b("'a' > 'b'");
  CHECK(only_finding(b.compare(b.string("'a'"), CompareOp::gt, b.string("'b'"))).help ==
        "it is always false: no row can match");
}

TEST_CASE("checker rejects a comparison between two fields", "[check]") {
  const Ast a("sessionStartDate < sessionEndDate");
  const Diagnostic d =
      only_finding(a.compare(a.field("sessionStartDate"), CompareOp::lt, a.field("sessionEndDate")));
  CHECK(d.code == Code::field_comparison);
  CHECK(d.message == "comparison between two fields, 'sessionStartDate' and 'sessionEndDate'");
  CHECK(d.range == a.at("sessionStartDate < sessionEndDate"));
  CHECK(d.help == "the server compares a field only with literals");
  const Ast b("userName IN ('bob', machineName)");
  const Diagnostic e = only_finding(b.in(b.field("userName"), {b.string("'bob'"), b.field("machineName")}));
  CHECK(e.message == "IN compares 'userName' with field 'machineName'");
  CHECK(e.range == b.at("machineName"));
}

TEST_CASE("checker reports parameters still present unless the caller allows them", "[check]") {
  const Ast a("userName = :user");
  const Expr e = a.compare(a.field("userName"), CompareOp::eq, a.parameter("user"));
  const Diagnostic d = only_finding(e);
  CHECK(d.code == Code::unbound_parameter);
  CHECK(d.message == "parameter ':user' has no value");
  CHECK(d.range == a.at(":user"));
  CHECK(d.help == "give it one with --param user=VALUE");
  tfq::CheckOptions allow;
  allow.allow_parameters = true;
  CHECK(tfq::check_where(e, tfq::Catalog::builtin(), allow).empty());
  const Ast b("usrName = :user");
  CHECK(codes_of(tfq::check_where(b.compare(b.field("usrName"), CompareOp::eq, b.parameter("user")),
                                  tfq::Catalog::builtin(), allow)) == std::vector<Code>{Code::unknown_field});
}

TEST_CASE("checker visits the whole clause and reports findings in source order", "[check]") {
  const Ast a("usrName = 'x' OR (contractYear = '1' AND NOT tokenPool = 'XX')");
  const Expr e = Ast::join(
      ExprKind::or_,
      {a.compare(a.field("usrName"), CompareOp::eq, a.string("'x'")),
       Ast::join(ExprKind::and_,
                 {a.compare(a.field("contractYear"), CompareOp::eq, a.string("'1'")),
                  Ast::negation(a.compare(a.field("tokenPool"), CompareOp::eq, a.string("'XX'")))})});
  CHECK(codes_of(check(e)) ==
        std::vector<Code>{Code::unknown_field, Code::type_mismatch, Code::unknown_enum_value});
}

TEST_CASE("checker handles a very long AND chain and very deep nesting without recursion", "[check]") {
  const Ast a("contractYear = 1");
  Expr chain;
  chain.kind = ExprKind::and_;
  chain.children.assign(100000, a.compare(a.field("contractYear"), CompareOp::eq, a.integer("1")));
  CHECK(check(chain).empty());
  Expr deep = a.compare(a.field("contractYear"), CompareOp::eq, a.integer("1"));
  for (int i = 0; i < 5000; ++i) deep = Ast::negation(std::move(deep));
  CHECK(check(deep).empty());
}
