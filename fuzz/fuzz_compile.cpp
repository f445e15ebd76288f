// Fuzz target: tfq's main job on any bytes, as a query file (even sizes) or a JSON body (odd sizes).
// Every problem is a positioned diagnostic; bodies come only without errors; a body compiled again as a
// JSON body is itself (canonical form is a fixed point); a query file that formats formats to itself.
#include <cstddef>
#include <cstdint>

#include "support.hpp"
#include "tfq/compile.hpp"
#include "tfq/format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const bool query_file = size % 2 == 0;
  const tfq::Source source(query_file ? "fuzz.tfq" : "fuzz.json", tfq::fuzz::as_text(data, size));
  tfq::CompileOptions options;
  options.parameters = {{"p", "O'Brien"}};
  options.require_parameters = false;
  const tfq::CompileResult result = tfq::compile(source, tfq::input_kind_for(source.name()), options);
  tfq::fuzz::check_diagnostics(source, result.diagnostics);
  FUZZ_CHECK(result.requests.empty() || !tfq::has_errors(result.diagnostics));
  for (const tfq::CompiledRequest& request : result.requests) {
    if (request.target != tfq::Target::export_request) continue;  // a Query API body has its own rules
    const tfq::Source body("body.json", request.body);
    const tfq::CompileResult again = tfq::compile(body, tfq::InputKind::json_body);
    FUZZ_CHECK(!tfq::has_errors(again.diagnostics));
    FUZZ_CHECK(again.requests.size() == 1 && again.requests[0].body == request.body);
  }
  if (query_file) {
    const tfq::FormatResult formatted = tfq::format_query_file(source);
    tfq::fuzz::check_diagnostics(source, formatted.diagnostics);
    if (formatted.text) {
      const tfq::FormatResult twice = tfq::format_query_file(tfq::Source("formatted.tfq", *formatted.text));
      FUZZ_CHECK(twice.text && *twice.text == *formatted.text);
    }
  }
  return 0;
}
