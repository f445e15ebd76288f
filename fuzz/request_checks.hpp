// What holds for every request the compile facade produces, from any input.
#pragma once

#include <nlohmann/json.hpp>

#include "support.hpp"
#include "tfq/compile.hpp"

namespace tfq::fuzz {

// The body is one line of JSON, its pretty form holds the same value, and compiling the body again as
// a JSON request body gives it back byte for byte (the output is canonical).
inline void check_request(const CompiledRequest& request) {
  FUZZ_CHECK(request.body.find('\n') == std::string::npos);
  FUZZ_CHECK(!request.body_pretty.empty() && request.body_pretty.back() == '\n');
  const auto body = nlohmann::json::parse(request.body, nullptr, false);
  FUZZ_CHECK(!body.is_discarded() && body.is_object());
  FUZZ_CHECK(nlohmann::json::parse(request.body_pretty, nullptr, false) == body);

  const Source again("again.json", request.body);
  const CompileResult recompiled = compile(again, InputKind::json_body);
  FUZZ_CHECK(!has_errors(recompiled.diagnostics) && recompiled.requests.size() == 1);
  FUZZ_CHECK(recompiled.requests[0].body == request.body);
}

}  // namespace tfq::fuzz
