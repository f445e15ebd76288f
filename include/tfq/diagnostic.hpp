// A diagnostic is data: a stable code, a severity, a message, ranges, help and fix-its.
// Rendering lives elsewhere (render.hpp); every code is listed once, in include/tfq/codes/*.def.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/source.hpp"

namespace tfq {

enum class Severity : std::uint8_t { error, warning, note };

std::string_view to_string(Severity severity);

// TFQ_DIAGNOSTIC(name, "TFQnnn", default severity, "short description")
enum class Code : std::uint16_t {
#define TFQ_DIAGNOSTIC(name, id, severity, summary) name,
#include "tfq/codes/all.def"
#undef TFQ_DIAGNOSTIC
};

struct CodeInfo {
  Code code;
  std::string_view id;       // "TFQ201": stable, documented, never reused
  std::string_view name;     // "unknown_field"
  Severity severity;         // the default severity
  std::string_view summary;  // one line, for rule tables (SARIF, README)
};

const CodeInfo& info(Code code);
std::span<const CodeInfo> all_codes();
// Looks a code up by its id ("TFQ201") or name ("unknown_field"); nullptr when there is none.
const CodeInfo* find_code(std::string_view id_or_name);

// A secondary range with its own short message ("conflicts with this").
struct Label {
  SourceRange range;
  std::string message;
};

// Replace the text at range with replacement. Fix-its of one diagnostic never overlap.
struct FixIt {
  SourceRange range;
  std::string replacement;
};

struct Diagnostic {
  Code code{};
  Severity severity = Severity::error;
  std::string message;  // lower case, no final period
  SourceRange range;    // the primary range
  std::vector<Label> labels;
  std::vector<std::string> notes;
  std::string help;  // "did you mean 'userName'?"; empty when there is none
  std::vector<FixIt> fixes;
};

// A diagnostic with the code's default severity.
Diagnostic make_diagnostic(Code code, SourceRange range, std::string message);

bool has_errors(std::span<const Diagnostic> diagnostics);

}  // namespace tfq
