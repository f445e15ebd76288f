// The checker: literals against their field's type (kinds, dates, datetimes, usageMonth, enum values).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "support/checking.hpp"
#include "tfq/fix.hpp"

using tfq::Code;
using tfq::Diagnostic;
using tfq::Expr;
using tfq::ExprKind;
using tfq::Operand;
using tfq::Severity;
using tfq::test::check;
using tfq::test::codes_of;
using tfq::test::only_finding;
using tfq::test::range_of;

TEST_CASE("checker reports a quoted number for an integer field with the unquoted fix", "[check]") {
  const std::string text = "contractYear = '1'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::type_mismatch);
  CHECK(d.message == "'contractYear' is an integer field, but '1' is a quoted number");
  CHECK(d.range == range_of(text, "'1'"));
  CHECK(d.help == "write the number without quotes: 1");
  CHECK(d.fixes.at(0).replacement == "1");
}

TEST_CASE("unquoting a number keeps it apart from a word it touches", "[check]") {
  struct Case {
    std::string text, fixed;
  };
  const std::vector<Case> cases = {
      {"contractYear = '1'AND userName = 'x'", "contractYear = 1 AND userName = 'x'"},
      {"contractYear BETWEEN'1'AND'5'", "contractYear BETWEEN 1 AND 5"},
      {"contractYear BETWEEN'-1'AND 5", "contractYear BETWEEN-1 AND 5"},
      {"contractYear IN('1','2')", "contractYear IN(1,2)"},
      {"(contractYear='1')OR userName = 'x'", "(contractYear=1)OR userName = 'x'"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::vector<Diagnostic> found = check(c.text);
    const tfq::AppliedFixes applied = tfq::apply_fixes(c.text, found, {.include_unsafe = true});
    CHECK(applied.applied == found.size());
    CHECK(applied.text == c.fixed);
    CHECK(check(applied.text).empty());
  }
}

TEST_CASE("checker reports type mismatches between literals and fields", "[check]") {
  const Diagnostic decimal = only_finding("contractYear = '1.5'");
  CHECK(decimal.message == "'contractYear' is an integer field, but '1.5' is a decimal");
  CHECK(decimal.fixes.empty());

  CHECK(only_finding("contractYear = 'one'").message ==
        "'contractYear' is an integer field, but 'one' is a string");

  const std::string number = "productVersion = 2018";
  const Diagnostic quoted = only_finding(number);
  CHECK(quoted.message == "'productVersion' is a string field, but 2018 is an integer");
  CHECK(quoted.range == range_of(number, "2018"));
  CHECK(quoted.help == "quote it: '2018'");
  CHECK(quoted.fixes.at(0).replacement == "'2018'");

  const Diagnostic date = only_finding("usageDate >= 20180101");
  CHECK(date.message == "'usageDate' is a date field, but 20180101 is an integer");
  CHECK(date.help == "dates are quoted strings: '2018-01-01'");
  CHECK(date.fixes.at(0).replacement == "'2018-01-01'");
  CHECK(only_finding("usageDate >= 2018").help == "dates are quoted strings: 'YYYY-MM-DD'");

  CHECK(only_finding("sessionEndDate < 5").help == "datetimes are quoted strings: 'YYYY-MM-DDTHH:MM:SS'");

  const Diagnostic category = only_finding("usageType = 1");
  CHECK(category.message == "'usageType' is an enum field, but 1 is an integer");
  CHECK(category.help == "the values of 'usageType' are 'Normal', 'Borrowed'");
  CHECK(category.fixes.empty());
}

TEST_CASE("checker reports invalid dates with the reason and a fix where the meaning is clear", "[check]") {
  struct Case {
    std::string literal, message, help, fix;
  };
  const std::string no_fix = "'usageDate' takes dates written 'YYYY-MM-DD'";
  const std::vector<Case> cases = {
      {"'2018-02-30'", "invalid date '2018-02-30': February 2018 has 28 days", no_fix, ""},
      {"'2023-02-29'", "invalid date '2023-02-29': 2023 is not a leap year", no_fix, ""},
      {"'2018-04-31'", "invalid date '2018-04-31': April 2018 has 30 days", no_fix, ""},
      {"'2018-13-01'", "invalid date '2018-13-01': there is no month 13", no_fix, ""},
      {"'2018-00-10'", "invalid date '2018-00-10': there is no month 0", no_fix, ""},
      {"'2018-01-00'", "invalid date '2018-01-00': there is no day 0", no_fix, ""},
      {"'2018-1-1'", "invalid date '2018-1-1': dates are written 'YYYY-MM-DD'", "write '2018-01-01'",
       "'2018-01-01'"},
      {"'2018/01/31'", "invalid date '2018/01/31': dates are written 'YYYY-MM-DD'", "write '2018-01-31'",
       "'2018-01-31'"},
      {"'2018-01-01T10:00:00'", "invalid date '2018-01-01T10:00:00': a date has no time of day",
       "write '2018-01-01'", "'2018-01-01'"},
      {"'yesterday'", "invalid date 'yesterday': dates are written 'YYYY-MM-DD'", no_fix, ""},
      {"''", "invalid date '': dates are written 'YYYY-MM-DD'", no_fix, ""},
  };
  for (const Case& c : cases) {
    INFO(c.literal);
    const std::string text = "usageDate >= " + c.literal;
    const Diagnostic d = only_finding(text);
    CHECK(d.code == Code::invalid_date);
    CHECK(d.message == c.message);
    CHECK(d.range == range_of(text, c.literal));
    CHECK(d.help == c.help);
    CHECK(d.fixes.size() == (c.fix.empty() ? 0u : 1u));
    if (!c.fix.empty()) CHECK(d.fixes.at(0).replacement == c.fix);
  }
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
      {"'2018-03-01 16:24'",
       "invalid datetime '2018-03-01 16:24': datetimes are written 'YYYY-MM-DDTHH:MM:SS'",
       "'2018-03-01T16:24:00'"},
      {"'2018-03-01T24:00:00'", "invalid datetime '2018-03-01T24:00:00': there is no hour 24", ""},
      {"'2018-03-01T10:60:00'", "invalid datetime '2018-03-01T10:60:00': there is no minute 60", ""},
      {"'2018-03-01T16:24:53Z'",
       "invalid datetime '2018-03-01T16:24:53Z': the server's datetimes have no time zone", ""},
      {"'2018-03-01T16:24:53+01:00'",
       "invalid datetime '2018-03-01T16:24:53+01:00': the server's datetimes have no time zone", ""},
      {"'2018-03-01T16:24:53.5'",
       "invalid datetime '2018-03-01T16:24:53.5': the server's datetimes have whole seconds", ""},
      {"'2018-02-30T00:00:00'", "invalid datetime '2018-02-30T00:00:00': February 2018 has 28 days", ""},
      {"'noon'", "invalid datetime 'noon': datetimes are written 'YYYY-MM-DDTHH:MM:SS'", ""},
  };
  for (const Case& c : cases) {
    INFO(c.literal);
    const std::string text = "sessionStartDate < " + c.literal;
    const Diagnostic d = only_finding(text);
    CHECK(d.code == Code::invalid_datetime);
    CHECK(d.message == c.message);
    CHECK(d.range == range_of(text, c.literal));
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
  const std::string text = "sessionStartDate >= '2018-03-01'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::datetime_without_time);
  CHECK(d.severity == Severity::warning);
  CHECK(d.message == "'2018-03-01' is a date, but 'sessionStartDate' is a datetime");
  CHECK(d.range == range_of(text, "'2018-03-01'"));
  CHECK(d.help == "give the time of day too: '2018-03-01T00:00:00'");
  CHECK(d.fixes.at(0).replacement == "'2018-03-01T00:00:00'");
}

TEST_CASE("checker rejects usageMonth equal to a day other than the 1st", "[check]") {
  const std::string text = "usageMonth = '2017-10-15'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::month_never_matches);
  CHECK(d.severity == Severity::error);
  CHECK(d.message == "'usageMonth' is always the 1st of a month, so it never equals '2017-10-15'");
  CHECK(d.range == range_of(text, "'2017-10-15'"));
  CHECK(d.help == "did you mean '2017-10-01'?");
  CHECK(d.fixes.at(0).replacement == "'2017-10-01'");
  const std::string list = "usageMonth IN ('2017-09-01', '2017-10-15')";
  CHECK(only_finding(list).range == range_of(list, "'2017-10-15'"));
}

TEST_CASE("checker warns about usageMonth bounds on a day other than the 1st, with the equivalent 1st",
          "[check]") {
  struct Case {
    std::string text, acts_as;
  };
  // x >= d and x < d round up to the next 1st; x > d and x <= d round down to this month's 1st.
  for (const Case& c :
       {Case{"usageMonth >= '2017-10-15'", "'2017-11-01'"}, Case{"usageMonth < '2017-10-15'", "'2017-11-01'"},
        Case{"usageMonth > '2017-10-15'", "'2017-10-01'"},
        Case{"usageMonth <= '2017-10-15'", "'2017-10-01'"}}) {
    INFO(c.text);
    const Diagnostic d = only_finding(c.text);
    CHECK(d.code == Code::month_not_first_day);
    CHECK(d.severity == Severity::warning);
    CHECK(d.message ==
          "'usageMonth' is always the 1st of a month, so the bound '2017-10-15' acts as " + c.acts_as);
    CHECK(d.range == range_of(c.text, "'2017-10-15'"));
    CHECK(d.help == "write " + c.acts_as);
    CHECK(d.fixes.at(0).replacement == c.acts_as);
  }
  CHECK(only_finding("usageMonth >= '2017-12-31'").fixes.at(0).replacement == "'2018-01-01'");
  const std::vector<Diagnostic> between = check("usageMonth BETWEEN '2017-10-15' AND '2017-12-15'");
  REQUIRE(between.size() == 2);
  CHECK(between[0].fixes.at(0).replacement == "'2017-11-01'");
  CHECK(between[1].fixes.at(0).replacement == "'2017-12-01'");
  const Diagnostic ne = only_finding("usageMonth != '2017-10-15'");
  CHECK(ne.code == Code::month_not_first_day);
  CHECK(ne.message == "'usageMonth' is always the 1st of a month, so it always differs from '2017-10-15'");
}

TEST_CASE("checker checks a literal on the left as the flipped comparison", "[check]") {
  // '2017-10-15' <= usageMonth is usageMonth >= '2017-10-15': it rounds up.
  CHECK(only_finding("'2017-10-15' <= usageMonth").fixes.at(0).replacement == "'2017-11-01'");
  CHECK(only_finding("'2017-10-15' > usageMonth").fixes.at(0).replacement == "'2017-11-01'");
  CHECK(only_finding("'1' = contractYear").code == Code::type_mismatch);
}

TEST_CASE("checker applies NOT before judging a usageMonth day", "[check]") {
  CHECK(only_finding("NOT usageMonth = '2017-10-15'").code == Code::month_not_first_day);
  CHECK(only_finding("NOT NOT usageMonth = '2017-10-15'").code == Code::month_never_matches);
  CHECK(only_finding("usageMonth NOT IN ('2017-10-15')").code == Code::month_not_first_day);
}

TEST_CASE("checker reports an unknown enum value with did-you-mean and a case hint", "[check]") {
  const std::string text = "usageType = 'Borowed'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::unknown_enum_value);
  CHECK(d.message == "'Borowed' is not a value of 'usageType'");
  CHECK(d.range == range_of(text, "'Borowed'"));
  CHECK(d.help == "did you mean 'Borrowed'?");
  CHECK(d.fixes.at(0).replacement == "'Borrowed'");
  CHECK(d.notes == std::vector<std::string>{"the values of 'usageType' are 'Normal', 'Borrowed'"});

  const Diagnostic lower = only_finding("usageCategory = 'desktop_product'");
  CHECK(lower.help == "enum values are case-sensitive: did you mean 'DESKTOP_PRODUCT'?");
  CHECK(lower.fixes.at(0).replacement == "'DESKTOP_PRODUCT'");

  const Diagnostic far = only_finding("tokenPool = 'ANNUAL'");
  CHECK(far.help.empty());
  CHECK(far.fixes.empty());
}

TEST_CASE("checker checks each IN element against the enum", "[check]") {
  const std::string text = "chargeCategory IN ('FREE', 'CHARGD', 'casual')";
  const std::vector<Diagnostic> found = check(text);
  REQUIRE(found.size() == 2);
  CHECK(found[0].code == Code::unknown_enum_value);
  CHECK(found[0].range == range_of(text, "'CHARGD'"));
  CHECK(found[0].fixes.at(0).replacement == "'CHARGED'");
  CHECK(found[1].range == range_of(text, "'casual'"));
  CHECK(found[1].help == "enum values are case-sensitive: did you mean 'CASUAL'?");
}

TEST_CASE("checker rejects legacy usageCategory values in a request", "[check]") {
  const std::string text = "usageCategory = 'CLOUD_CONSUMPTION'";
  const Diagnostic d = only_finding(text);
  CHECK(d.code == Code::legacy_enum_value);
  CHECK(d.message == "'CLOUD_CONSUMPTION' is a legacy usageCategory value, shown only in responses");
  CHECK(d.range == range_of(text, "'CLOUD_CONSUMPTION'"));
  CHECK(d.help ==
        "requests use 'DESKTOP_PRODUCT', 'CLOUD_PRODUCT', 'CLOUD_SERVICE', 'MANUAL_ADJUSTMENT', "
        "'MANUAL_CONSUMPTION'");
  CHECK(codes_of(check("usageCategory IN ('DESKTOP_PRODUCT', 'PRODUCT_CONSUMPTION')")) ==
        std::vector<Code>{Code::legacy_enum_value});
}
