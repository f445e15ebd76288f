// Fuzz target: the where-clause parser, printer and .where formatter. Any bytes give an AST or diagnostics
// (never both errors and an AST, never a crash); an AST's ranges and the comments lie inside the text, and
// printing it gives a clause that parses back to the same tree and prints the same again. A clause that
// formats formats to itself.
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/format.hpp"
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
  for (std::size_t i = 0; i < result.comments.size(); ++i) {
    FUZZ_CHECK(tfq::fuzz::within(source, result.comments[i]));
    FUZZ_CHECK(i == 0 || result.comments[i - 1].end <= result.comments[i].begin);
  }
  const tfq::FormatResult formatted = tfq::format_where_file(source);
  tfq::fuzz::check_diagnostics(source, formatted.diagnostics);
  if (formatted.text) {
    const tfq::FormatResult twice = tfq::format_where_file(tfq::Source("formatted.where", *formatted.text));
    FUZZ_CHECK(twice.text && *twice.text == *formatted.text);
  }
  if (!result.expr) return 0;
  check_ranges(source, *result.expr);

  const std::string printed = tfq::print_where(*result.expr);
  const tfq::ParseResult again = tfq::parse_where(tfq::Source("printed", printed), options);
  FUZZ_CHECK(again.expr.has_value());
  FUZZ_CHECK(tfq::same_structure(*again.expr, *result.expr));
  FUZZ_CHECK(tfq::print_where(*again.expr) == printed);
  return 0;
}
