// Fuzz target: JSON request bodies through the compile facade. For any bytes: no crash; every failure
// is a diagnostic inside the input; a body that compiles comes out canonical: one line of JSON whose
// pretty form holds the same value, and compiling the output again gives the same bytes.
#include <cstddef>
#include <cstdint>

#include "request_checks.hpp"
#include "support.hpp"
#include "tfq/compile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tfq::Source source("fuzz.json", tfq::fuzz::as_text(data, size));
  const auto result = tfq::compile(source, tfq::InputKind::json_body);
  tfq::fuzz::check_diagnostics(source, result.diagnostics);
  if (tfq::has_errors(result.diagnostics)) FUZZ_CHECK(result.requests.empty());
  for (const auto& request : result.requests) tfq::fuzz::check_request(request);
  return 0;
}
