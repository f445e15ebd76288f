// Strict UTF-8 decoding (RFC 3629) and encoding, shared by input validation, the JSON reader, the optimizer's
// LIKE ranges and the text renderer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tfq::utf8 {

enum class Problem : std::uint8_t {
  none,
  bad_lead_byte,  // 0x80-0xBF (a continuation byte with no lead), 0xC0, 0xC1, 0xF5-0xFF
  truncated,      // a lead byte not followed by enough continuation bytes
  overlong,       // a code point encoded with more bytes than it needs
  surrogate,      // U+D800-U+DFFF, which UTF-8 must not encode
  too_large,      // above U+10FFFF
};

struct Decoded {
  char32_t code_point = 0;   // U+FFFD when problem != none
  std::uint32_t length = 1;  // bytes consumed: the whole character, or the maximal invalid prefix (>= 1)
  Problem problem = Problem::none;
};

// Decodes the character that starts at text[at]; at must be < text.size().
Decoded decode(std::string_view text, std::size_t at);

// The position of the first invalid sequence, or text.size() when the whole text is valid.
std::size_t first_invalid(std::string_view text);

// Appends the UTF-8 encoding of a code point (at most U+10FFFF) to out.
void append(std::string& out, char32_t code_point);

}  // namespace tfq::utf8
