// What every fuzz target shares: an invariant check that aborts (so both libFuzzer and the replay
// program report it), and the checks that hold for any diagnostic of any stage.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>

#include "tfq/diagnostic.hpp"
#include "tfq/render.hpp"
#include "tfq/source.hpp"

// Not assert(): it must hold in release builds too, where the fuzzers run.
#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (false)

namespace tfq::fuzz {

inline std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// A range inside the text; an empty range may sit at the very end.
inline bool within(const Source& source, SourceRange range) {
  return range.begin <= range.end && range.end <= source.text().size();
}

// Every diagnostic has a known code, a message, and ranges inside its source.
inline void check_diagnostic(const Source& source, const Diagnostic& diagnostic) {
  FUZZ_CHECK(find_code(info(diagnostic.code).id) != nullptr);
  FUZZ_CHECK(!diagnostic.message.empty());
  FUZZ_CHECK(within(source, diagnostic.range));
  for (const auto& label : diagnostic.labels) FUZZ_CHECK(within(source, label.range));
  for (const auto& fix : diagnostic.fixes) FUZZ_CHECK(within(source, fix.range));
}

// ... and every one renders, as text (with and without colour) and as JSON.
inline void check_diagnostics(const Source& source, std::span<const Diagnostic> diagnostics) {
  for (const auto& diagnostic : diagnostics) check_diagnostic(source, diagnostic);
  if (diagnostics.empty()) return;
  FUZZ_CHECK(!render_text(source, diagnostics).empty());
  FUZZ_CHECK(!render_text(source, diagnostics, TextStyle{.color = true, .max_line_width = 40}).empty());
  const SourceDiagnostics all{&source, diagnostics};
  FUZZ_CHECK(render_json({&all, 1}).front() == '[');
}

}  // namespace tfq::fuzz
