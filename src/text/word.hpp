// The one definition of a word byte, the bytes a field name or keyword is made of.
#pragma once

namespace tfq::text {

// ASCII letter, digit or '_': what pegtl::identifier_other matches. Two tokens of these bytes written with
// nothing between them read as one word.
constexpr bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace tfq::text
