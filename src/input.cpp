// Input validation: the raw bytes must be small enough, free of NUL bytes and valid UTF-8 before parsing.
#include "tfq/input.hpp"

#include <cstdio>
#include <string>

#include "text/utf8.hpp"

namespace tfq {
namespace {

std::string hex_byte(char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(byte)));
  return buffer;
}

SourceRange bytes_at(std::size_t begin, std::size_t length) {
  return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(begin + length)};
}

// UTF-16 text shows itself by its byte order mark, or by a NUL in every other byte of ASCII text.
bool looks_like_utf16(std::string_view text) {
  if (text.starts_with("\xFF\xFE") || text.starts_with("\xFE\xFF")) return true;
  return text.size() >= 2 && (text[0] == '\0') != (text[1] == '\0');
}

std::string utf8_message(std::string_view text, std::size_t at, const utf8::Decoded& bad) {
  const std::string byte = hex_byte(text[at]);
  switch (bad.problem) {
    case utf8::Problem::bad_lead_byte: return "invalid UTF-8: unexpected continuation byte " + byte;
    case utf8::Problem::truncated: return "invalid UTF-8: incomplete character after lead byte " + byte;
    case utf8::Problem::overlong:
      return bad.length == 1 ? "invalid UTF-8: byte " + byte + " never appears in UTF-8"
                             : "invalid UTF-8: overlong encoding starting with byte " + byte;
    case utf8::Problem::surrogate: return "invalid UTF-8: encoded UTF-16 surrogate";
    case utf8::Problem::too_large:
      return bad.length == 1 ? "invalid UTF-8: byte " + byte + " never appears in UTF-8"
                             : "invalid UTF-8: code point beyond U+10FFFF";
    case utf8::Problem::none: break;
  }
  return "invalid UTF-8";
}

// Positioned at the first byte past the limit, so the echoed line shows where the limit falls.
Diagnostic report_too_large(std::size_t limit) {
  return make_diagnostic(Code::input_too_large, bytes_at(limit, 1),
                         "input is larger than the limit of " + std::to_string(limit) + " bytes");
}

Diagnostic report_nul_byte(std::string_view text, std::size_t at) {
  Diagnostic d = make_diagnostic(Code::nul_byte, bytes_at(at, 1), "input contains a NUL byte");
  d.help = looks_like_utf16(text) ? "the input looks like UTF-16: save it as UTF-8"
                                  : "a where clause is text: remove the NUL byte";
  return d;
}

Diagnostic report_invalid_utf8(std::string_view text, std::size_t at) {
  const utf8::Decoded bad = utf8::decode(text, at);
  Diagnostic d = make_diagnostic(Code::invalid_utf8, bytes_at(at, bad.length), utf8_message(text, at, bad));
  d.help = looks_like_utf16(text) ? "the input looks like UTF-16: save it as UTF-8"
                                  : "save the input as UTF-8 (it may be in Latin-1 or Windows-1252)";
  return d;
}

}  // namespace

std::vector<Diagnostic> validate_input(const Source& source, const Limits& limits) {
  const std::string_view text = source.text();
  if (text.size() > limits.max_bytes) return {report_too_large(limits.max_bytes)};

  std::vector<Diagnostic> found;
  const std::size_t nul = text.find('\0');
  const std::size_t invalid = utf8::first_invalid(text);
  if (nul != std::string_view::npos) found.push_back(report_nul_byte(text, nul));
  if (invalid != text.size()) found.push_back(report_invalid_utf8(text, invalid));
  // In reading order, whichever comes first.
  if (found.size() == 2 && found[1].range.begin < found[0].range.begin) std::swap(found[0], found[1]);
  return found;
}

SourceRange parse_range(const Source& source) {
  const std::string_view text = source.text();
  const std::uint32_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  return {begin, static_cast<std::uint32_t>(text.size())};
}

}  // namespace tfq
