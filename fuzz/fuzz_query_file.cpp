// Fuzz target: .tfq query files through the compile facade. For any bytes: no crash; every failure is
// a diagnostic inside the input; requests come out only when there is no error, each body is one line
// of JSON whose pretty form holds the same value, and compiling a body again gives the same body.
#include <cstddef>
#include <cstdint>

#include "request_checks.hpp"
#include "support.hpp"
#include "tfq/compile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tfq::Source source("fuzz.tfq", tfq::fuzz::as_text(data, size));
  tfq::CompileOptions options;
  options.parameters = {{"user", "john42"}, {"year", "2"}, {"since", "2018-01-01"}};
  const auto result = tfq::compile(source, tfq::InputKind::query_file, options);
  tfq::fuzz::check_diagnostics(source, result.diagnostics);
  if (tfq::has_errors(result.diagnostics)) FUZZ_CHECK(result.requests.empty());
  for (const auto& request : result.requests) tfq::fuzz::check_request(request);
  return 0;
}
