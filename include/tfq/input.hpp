// The checks every input goes through before it is parsed: its size, NUL bytes and UTF-8.
// Reading files is the caller's job: a file that cannot be read is an I/O error, not a diagnostic.
#pragma once

#include <cstddef>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/limits.hpp"
#include "tfq/source.hpp"

namespace tfq {

// Every problem with the raw text, each positioned at the offending bytes: the input being larger than
// limits.max_bytes (then nothing else is checked), the first NUL byte, the first invalid UTF-8 sequence.
// An empty result means the text can be handed to the parser.
std::vector<Diagnostic> validate_input(const Source& source, const Limits& limits = {});

// The part of the text to parse: all of it, less a leading UTF-8 byte order mark (some editors write one).
SourceRange parse_range(const Source& source);

}  // namespace tfq
