// The request stage through the compile facade: fix-its that really fix, parameters that cannot inject,
// the category analysis of where clauses, output names and limits.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "request/rules.hpp"
#include "tfq/compile.hpp"
#include "tfq/parse.hpp"

using tfq::Code;
using tfq::CompileResult;
using tfq::InputKind;
using tfq::Source;

namespace {

CompileResult compile(const std::string& name, const std::string& text, tfq::CompileOptions options = {}) {
  return tfq::compile(Source(name, text), tfq::input_kind_for(name), options);
}

const tfq::Diagnostic* find(const CompileResult& result, Code code) {
  for (const auto& d : result.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

// The text with a diagnostic's fix-its applied (they never overlap: last first keeps offsets valid).
std::string apply_fixes(std::string text, const tfq::Diagnostic& d) {
  auto fixes = d.fixes;
  std::sort(fixes.begin(), fixes.end(),
            [](const auto& a, const auto& b) { return a.range.begin > b.range.begin; });
  for (const auto& fix : fixes)
    text.replace(fix.range.begin, fix.range.end - fix.range.begin, fix.replacement);
  return text;
}

std::vector<Code> codes(const CompileResult& result) {
  std::vector<Code> out;
  for (const auto& d : result.diagnostics) out.push_back(d.code);
  return out;
}

}  // namespace

TEST_CASE("applying a request diagnostic's fix-its gives an input that compiles cleanly", "[request]") {
  struct Case {
    std::string name;
    std::string text;
    Code code;
  };
  const std::vector<Case> cases = {
      {"move.json", R"({"fields": ["userName", "tokensConsumed"], "metrics": ["usageMinutes"]})",
       Code::metric_under_fields},
      {"move-new-list.json", R"({"fields": ["tokensConsumed", "userName"]})", Code::metric_under_fields},
      {"move-back.json", R"({"fields": ["userName"], "metrics": ["productName", "tokensConsumed"]})",
       Code::field_under_metrics},
      {"move-empty.json", R"({"fields": [], "metrics": ["productName", "tokensConsumed"]})",
       Code::field_under_metrics},
      {"did-you-mean.json", R"({"fields": ["username"]})", Code::unknown_name},
      {"did-you-mean.tfq", "SELECT userNam, tokensConsumed", Code::unknown_name},
      {"key.json", R"({"feilds": ["userName"]})", Code::json_unknown_key},
      {"wrap.json", R"({"fields": "userName"})", Code::json_wrong_type},
      {"duplicate.json", R"({"fields": ["userName", "productName", "userName"]})", Code::duplicate_name},
      {"duplicate-first.tfq", "SELECT userName, userName", Code::duplicate_name},
      {"category.json", R"({"fields": ["userName"], "usageCategory": ["CLOUD_PRODUCTS"]})",
       Code::unknown_category},
      {"category-twice.tfq", "SELECT userName FROM CLOUD_PRODUCT, CLOUD_PRODUCT", Code::duplicate_category},
      {"session.json", R"({"fields": ["hubId", "userName"]})", Code::session_without_category},
      {"session.tfq",
       "SELECT chargedItemID WHERE usageCategory IN ('MANUAL_ADJUSTMENT', 'MANUAL_CONSUMPTION')",
       Code::session_without_category},
      {"desktop.json",
       R"({"fields": ["machineName", "chargedItemID"], "usageCategory": ["DESKTOP_PRODUCT", "CLOUD_SERVICE"]})",
       Code::desktop_session_categories},
      {"desktop.tfq", "SELECT sessionStartDate, useCount FROM DESKTOP_PRODUCT", Code::desktop_session_name},
      {"pool.tfq", "SELECT tokenPool, quantity", Code::token_pool_outside_manual_adjustment},
      {"excluded.tfq",
       "SELECT userName FROM CLOUD_PRODUCT, DESKTOP_PRODUCT WHERE usageCategory != 'CLOUD_PRODUCT'",
       Code::where_excludes_category},
      {"csv.json", R"({"fields": ["userName"], "downloadFileName": "usage.\u0063sv"})",
       Code::file_name_csv_extension},
      {"csv.tfq", "SELECT userName INTO 'it''s.csv'", Code::file_name_csv_extension},
      {"slash.json", R"({"fields": ["userName"], "downloadFileName": "a\/b"})",
       Code::file_name_path_separator},
      {"query-into.tfq", "QUERY SELECT userName INTO 'x'", Code::query_file_name},
      {"where.json", R"({"fields": ["userName"], "where": "productName = \"Autocad\""})",
       Code::double_quoted_string},
  };
  for (const Case& c : cases) {
    INFO(c.name << ": " << c.text);
    const CompileResult before = compile(c.name, c.text);
    const tfq::Diagnostic* d = find(before, c.code);
    REQUIRE(d);
    REQUIRE_FALSE(d->fixes.empty());
    const std::string fixed = apply_fixes(c.text, *d);
    INFO("fixed: " << fixed);
    const CompileResult after = compile(c.name, fixed);
    CHECK(after.diagnostics.empty());
    CHECK(after.requests.size() == 1);
  }
}

TEST_CASE("a parameter value is one literal of the field's type whatever it holds", "[request][param]") {
  for (const std::string value :
       {"O'Brien", "x' OR '1'='1", "'; DROP TABLE x; --", "a\\b", "%admin%", "''", "", ":other", "東京 😀"}) {
    INFO(value);
    tfq::CompileOptions options;
    options.parameters = {{"user", value}};
    const CompileResult result = compile("p.tfq", "SELECT userName WHERE userName = :user", options);
    REQUIRE(result.requests.size() == 1);
    CHECK_FALSE(tfq::has_errors(result.diagnostics));
    // The body's where clause parses back to exactly one comparison with exactly the value.
    const auto where = nlohmann::json::parse(result.requests[0].body).at("where").get<std::string>();
    const auto parsed = tfq::parse_where(Source("w", where));
    REQUIRE(parsed.expr);
    CHECK(parsed.expr->kind == tfq::ExprKind::compare);
    CHECK(parsed.expr->subject.text == "userName");
    REQUIRE(parsed.expr->values.size() == 1);
    CHECK(parsed.expr->values[0].kind == tfq::Operand::Kind::string);
    CHECK(parsed.expr->values[0].text == value);
  }
}

TEST_CASE("a parameter compared with an integer field must be an integer", "[request][param]") {
  for (const std::string value :
       {"1 OR 1=1", "1; x", "0x10", " 1", "1e3", "+1", "", "99999999999999999999", "1.0"}) {
    INFO(value);
    tfq::CompileOptions options;
    options.parameters = {{"year", value}};
    const CompileResult result = compile("p.tfq", "SELECT userName WHERE contractYear = :year", options);
    CHECK(result.requests.empty());
    CHECK(codes(result) == std::vector<Code>{Code::parameter_bad_value});
  }
  tfq::CompileOptions options;
  options.parameters = {{"year", "-3"}};
  CHECK(compile("p.tfq", "SELECT userName WHERE contractYear >= :year", options).requests.size() == 1);
  // Digits that are too many for 64 bits are an integer all the same: the message says what is wrong.
  for (const std::string value : {"99999999999999999999", "-9223372036854775809"}) {
    options.parameters = {{"year", value}};
    const CompileResult result = compile("p.tfq", "SELECT userName WHERE contractYear = :year", options);
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].message ==
          "parameter ':year' is compared with the integer field 'contractYear', "
          "but its value '" +
              value + "' does not fit in 64 bits");
  }
  options.parameters = {{"year", "1.0"}};
  CHECK(compile("p.tfq", "SELECT userName WHERE contractYear = :year", options).diagnostics[0].message ==
        "parameter ':year' is compared with the integer field 'contractYear', but its value '1.0' is not an "
        "integer");
}

TEST_CASE("without required parameters (lint) an unbound one is checked around and yields no body",
          "[request][param]") {
  tfq::CompileOptions options;
  options.require_parameters = false;
  const CompileResult ok = compile("p.tfq", "SELECT userName WHERE contractYear = :year INTO :name", options);
  CHECK(ok.diagnostics.empty());
  CHECK(ok.requests.empty());
  const CompileResult bad = compile("p.tfq", "SELECT userName WHERE contractYar = :year", options);
  CHECK(codes(bad) == std::vector<Code>{Code::unknown_field});
}

TEST_CASE("the where clause's usageCategory condition is evaluated in three-valued logic", "[request]") {
  const std::vector<std::string> all = {"DESKTOP_PRODUCT", "CLOUD_PRODUCT", "CLOUD_SERVICE",
                                        "MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"};
  struct Case {
    std::string where;
    std::vector<std::string> allowed;
  };
  const std::vector<Case> cases = {
      {"contractYear = 1", all},
      {"usageCategory = 'CLOUD_PRODUCT'", {"CLOUD_PRODUCT"}},
      {"'CLOUD_PRODUCT' = usageCategory", {"CLOUD_PRODUCT"}},
      {"usageCategory != 'CLOUD_PRODUCT'",
       {"DESKTOP_PRODUCT", "CLOUD_SERVICE", "MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"}},
      {"usageCategory IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE') AND contractYear = 1",
       {"CLOUD_PRODUCT", "CLOUD_SERVICE"}},
      {"usageCategory NOT IN ('CLOUD_PRODUCT', 'CLOUD_SERVICE', 'DESKTOP_PRODUCT')",
       {"MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"}},
      {"usageCategory = 'CLOUD_PRODUCT' OR contractYear = 1", all},
      {"usageCategory = 'CLOUD_PRODUCT' OR usageCategory = 'CLOUD_SERVICE'",
       {"CLOUD_PRODUCT", "CLOUD_SERVICE"}},
      {"NOT (usageCategory = 'CLOUD_PRODUCT' OR contractYear = 1)",
       {"DESKTOP_PRODUCT", "CLOUD_SERVICE", "MANUAL_ADJUSTMENT", "MANUAL_CONSUMPTION"}},
      {"usageCategory = 'CLOUD_PRODUCT' AND usageCategory = 'CLOUD_SERVICE'", {}},
      {"usageCategory > 'CLOUD_PRODUCT'", all},
  };
  for (const Case& c : cases) {
    INFO(c.where);
    const auto parsed = tfq::parse_where(Source("w", c.where));
    REQUIRE(parsed.expr);
    CHECK(tfq::rules::categories_where_allows(*parsed.expr, all) == c.allowed);
  }
}

TEST_CASE("compile names each request by INTO, else by the file's stem and statement number", "[request]") {
  const CompileResult one = compile("dir/usage.tfq", "SELECT userName");
  REQUIRE(one.requests.size() == 1);
  CHECK(one.requests[0].name == "usage");
  const CompileResult several =
      compile("usage.tfq", "SELECT userName; SELECT productName INTO 'products'; SELECT a1");
  CHECK(several.requests.empty());  // a1 is unknown
  const CompileResult named = compile("usage.tfq", "SELECT userName; SELECT productName INTO 'products'");
  REQUIRE(named.requests.size() == 2);
  CHECK(named.requests[0].name == "usage-1");
  CHECK(named.requests[1].name == "products");
  CHECK(named.requests[0].target == tfq::Target::export_request);
}

TEST_CASE("compile picks the input kind by file name", "[request]") {
  CHECK(tfq::input_kind_for("a/b.tfq") == InputKind::query_file);
  CHECK(tfq::input_kind_for("body.json") == InputKind::json_body);
  CHECK(tfq::input_kind_for("x.where") == InputKind::where_clause);
  CHECK(tfq::input_kind_for("<stdin>") == InputKind::where_clause);
}

TEST_CASE("compiling a bare where clause gives its canonical clause", "[request]") {
  const CompileResult result =
      tfq::compile(Source("w.where", "contractYear=1 and userName <> 'x'"), InputKind::where_clause);
  REQUIRE(result.requests.size() == 1);
  CHECK(result.requests[0].body_pretty == result.requests[0].body + "\n");
  CHECK(result.requests[0].body.find("contractYear = 1") != std::string::npos);
}

TEST_CASE("a request over the field limit is an error, not a body", "[request]") {
  tfq::CompileOptions options;
  options.limits.max_fields = 2;
  CHECK(codes(compile("l.tfq", "SELECT userName, productName, tokensConsumed", options)) ==
        std::vector<Code>{Code::too_many_fields});
  CHECK(compile("l.tfq", "SELECT userName, tokensConsumed", options).requests.size() == 1);
}
