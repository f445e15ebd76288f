// Fuzz target: the checker over whatever the parser accepts. Findings carry TFQ2xx codes and ranges inside
// the text, a finding's fix-its do not overlap, and applying them leaves a clause that still parses.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/check.hpp"
#include "tfq/parse.hpp"

namespace {

// The text with one diagnostic's fix-its applied (they never overlap, so apply them back to front).
std::string apply_fixes(std::string text, std::vector<tfq::FixIt> fixes) {
  std::sort(fixes.begin(), fixes.end(),
            [](const auto& a, const auto& b) { return a.range.begin > b.range.begin; });
  for (std::size_t i = 0; i + 1 < fixes.size(); ++i)
    FUZZ_CHECK(fixes[i + 1].range.end <= fixes[i].range.begin);
  for (const tfq::FixIt& fix : fixes)
    text.replace(fix.range.begin, fix.range.end - fix.range.begin, fix.replacement);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  tfq::ParseOptions parse_options;
  parse_options.allow_parameters = true;
  const tfq::Source source("fuzz", tfq::fuzz::as_text(data, size));
  const tfq::ParseResult parsed = tfq::parse_where(source, parse_options);
  if (!parsed.expr) return 0;
  tfq::CheckOptions options;
  options.allow_parameters = size % 2 == 0;
  const std::vector<tfq::Diagnostic> findings =
      tfq::check_where(*parsed.expr, tfq::Catalog::builtin(), options);
  tfq::fuzz::check_diagnostics(source, findings);
  for (const tfq::Diagnostic& d : findings) {
    FUZZ_CHECK(tfq::info(d.code).id.substr(0, 4) == "TFQ2");
    if (d.fixes.empty()) continue;
    const tfq::Source fixed("fixed", apply_fixes(source.text(), d.fixes));
    FUZZ_CHECK(tfq::parse_where(fixed, parse_options).expr.has_value());
  }
  return 0;
}
