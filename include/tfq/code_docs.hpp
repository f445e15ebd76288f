// The long explanation of every diagnostic code: what it means, an example and the fix.
// The text is docs/codes.md (one "## TFQnnn name" section per code), compiled into the library; it feeds
// `tfq explain-code` and the help of the SARIF rules.
#pragma once

#include <string_view>

#include "tfq/diagnostic.hpp"

namespace tfq {

struct CodeExplanation {
  std::string_view summary;   // the first paragraph: what the code means
  std::string_view markdown;  // the whole section below its heading: meaning, "Example:" and "Fix:"
};

// Empty views when docs/codes.md has no section for the code (a test makes sure every code has one).
CodeExplanation explain(Code code);

}  // namespace tfq
