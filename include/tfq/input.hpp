// The checks every input goes through before it is parsed: its size, NUL bytes and UTF-8.
// Reading files is the caller's job: a file that cannot be read is an I/O error, not a diagnostic.
#pragma once

#include <cstddef>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq {

// 1 MiB holds a where clause of well over 100,000 terms, far beyond anything the server accepts.
inline constexpr std::size_t default_max_input_bytes = std::size_t{1} << 20;

struct InputLimits {
  std::size_t max_bytes = default_max_input_bytes;
};

// Every problem with the raw text, each positioned at the offending bytes: the input being larger than
// the limit (then nothing else is checked), the first NUL byte, the first invalid UTF-8 sequence.
// An empty result means the text can be handed to the parser.
std::vector<Diagnostic> validate_input(const Source& source, const InputLimits& limits = {});

// The part of the text to parse: all of it, less a leading UTF-8 byte order mark (some editors write one).
SourceRange parse_range(const Source& source);

}  // namespace tfq
