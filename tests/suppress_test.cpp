// Inline suppression: `-- tfq-ignore: CODE` hides those codes on the next line, and only there.
#include "tfq/suppress.hpp"

#include <catch2/catch.hpp>

using tfq::Code;
using tfq::Diagnostic;
using tfq::Source;

namespace {

Diagnostic at(const Source& source, std::string_view text, Code code) {
  const std::size_t begin = source.text().find(text);
  REQUIRE(begin != std::string::npos);
  return tfq::make_diagnostic(
      code, {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + text.size())},
      "finding at '" + std::string(text) + "'");
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(std::string(tfq::info(d.code).id) + " " + d.message);
  return out;
}

}  // namespace

TEST_CASE("tfq-ignore hides the named codes on the next line only", "[suppress]") {
  const Source s("q.where",
                 "contractYear = 1\n"
                 "-- tfq-ignore: TFQ200\n"
                 "AND usrName = 'a'\n"
                 "AND mashineName = 'b'\n");
  std::vector<Diagnostic> d = {at(s, "usrName", Code::unknown_field),
                               at(s, "mashineName", Code::unknown_field)};
  tfq::apply_suppressions(s, d);
  CHECK(messages(d) == std::vector<std::string>{"TFQ200 finding at 'mashineName'"});
}

TEST_CASE("tfq-ignore keeps findings of other codes on the same line", "[suppress]") {
  const Source s("q.where", "-- tfq-ignore: TFQ200\nusrName = 'a' ((\n");
  std::vector<Diagnostic> d = {at(s, "usrName", Code::unknown_field), at(s, "((", Code::syntax_error)};
  tfq::apply_suppressions(s, d);
  CHECK(messages(d) == std::vector<std::string>{"TFQ100 finding at '(('"});
}

TEST_CASE("tfq-ignore takes several codes, by id or name, over several comment lines", "[suppress]") {
  const Source s("q.tfq",
                 "SELECT userName FROM DESKTOP_PRODUCT\n"
                 "  -- tfq-ignore: unknown_field, TFQ100\n"
                 "  --tfq-ignore :TFQ003\r\n"
                 "WHERE usrName = 1 (( x\n");
  std::vector<Diagnostic> d = {at(s, "usrName", Code::unknown_field), at(s, "((", Code::syntax_error),
                               at(s, "x\n", Code::input_too_large), at(s, "userName", Code::unknown_field)};
  tfq::apply_suppressions(s, d);
  CHECK(messages(d) == std::vector<std::string>{"TFQ200 finding at 'userName'"});
}

TEST_CASE("tfq-ignore with an unknown code or no code is reported at the comment", "[suppress]") {
  const Source s("q.where", "-- tfq-ignore: TFQ999, unknown_field\nusrName = 1\n-- tfq-ignore:\nx = 1\n");
  std::vector<Diagnostic> d = {at(s, "usrName", Code::unknown_field)};
  tfq::apply_suppressions(s, d);
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == Code::invalid_suppression);
  CHECK(d[0].severity == tfq::Severity::warning);
  CHECK(d[0].message == "tfq-ignore names an unknown code 'TFQ999'");
  CHECK(s.text().substr(d[0].range.begin, d[0].range.end - d[0].range.begin) == "TFQ999");
  CHECK(d[1].message == "tfq-ignore names no code");
  CHECK(s.text().substr(d[1].range.begin, d[1].range.end - d[1].range.begin) == "-- tfq-ignore:");
}

TEST_CASE("a comment that merely mentions tfq-ignore after code suppresses nothing", "[suppress]") {
  const Source s("q.where", "x = 1 -- tfq-ignore: TFQ200\nusrName = 1\n");
  std::vector<Diagnostic> d = {at(s, "usrName", Code::unknown_field)};
  tfq::apply_suppressions(s, d);
  CHECK(d.size() == 1);
}
