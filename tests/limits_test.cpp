// Every cap of tfq::Limits: an input over it gets the cap's own diagnostic. (The parser's tests pin the
// exact boundaries and messages of its caps.)
#include "tfq/limits.hpp"

#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "tfq/compile.hpp"
#include "tfq/fix.hpp"
#include "tfq/input.hpp"
#include "tfq/lint.hpp"
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

TEST_CASE("the parser's depth ceiling holds: deeper input is refused, never a stack overflow", "[limits]") {
  tfq::Limits unbounded;
  unbounded.max_depth = 1'000'000;  // the library lowers it to its ceiling
  const std::size_t ceiling = tfq::max_depth_ceiling;
  const auto nested = [](std::size_t depth) {
    return std::string(depth, '(') + "contractYear = 1" + std::string(depth, ')');
  };
  CHECK(parse_with(nested(ceiling), unbounded).empty());
  CHECK(reports(parse_with(nested(ceiling + 1), unbounded), Code::nesting_too_deep));
  CHECK(reports(parse_with(std::string(100'000, '('), unbounded), Code::nesting_too_deep));
}

TEST_CASE("tfq refuses --max-depth above the parser's ceiling as a usage error", "[limits][cli]") {
  const std::string ceiling = std::to_string(tfq::max_depth_ceiling);
  const std::string above = std::to_string(tfq::max_depth_ceiling + 1);
  const auto refused = tfq::test::run_tfq({"lint", "--max-depth", above, "--where", "contractYear = 1"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err.find("--max-depth") != std::string::npos);
  CHECK(refused.err.find(ceiling) != std::string::npos);

  // At the ceiling, the flag is taken and a clause nested that deep passes.
  const std::string nested = std::string(tfq::max_depth_ceiling, '(') + "contractYear = 1" +
                             std::string(tfq::max_depth_ceiling, ')');
  const auto at_ceiling = tfq::test::run_tfq({"lint", "--max-depth", ceiling, "--where", nested});
  CHECK(at_ceiling.exit_code == 0);
  CHECK(at_ceiling.err.empty());
}

TEST_CASE("proofs of predicate-removal fixes stop at their budget, so a huge file costs linear time",
          "[limits][fix]") {
  // A repeated predicate, then a list of distinct names that pads the clause to the wanted size.
  const auto clause = [](std::size_t bytes) {
    std::string text = "contractYear = 1 AND contractYear = 1 AND (userName = 'a'";
    for (std::size_t i = 0; text.size() < bytes; ++i) text += " OR userName = 'u" + std::to_string(i) + "'";
    return text + ")";
  };
  const auto fixes_of_repeat = [](const std::string& text) {
    const tfq::Source source("q.where", text);
    tfq::CompileOptions options;
    std::vector<tfq::Diagnostic> findings = tfq::lint_where(source);  // what tfq lint does
    tfq::add_predicate_removal_fixes(source, tfq::InputKind::where_clause, options, findings);
    for (const auto& d : findings) {
      if (d.code == Code::duplicate_predicate) return d.fixes.size();
    }
    FAIL("no finding of the repeated predicate");
    return std::size_t{0};
  };
  CHECK(fixes_of_repeat(clause(1000)) == 1);
  // Over half the budget, the original and one candidate cannot both be compiled: no proof, no fix-it.
  CHECK(fixes_of_repeat(clause(tfq::predicate_fix_budget_bytes / 2 + 1)) == 0);
}
