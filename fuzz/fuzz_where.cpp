// Fuzz target: the where-clause parser and printer. Any bytes give an AST or diagnostics (never both
// errors and an AST, never a crash); an AST's ranges lie inside the text, and printing it gives a clause
// that parses back to the same tree and prints the same again.
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"

namespace {

void check_ranges(const tfq::Source& source, const tfq::Expr& e) {
  FUZZ_CHECK(tfq::fuzz::within(source, e.range));
  FUZZ_CHECK(tfq::fuzz::within(source, e.op_range));
  if (e.kind <= tfq::ExprKind::between) FUZZ_CHECK(tfq::fuzz::within(source, e.subject.range));
  for (const auto& v : e.values) FUZZ_CHECK(tfq::fuzz::within(source, v.range));
  for (const auto& c : e.children) check_ranges(source, c);  // recursion bounded by the depth limit
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tfq::ParseOptions options;
  options.allow_parameters = size % 2 == 0;
  const tfq::Source source("fuzz", tfq::fuzz::as_text(data, size));
  const tfq::ParseResult result = tfq::parse_where(source, options);
  tfq::fuzz::check_diagnostics(source, result.diagnostics);
  FUZZ_CHECK(result.expr.has_value() != tfq::has_errors(result.diagnostics));
  if (!result.expr) return 0;
  check_ranges(source, *result.expr);

  const std::string printed = tfq::print_where(*result.expr);
  const tfq::ParseResult again = tfq::parse_where(tfq::Source("printed", printed), options);
  FUZZ_CHECK(again.expr.has_value());
  FUZZ_CHECK(tfq::same_structure(*again.expr, *result.expr));
  FUZZ_CHECK(tfq::print_where(*again.expr) == printed);
  return 0;
}
