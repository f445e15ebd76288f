// Fuzz target: the checker over whatever the parser accepts. Findings carry TFQ2xx codes and ranges inside
// the text, a finding's fix-its do not overlap, and applying them leaves a clause that still parses; fix
// mode (all the fix-its at once, as apply_fixes takes them) keeps every comment as it was.
#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/check.hpp"
#include "tfq/fix.hpp"
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

std::vector<std::string_view> comment_texts(const tfq::Source& source,
                                            const std::vector<tfq::SourceRange>& comments) {
  std::vector<std::string_view> texts;
  for (const tfq::SourceRange c : comments)
    texts.push_back(std::string_view(source.text()).substr(c.begin, c.end - c.begin));
  return texts;
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
  const std::vector<tfq::SourceRange> comments = tfq::comments_of(source, tfq::InputKind::where_clause, {});
  const tfq::Source all_fixed(
      "fixed", tfq::apply_fixes(source.text(), findings, {.include_unsafe = true}, comments).text);
  const tfq::ParseResult reread = tfq::parse_where(all_fixed, parse_options);
  if (reread.expr) FUZZ_CHECK(comment_texts(all_fixed, reread.comments) == comment_texts(source, comments));
  return 0;
}
