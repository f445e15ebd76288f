// The one definition of a word byte, the bytes a field name or keyword is made of.
#pragma once

#include <array>

namespace tfq::text {

inline constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c)
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return table;
}();

// ASCII letter, digit or '_': what pegtl::identifier_other matches. Two tokens of these bytes written with
// nothing between them read as one word. A table, since the parser asks it twice for every string literal.
constexpr bool is_word_char(char c) {
  return kWordBytes[static_cast<unsigned char>(c)];
}

}  // namespace tfq::text
