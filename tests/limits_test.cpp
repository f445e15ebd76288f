// Every cap of tfq::Limits: an input over it gets the cap's own diagnostic. (The parser's tests pin the
// exact boundaries and messages of its caps.)
#include "tfq/limits.hpp"

#include <catch2/catch.hpp>

#include "tfq/compile.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

namespace {

using tfq::Code;

bool reports(const std::vector<tfq::Diagnostic>& diagnostics, Code code) {
  for (const auto& d : diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

std::vector<tfq::Diagnostic> parse_with(const std::string& text, const tfq::Limits& limits) {
  tfq::ParseOptions options;
  options.limits = limits;
  return tfq::parse_where(tfq::Source("q.where", text), options).diagnostics;
}

std::vector<tfq::Diagnostic> compile_with(const std::string& name, const std::string& text,
                                          const tfq::Limits& limits) {
  tfq::CompileOptions options;
  options.limits = limits;
  const tfq::Source source(name, text);
  return tfq::compile(source, tfq::input_kind_for(name), options).diagnostics;
}

}  // namespace

TEST_CASE("the default caps admit 16 MiB per input and a million predicates per clause", "[limits]") {
  const tfq::Limits defaults;
  CHECK(defaults.max_bytes == 16u << 20);
  CHECK(defaults.max_depth == 256);
  CHECK(defaults.max_predicates == 1'000'000);
  CHECK(defaults.max_in_list == 100'000);
  CHECK(defaults.max_statements == 10'000);
  CHECK(defaults.max_fields == 1'000);
}

TEST_CASE("each cap of the where clause has its own diagnostic", "[limits]") {
  const tfq::Limits small{.max_bytes = 16, .max_depth = 2, .max_predicates = 2, .max_in_list = 2};
  CHECK(reports(tfq::validate_input(tfq::Source("q", "contractYear = 123"), small), Code::input_too_large));
  CHECK(reports(parse_with("(((contractYear = 1)))", small), Code::nesting_too_deep));
  CHECK(reports(parse_with("a = 1 OR b = 2 OR c = 3", small), Code::too_many_predicates));
  CHECK(reports(parse_with("contractYear IN (1, 2, 3)", small), Code::in_list_too_long));
  // Just under each cap, nothing is reported.
  CHECK(parse_with("((a = 1)) OR b IN (1, 2)", small).empty());
}

TEST_CASE("query files and request bodies have caps on statements and on fields", "[limits]") {
  const tfq::Limits small{.max_statements = 1, .max_fields = 2};
  CHECK(reports(compile_with("q.tfq", "SELECT userName; SELECT productName;", small),
                Code::too_many_statements));
  CHECK(reports(compile_with("b.json", R"({"fields":["userName","productName","usageDate"]})", small),
                Code::too_many_fields));
  CHECK(!reports(compile_with("b.json", R"({"fields":["userName","productName"]})", small),
                 Code::too_many_fields));
}
