// `tfq explain-code`: the real binary prints a code's explanation by id or name, lists codes, and refuses
// unknown ones.
#include <catch2/catch.hpp>

#include "support/process.hpp"
#include "tfq/code_docs.hpp"

using tfq::test::run_tfq;

TEST_CASE("explain-code prints the heading and the explanation of a code given by id", "[explain_code]") {
  const auto result = run_tfq({"explain-code", "TFQ200"});
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
  const std::string expected = "TFQ200 unknown_field (error by default): unknown field\n\n" +
                               std::string(tfq::explain(tfq::Code::unknown_field).markdown) + "\n";
  CHECK(result.out == expected);
  CHECK(result.out.find("Example:") != std::string::npos);
  CHECK(result.out.find("Fix:") != std::string::npos);
}

TEST_CASE("explain-code finds a code by its name, by its id in lower case and by its number",
          "[explain_code]") {
  const auto by_id = run_tfq({"explain-code", "TFQ101"});
  CHECK(run_tfq({"explain-code", "nesting_too_deep"}).out == by_id.out);
  CHECK(run_tfq({"explain-code", "tfq101"}).out == by_id.out);
  CHECK(run_tfq({"explain-code", "101"}).out == by_id.out);
  CHECK(run_tfq({"explain-code", "001"}).out.starts_with("TFQ001 "));
  CHECK(run_tfq({"explain-code", "1"}).exit_code == 2);
  CHECK(by_id.out.starts_with("TFQ101 nesting_too_deep (error by default)"));
}

TEST_CASE("explain-code refuses an unknown code with a usage error", "[explain_code]") {
  const auto result = run_tfq({"explain-code", "TFQ999"});
  CHECK(result.exit_code == 2);
  CHECK(result.out.empty());
  CHECK(result.err == "tfq explain-code: no diagnostic code 'TFQ999'; tfq explain-code --list lists them\n");
  CHECK(run_tfq({"explain-code"}).exit_code == 2);
}

TEST_CASE("explain-code --list lists every code once with its severity and summary", "[explain_code]") {
  const auto result = run_tfq({"explain-code", "--list"});
  CHECK(result.exit_code == 0);
  std::size_t lines = 0;
  for (char c : result.out) lines += c == '\n';
  CHECK(lines == tfq::all_codes().size());
  CHECK(result.out.find("TFQ200  error    unknown_field: unknown field\n") != std::string::npos);
}
