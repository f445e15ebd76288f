// LIKE matching and the prefix ranges behind `x NOT LIKE 'abc%'` => `x < 'abc' OR x >= 'abd'`.
#include "optimize/like.hpp"

#include <cstdint>

#include "text/utf8.hpp"

namespace tfq::opt {
namespace {

// The length in bytes of the UTF-8 character starting at text[i]; 1 for a stray byte.
std::size_t char_length(std::string_view text, std::size_t i) {
  const utf8::Decoded d = utf8::decode(text, i);
  return d.problem == utf8::Problem::none ? d.length : 1;
}

// The code point of the character starting at text[i]; a stray byte's own value.
std::uint32_t code_point_at(std::string_view text, std::size_t i) {
  const utf8::Decoded d = utf8::decode(text, i);
  return d.problem == utf8::Problem::none ? static_cast<std::uint32_t>(d.code_point)
                                          : static_cast<unsigned char>(text[i]);
}

}  // namespace

bool like_has_wildcards(std::string_view pattern) {
  return pattern.find_first_of("%_") != std::string_view::npos;
}

bool like_matches(std::string_view value, std::string_view pattern) {
  std::size_t v = 0, p = 0;
  std::size_t star_p = std::string_view::npos, star_v = 0;  // the last `%` and where its match ends
  while (v < value.size()) {
    if (p < pattern.size() && pattern[p] == '%') {
      star_p = ++p;
      star_v = v;
    } else if (p < pattern.size() && pattern[p] == '_') {
      ++p;
      v += char_length(value, v);
    } else if (p < pattern.size() && pattern[p] == value[v]) {
      ++p;
      ++v;
    } else if (star_p != std::string_view::npos) {
      // Let the last `%` swallow one more character and retry from there.
      star_v += char_length(value, star_v);
      v = star_v;
      p = star_p;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

std::optional<std::string_view> like_prefix(std::string_view pattern) {
  if (pattern.empty() || pattern.back() != '%') return std::nullopt;
  const std::string_view prefix = pattern.substr(0, pattern.size() - 1);
  if (like_has_wildcards(prefix)) return std::nullopt;
  return prefix;
}

std::optional<std::string> prefix_upper_bound(std::string_view prefix) {
  std::string text(prefix);
  while (!text.empty()) {
    std::size_t start = 0, n = 0;
    for (std::size_t i = 0; i < text.size(); i += n) {
      start = i;
      n = char_length(text, i);
    }
    const std::uint32_t cp = code_point_at(text, start);
    text.resize(start);
    if (n == 1 && cp >= 0x80) {
      // A stray byte (never in checked input): increment it as a byte.
      if (cp == 0xFF) continue;
      text += static_cast<char>(cp + 1);
      return text;
    }
    if (cp == 0x10FFFF) continue;  // no greater code point: carry into the previous character
    utf8::append(text, cp == 0xD7FF ? 0xE000 : cp + 1);  // skip the surrogates, which UTF-8 cannot hold
    return text;
  }
  return std::nullopt;
}

}  // namespace tfq::opt
