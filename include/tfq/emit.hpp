// The emitter: a request as the canonical JSON body the server takes.
#pragma once

#include <string>

#include "tfq/request.hpp"

namespace tfq {

enum class Layout : std::uint8_t {
  pretty,   // indented by 2 spaces, one array element per line, with a trailing newline
  compact,  // one line, no spaces, no trailing newline
};

// Keys in the order fields, metrics, usageCategory, where, downloadFileName; absent or empty parts are
// omitted; names keep their order (fields and metrics are the CSV's columns). Same request, same bytes.
std::string emit_body(const Request& request, Layout layout);

}  // namespace tfq
