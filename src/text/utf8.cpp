// Strict UTF-8 decoding: one character at a time, with the reason when the bytes are not UTF-8.
#include "text/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace tfq::utf8 {
namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

}  // namespace

Decoded decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {lead, 1, Problem::none};

  std::uint32_t length = 0;
  char32_t code_point = 0;
  char32_t smallest = 0;  // the smallest code point that needs this many bytes
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, code_point = lead & 0x1F, smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, code_point = lead & 0x0F, smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, code_point = lead & 0x07, smallest = 0x10000;
  } else {
    // C0 and C1 could only start overlong encodings of ASCII; F5-FF would encode beyond U+10FFFF.
    const Problem problem = lead == 0xC0 || lead == 0xC1 ? Problem::overlong
                            : lead >= 0xF5               ? Problem::too_large
                                                         : Problem::bad_lead_byte;
    return {U'\uFFFD', 1, problem};
  }

  std::uint32_t consumed = 1;
  while (consumed < length) {
    if (at + consumed >= text.size() || !is_continuation(static_cast<unsigned char>(text[at + consumed]))) {
      return {U'\uFFFD', consumed, Problem::truncated};
    }
    code_point = (code_point << 6) | (static_cast<unsigned char>(text[at + consumed]) & 0x3F);
    ++consumed;
  }
  if (code_point < smallest) return {U'\uFFFD', length, Problem::overlong};
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return {U'\uFFFD', length, Problem::surrogate};
  if (code_point > 0x10FFFF) return {U'\uFFFD', length, Problem::too_large};
  return {code_point, length, Problem::none};
}

std::size_t first_invalid(std::string_view text) {
  std::size_t at = 0;
  while (at < text.size()) {
    // ASCII runs are the common case: skip them without decoding, eight bytes at a time.
    std::uint64_t eight = 0;
    if (text.size() - at >= sizeof eight) {
      std::memcpy(&eight, text.data() + at, sizeof eight);
      if ((eight & 0x8080808080808080ULL) == 0) {
        at += sizeof eight;
        continue;
      }
    }
    if (static_cast<unsigned char>(text[at]) < 0x80) {
      ++at;
      continue;
    }
    const Decoded d = decode(text, at);
    if (d.problem != Problem::none) return at;
    at += d.length;
  }
  return text.size();
}

void append(std::string& out, char32_t code_point) {
  const auto byte = [&](std::uint32_t value) { out.push_back(static_cast<char>(value)); };
  const auto cp = static_cast<std::uint32_t>(code_point);
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}

}  // namespace tfq::utf8
