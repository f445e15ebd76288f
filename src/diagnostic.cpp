// The table of all diagnostic codes, built from include/tfq/codes/*.def.
#include "tfq/diagnostic.hpp"

#include <algorithm>
#include <array>

namespace tfq {
namespace {

constexpr std::array kCodes = {
#define TFQ_DIAGNOSTIC(name, id, severity, summary) CodeInfo{Code::name, id, #name, severity, summary},
#include "tfq/codes/all.def"
#undef TFQ_DIAGNOSTIC
};

}  // namespace

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::note: return "note";
  }
  return "error";
}

const CodeInfo& info(Code code) {
  return kCodes[static_cast<std::size_t>(code)];
}

std::span<const CodeInfo> all_codes() {
  return kCodes;
}

const CodeInfo* find_code(std::string_view id_or_name) {
  auto it = std::find_if(kCodes.begin(), kCodes.end(),
                         [&](const CodeInfo& c) { return c.id == id_or_name || c.name == id_or_name; });
  return it == kCodes.end() ? nullptr : &*it;
}

Diagnostic make_diagnostic(Code code, SourceRange range, std::string message) {
  Diagnostic d;
  d.code = code;
  d.severity = info(code).severity;
  d.range = range;
  d.message = std::move(message);
  return d;
}

bool has_errors(std::span<const Diagnostic> diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

}  // namespace tfq
