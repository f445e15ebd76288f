// Golden tests of tfq's main job: every tests/data/request/NAME.tfq or NAME.json is compiled, and what
// `tfq compile` would print is compared with NAME.out (the bodies: pretty for one statement, JSON Lines
// for several) and NAME.err (the rendered diagnostics). A missing .out means no body may be produced; a
// missing .err means no diagnostic may be reported. NAME.params holds --param bindings, one name=value
// a line. TFQ_UPDATE_GOLDEN=1 rewrites the expected files instead (review the diff before committing).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/process.hpp"
#include "tfq/compile.hpp"
#include "tfq/render.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(TFQ_TEST_DATA) / "request";

std::optional<std::string> read_optional(const fs::path& path) {
  if (!fs::exists(path)) return std::nullopt;
  return tfq::test::read_file(path.string());
}

std::map<std::string, std::string> read_params(const fs::path& path) {
  std::map<std::string, std::string> params;
  std::istringstream lines(read_optional(path).value_or(""));
  for (std::string line; std::getline(lines, line);) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) params[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return params;
}

struct Outputs {
  std::string out;
  std::string err;
};

Outputs compile_golden(const fs::path& input) {
  const std::string name = "request/" + input.filename().string();
  const tfq::Source source(name, tfq::test::read_file(input.string()));
  tfq::CompileOptions options;
  options.parameters = read_params(fs::path(input).replace_extension(".params"));
  const tfq::CompileResult result = tfq::compile(source, tfq::input_kind_for(name), options);
  Outputs outputs;
  for (const auto& request : result.requests) {
    outputs.out += result.requests.size() == 1 ? request.body_pretty : request.body + "\n";
  }
  outputs.err = tfq::render_text(source, result.diagnostics);
  return outputs;
}

void compare_or_update(const fs::path& expected_path, const std::string& actual) {
  const bool update = std::getenv("TFQ_UPDATE_GOLDEN") != nullptr;
  const std::optional<std::string> expected = read_optional(expected_path);
  if (update) {
    if (actual.empty()) {
      fs::remove(expected_path);
    } else {
      tfq::test::write_file(expected_path.string(), actual);
    }
    return;
  }
  INFO("expected file: " << expected_path.string());
  CHECK(actual == expected.value_or(""));
}

}  // namespace

TEST_CASE("every request golden file compiles to its expected bodies and diagnostics", "[request][golden]") {
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(kData)) {
    const auto extension = entry.path().extension();
    if (extension == ".tfq" || extension == ".json") inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() > 40);
  for (const auto& input : inputs) {
    SECTION(input.filename().string()) {
      const Outputs outputs = compile_golden(input);
      compare_or_update(fs::path(input).replace_extension(input.extension().string() + ".out"), outputs.out);
      compare_or_update(fs::path(input).replace_extension(input.extension().string() + ".err"), outputs.err);
    }
  }
}

TEST_CASE("compiling the same input twice gives the same bytes", "[request][golden]") {
  for (const char* name : {"desktop-session-level-reference.json", "several-statements.tfq"}) {
    const Outputs first = compile_golden(kData / name);
    const Outputs second = compile_golden(kData / name);
    CHECK(first.out == second.out);
    CHECK(first.err == second.err);
    CHECK_FALSE(first.out.empty());
  }
}
