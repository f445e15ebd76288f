// UTF-8 helpers for the JSON reader: validation, sequence length and encoding.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tfq::json {

// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points over U+10FFFF are ill-formed); nullopt when all is well.
std::optional<std::uint32_t> first_invalid_utf8(std::string_view text);

// The length of the sequence a (valid) lead byte starts.
std::uint32_t utf8_length(unsigned char lead);

std::string encode_utf8(std::uint32_t code_point);

}  // namespace tfq::json
