// The lint pipeline of the library: which stages run, in which order the findings come, which options apply.
#include "tfq/lint.hpp"

#include <catch2/catch.hpp>

using tfq::Code;
using tfq::Source;

namespace {

std::vector<Code> codes_of(const std::vector<tfq::Diagnostic>& diagnostics) {
  std::vector<Code> codes;
  for (const auto& d : diagnostics) codes.push_back(d.code);
  return codes;
}

}  // namespace

TEST_CASE("lint finds nothing in a clean clause", "[lint]") {
  CHECK(tfq::lint_where(Source("q", "contractYear = 1 AND userName LIKE 'admin%'")).empty());
}

TEST_CASE("lint stops after input problems: bad bytes are never parsed", "[lint]") {
  // The same text with a valid byte would be a syntax error and an unknown field.
  const auto found = tfq::lint_where(Source("q", "usrName == '\xff'"));
  CHECK(codes_of(found) == std::vector<Code>{Code::invalid_utf8});
}

TEST_CASE("lint stops after a syntax error: the checker needs a whole tree", "[lint]") {
  const auto found = tfq::lint_where(Source("q", "usrName = 1 AND"));
  CHECK(codes_of(found) == std::vector<Code>{Code::expected_expression});
}

TEST_CASE("lint reports the checker's findings in source order", "[lint]") {
  const Source source("q", "usageType = 'x' OR usrName = 1 OR contractYear = 'a'");
  const auto found = tfq::lint_where(source);
  CHECK(codes_of(found) ==
        std::vector<Code>{Code::unknown_enum_value, Code::unknown_field, Code::type_mismatch});
  CHECK(std::is_sorted(found.begin(), found.end(),
                       [](const auto& a, const auto& b) { return a.range.begin < b.range.begin; }));
}

TEST_CASE("lint parses past a UTF-8 byte order mark, with ranges in the whole text", "[lint]") {
  const auto found = tfq::lint_where(Source("q", "\xEF\xBB\xBFusrName = 'x'"));
  REQUIRE(codes_of(found) == std::vector<Code>{Code::unknown_field});
  CHECK(found[0].range == tfq::SourceRange{3, 10});
}

TEST_CASE("lint applies the limits and the catalog it is given", "[lint]") {
  tfq::LintOptions options;
  options.limits.max_depth = 2;
  CHECK(codes_of(tfq::lint_where(Source("q", "(((contractYear = 1)))"), options)) ==
        std::vector<Code>{Code::nesting_too_deep});
  options.limits.max_bytes = 8;
  CHECK(codes_of(tfq::lint_where(Source("q", "contractYear = 1"), options)) ==
        std::vector<Code>{Code::input_too_large});

  std::vector<tfq::Diagnostic> problems;
  const auto catalog = tfq::Catalog::builtin().with_overlay(
      Source("c.json", R"({"fields": [{"name": "nickName", "type": "string"}]})"), problems);
  REQUIRE(catalog);
  tfq::LintOptions with_catalog;
  with_catalog.catalog = &*catalog;
  CHECK(tfq::lint_where(Source("q", "nickName = 'x'"), with_catalog).empty());
  CHECK(codes_of(tfq::lint_where(Source("q", "nickName = 'x'"))) == std::vector<Code>{Code::unknown_field});
}
