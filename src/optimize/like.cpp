// LIKE matching and the prefix ranges behind `x NOT LIKE 'abc%'` => `x < 'abc' OR x >= 'abd'`.
#include "optimize/like.hpp"

#include <cstdint>

namespace tfq::opt {
namespace {

// The length in bytes of the UTF-8 sequence starting at text[i]; 1 for a stray byte.
std::size_t char_length(std::string_view text, std::size_t i) {
  const auto lead = static_cast<unsigned char>(text[i]);
  std::size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) return 1;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return 1;
  }
  return n;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::uint32_t decode(std::string_view text, std::size_t i, std::size_t n) {
  const auto byte = [&](std::size_t k) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(text[i + k]));
  };
  if (n == 1) return byte(0);
  std::uint32_t cp = byte(0) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  return cp;
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

std::optional<std::string> like_prefix(std::string_view pattern) {
  if (pattern.empty() || pattern.back() != '%') return std::nullopt;
  const std::string_view prefix = pattern.substr(0, pattern.size() - 1);
  if (like_has_wildcards(prefix)) return std::nullopt;
  return std::string(prefix);
}

std::optional<std::string> prefix_upper_bound(std::string_view prefix) {
  std::string text(prefix);
  while (!text.empty()) {
    std::size_t start = 0, n = 0;
    for (std::size_t i = 0; i < text.size(); i += n) {
      start = i;
      n = char_length(text, i);
    }
    const std::uint32_t cp = decode(text, start, n);
    text.resize(start);
    if (n == 1 && cp >= 0x80) {
      // A stray byte (never in checked input): increment it as a byte.
      if (cp == 0xFF) continue;
      text += static_cast<char>(cp + 1);
      return text;
    }
    if (cp == 0x10FFFF) continue;  // no greater code point: carry into the previous character
    append_utf8(text, cp == 0xD7FF ? 0xE000 : cp + 1);  // skip the surrogates, which UTF-8 cannot hold
    return text;
  }
  return std::nullopt;
}

}  // namespace tfq::opt
