// Renderers turn diagnostics into text for people (Clang/rustc style) or for machines.
#pragma once

#include <span>
#include <string>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

struct TextStyle {
  bool color = false;  // ANSI colours; the CLI sets it only on a TTY and never with NO_COLOR
};

// file:line:col: error[TFQ200]: message, the source line, ^~~~ under the range, labels, notes, help.
std::string render_text(const Source& source, const Diagnostic& diagnostic, const TextStyle& style = {});

}  // namespace tfq
