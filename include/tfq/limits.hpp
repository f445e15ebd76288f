// Caps on every dimension of the input. Each default admits any realistic input (and the benchmark's
// scaling inputs) while bounding time and memory; each can be changed (the CLI's --max-* flags), and an
// input over a cap gets a diagnostic naming the cap, never a crash, a stack overflow or a hang.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tfq {

struct Limits {
  // Bytes of one input: a file, a --where argument, stdin (TFQ003). Checked before anything is parsed.
  std::size_t max_bytes = std::size_t{16} << 20;
  // Nesting of parentheses and NOT in a where clause (TFQ101). Every pass recurses only along nesting,
  // so this bounds the stack of all of them.
  std::size_t max_depth = 256;
  // Predicates (comparisons, LIKE, IN, BETWEEN) in one where clause (TFQ010).
  std::size_t max_predicates = 1'000'000;
  // Values in one IN list (TFQ011).
  std::size_t max_in_list = 100'000;
  // Statements (requests) in one query file (TFQ012).
  std::size_t max_statements = 10'000;
  // Names in the fields plus metrics of one request (TFQ013).
  std::size_t max_fields = 1'000;
};

// Source ranges are 32-bit byte offsets, so no input may be larger than this, whatever max_bytes says.
inline constexpr std::size_t max_bytes_ceiling = UINT32_MAX;
// Every pass recurses once per nesting level; the parser never nests deeper than this, whatever max_depth
// says, which keeps all of them far below the stack size (with sanitizers too).
inline constexpr std::size_t max_depth_ceiling = 1000;

}  // namespace tfq
