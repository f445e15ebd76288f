// UTF-8 validation: first_invalid, which skips ASCII eight bytes at a time, against a character-by-character
// scan with decode() on texts that mix ASCII runs of every length with valid and invalid sequences.
#include "text/utf8.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>

namespace {

std::size_t first_invalid_by_decoding(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    const tfq::utf8::Decoded d = tfq::utf8::decode(text, at);
    if (d.problem != tfq::utf8::Problem::none) return at;
    at += d.length;
  }
  return text.size();
}

}  // namespace

TEST_CASE("first_invalid finds the first bad sequence wherever it sits among ASCII runs", "[utf8]") {
  const std::array<std::string_view, 10> pieces = {"a",
                                                   "0123456789abcdef",
                                                   "\xC3\xA9",          // é
                                                   "\xE2\x82\xAC",      // €
                                                   "\xF0\x9F\x98\x80",  // U+1F600
                                                   "\x80",              // a lone continuation byte
                                                   "\xC3",              // a truncated sequence
                                                   "\xED\xA0\x80",      // a surrogate
                                                   "\xC0\xAF",          // overlong
                                                   "\xFF"};
  std::mt19937 random(7);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int n = static_cast<int>(random() % 12); n > 0; --n) {
      // Mostly ASCII, so that invalid bytes land at every offset of an eight-byte block.
      const std::size_t pick = random() % 4 == 0 ? random() % pieces.size() : random() % 2;
      text += pieces[pick];
    }
    INFO(round);
    REQUIRE(tfq::utf8::first_invalid(text) == first_invalid_by_decoding(text));
  }
  CHECK(tfq::utf8::first_invalid("") == 0);
  CHECK(tfq::utf8::first_invalid("0123456789abcdef") == 16);
  CHECK(tfq::utf8::first_invalid("01234567\x80") == 8);
  CHECK(tfq::utf8::first_invalid("0123456\x80") == 7);
}
