// Golden files: every tests/data/lint/<name>.where is linted and rendered as text, and must match
// <name>.err byte for byte (an empty .err means the clause is clean). Adding a case is adding two files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>

#include "support/process.hpp"
#include "tfq/lint.hpp"
#include "tfq/render.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kGoldenDir = fs::path(TFQ_TEST_DATA) / "lint";

std::vector<fs::path> golden_cases() {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    if (entry.path().extension() == ".where") cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string expected_for(const fs::path& where) {
  fs::path err = where;
  err.replace_extension(".err");
  INFO("missing " << err.string());
  REQUIRE(fs::exists(err));
  return tfq::test::read_file(err.string());
}

std::string rendered(const fs::path& where) {
  const tfq::Source source(where.filename().string(), tfq::test::read_file(where.string()));
  return tfq::render_text(source, tfq::lint_where(source));
}

}  // namespace

TEST_CASE("lint golden cases render exactly as recorded in their .err files", "[golden][lint]") {
  const auto cases = golden_cases();
  REQUIRE(cases.size() >= 20);
  for (const fs::path& where : cases) {
    INFO(where.filename().string());
    CHECK(rendered(where) == expected_for(where));
  }
}

TEST_CASE("every .err golden file belongs to a .where case", "[golden][lint]") {
  for (const auto& entry : fs::directory_iterator(kGoldenDir)) {
    INFO(entry.path().string());
    const auto extension = entry.path().extension();
    CHECK((extension == ".where" || extension == ".err"));
    if (extension == ".err") CHECK(fs::exists(fs::path(entry.path()).replace_extension(".where")));
  }
}

TEST_CASE("every diagnostic code the lint pipeline can report has a golden case", "[golden][lint]") {
  std::string all_expected;
  for (const fs::path& where : golden_cases()) all_expected += expected_for(where);
  // Codes a where file cannot show with default limits, or that other inputs report, each pinned elsewhere.
  const std::set<std::string_view> pinned_elsewhere = {
      "TFQ003",  // input over 16 MiB: input_test and cli_lint_test, with a small --max-bytes
      "TFQ010",  // over a million predicates: the parser's tests, with a small limit
      "TFQ011",  // an IN list over 100,000 values: likewise
      "TFQ012",  // statements of query files, not where clauses
      "TFQ013",  // fields of request bodies, not where clauses
      "TFQ218",  // parameters exist only in query files (a where file gets TFQ118 instead)
  };
  for (const tfq::CodeInfo& code : tfq::all_codes()) {
    const bool lint_stage =
        code.id.starts_with("TFQ0") || code.id.starts_with("TFQ1") || code.id.starts_with("TFQ2");
    if (!lint_stage || pinned_elsewhere.contains(code.id)) continue;
    INFO(code.id << " " << code.name << ": add tests/data/lint/<case>.where and its .err");
    CHECK(all_expected.find("[" + std::string(code.id) + "]") != std::string::npos);
  }
}
