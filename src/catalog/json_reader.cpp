// A recursive-descent JSON reader (RFC 8259) that records source ranges. Recursion follows nesting only,
// bounded by max_json_depth; arrays and objects of any length are loops.
#include "catalog/json_reader.hpp"

#include <algorithm>
#include <cstdio>

namespace tfq::detail {
namespace {

// Thrown inside the reader only; read_json turns it into the one diagnostic.
struct SyntaxError {
  std::uint32_t offset;
  std::string message;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
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

// The length of the valid UTF-8 sequence starting at text[i], or 0 when it is invalid.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
  if (lead == 0xE0 && byte(i + 1) < 0xA0) return 0;
  if (lead == 0xED && byte(i + 1) >= 0xA0) return 0;
  if (lead == 0xF0 && byte(i + 1) < 0x90) return 0;
  if (lead == 0xF4 && byte(i + 1) >= 0x90) return 0;
  return length;
}

class Reader {
 public:
  explicit Reader(const Source& source) : source_(source), text_(source.text()) {}

  JsonValue document() {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF")
      pos_ = 3;  // a UTF-8 byte order mark, which RFC 8259 lets readers skip
    skip_space();
    JsonValue value = read_value(0);
    skip_space();
    if (pos_ < text_.size()) fail("unexpected " + found() + " after the JSON document");
    return value;
  }

 private:
  const Source& source_;
  std::string_view text_;
  std::size_t pos_ = 0;

  [[noreturn]] void fail(std::string message) const { fail_at(pos_, std::move(message)); }
  [[noreturn]] void fail_at(std::size_t offset, std::string message) const {
    throw SyntaxError{static_cast<std::uint32_t>(offset), std::move(message)};
  }

  // The character at pos_ as a message fragment: "'x'", "the end of the file".
  std::string found() const {
    if (pos_ >= text_.size()) return "the end of the file";
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x20 || c >= 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return std::string("byte ") + hex;
    }
    return "'" + std::string(1, static_cast<char>(c)) + "'";
  }

  std::string position_of(std::size_t offset) const {
    const LineColumn lc = source_.line_column(static_cast<std::uint32_t>(offset));
    return std::to_string(lc.line) + ":" + std::to_string(lc.column);
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  SourceRange range_from(std::size_t begin) const {
    return {static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos_)};
  }

  JsonValue read_value(std::size_t depth) {
    if (pos_ >= text_.size()) fail("expected a JSON value, found the end of the file");
    const char c = text_[pos_];
    if (c == '{' || c == '[') {
      if (depth >= max_json_depth)
        fail("JSON nested deeper than " + std::to_string(max_json_depth) + " levels");
      return c == '{' ? read_object(depth + 1) : read_array(depth + 1);
    }
    if (c == '"') return read_string();
    if (c == '-' || is_digit(c)) return read_number();
    if (c == 't') return read_word("true", JsonValue::Kind::boolean, true);
    if (c == 'f') return read_word("false", JsonValue::Kind::boolean, false);
    if (c == 'n') return read_word("null", JsonValue::Kind::null, false);
    if (c == '\'') fail("JSON strings are written in double quotes");
    if (c == '/') fail("JSON has no comments");
    fail("expected a JSON value, found " + found());
  }

  JsonValue read_word(std::string_view word, JsonValue::Kind kind, bool boolean) {
    const std::size_t begin = pos_;
    if (text_.substr(pos_, word.size()) != word) fail("expected a JSON value, found " + found());
    pos_ += word.size();
    JsonValue value;
    value.kind = kind;
    value.boolean = boolean;
    value.range = range_from(begin);
    return value;
  }

  // number <- '-'? ('0' / [1-9][0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?
  JsonValue read_number() {
    const std::size_t begin = pos_;
    if (at('-')) ++pos_;
    if (at('0')) {
      ++pos_;
    } else if (pos_ < text_.size() && is_digit(text_[pos_])) {
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    } else {
      fail("expected a digit in a number, found " + found());
    }
    const auto digits = [&](const char* what) {
      if (pos_ >= text_.size() || !is_digit(text_[pos_]))
        fail(std::string("expected a digit ") + what + ", found " + found());
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    };
    if (at('.')) {
      ++pos_;
      digits("after the decimal point");
    }
    if (at('e') || at('E')) {
      ++pos_;
      if (at('+') || at('-')) ++pos_;
      digits("in the exponent");
    }
    JsonValue value;
    value.kind = JsonValue::Kind::number;
    value.range = range_from(begin);
    value.text = std::string(text_.substr(begin, pos_ - begin));
    return value;
  }

  std::uint32_t read_hex4() {
    std::uint32_t cp = 0;
    for (int k = 0; k < 4; ++k) {
      const int digit = pos_ < text_.size() ? hex_value(text_[pos_]) : -1;
      if (digit < 0) fail("expected 4 hexadecimal digits after \\u");
      cp = cp * 16 + static_cast<std::uint32_t>(digit);
      ++pos_;
    }
    return cp;
  }

  void read_escape(std::string& out) {
    const std::size_t backslash = pos_++;
    if (pos_ >= text_.size()) fail_at(backslash, "unterminated string");
    const char e = text_[pos_++];
    switch (e) {
      case '"': out += '"'; return;
      case '\\': out += '\\'; return;
      case '/': out += '/'; return;
      case 'b': out += '\b'; return;
      case 'f': out += '\f'; return;
      case 'n': out += '\n'; return;
      case 'r': out += '\r'; return;
      case 't': out += '\t'; return;
      case 'u': break;
      default: fail_at(backslash, "invalid escape '\\" + std::string(1, e) + "' in a string");
    }
    std::uint32_t cp = read_hex4();
    if (cp >= 0xDC00 && cp <= 0xDFFF) fail_at(backslash, "unpaired UTF-16 surrogate in a \\u escape");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (text_.substr(pos_, 2) != "\\u") fail_at(backslash, "unpaired UTF-16 surrogate in a \\u escape");
      pos_ += 2;
      const std::uint32_t low = read_hex4();
      if (low < 0xDC00 || low > 0xDFFF) fail_at(backslash, "unpaired UTF-16 surrogate in a \\u escape");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
  }

  JsonValue read_string() {
    const std::size_t begin = pos_++;
    JsonValue value;
    value.kind = JsonValue::Kind::string;
    for (;;) {
      if (pos_ >= text_.size()) fail_at(begin, "unterminated string");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') break;
      if (c == '\\') {
        read_escape(value.text);
      } else if (c < 0x20) {
        fail(c == '\n' ? "unterminated string (a newline must be written \\n)"
                       : "control character in a string (write it as a \\u escape)");
      } else if (c < 0x80) {
        value.text += static_cast<char>(c);
        ++pos_;
      } else {
        const std::size_t length = utf8_sequence_length(text_, pos_);
        if (length == 0) fail("invalid UTF-8 in a string");
        value.text.append(text_.substr(pos_, length));
        pos_ += length;
      }
    }
    ++pos_;
    value.range = range_from(begin);
    return value;
  }

  JsonValue read_array(std::size_t depth) {
    const std::size_t begin = pos_++;
    JsonValue value;
    value.kind = JsonValue::Kind::array;
    skip_space();
    if (!at(']')) {
      for (;;) {
        value.items.push_back(read_value(depth));
        skip_space();
        if (at(']')) break;
        if (!at(','))
          fail("expected ',' or ']' to close the array opened at " + position_of(begin) + ", found " +
               found());
        ++pos_;
        skip_space();
        if (at(']')) fail("a trailing comma is not allowed in JSON");
      }
    }
    ++pos_;
    value.range = range_from(begin);
    return value;
  }

  JsonValue read_object(std::size_t depth) {
    const std::size_t begin = pos_++;
    JsonValue value;
    value.kind = JsonValue::Kind::object;
    skip_space();
    if (!at('}')) {
      for (;;) {
        if (at('}')) fail("a trailing comma is not allowed in JSON");
        if (!at('"')) fail("expected a member name in double quotes, found " + found());
        JsonMember member;
        JsonValue key = read_string();
        member.key = std::move(key.text);
        member.key_range = key.range;
        skip_space();
        if (!at(':')) fail("expected ':' after the member name, found " + found());
        ++pos_;
        skip_space();
        member.value = read_value(depth);
        value.members.push_back(std::move(member));
        skip_space();
        if (at('}')) break;
        if (!at(','))
          fail("expected ',' or '}' to close the object opened at " + position_of(begin) + ", found " +
               found());
        ++pos_;
        skip_space();
      }
    }
    ++pos_;
    value.range = range_from(begin);
    return value;
  }
};

}  // namespace

std::string_view describe(JsonValue::Kind kind) {
  switch (kind) {
    case JsonValue::Kind::null: return "null";
    case JsonValue::Kind::boolean: return "a boolean";
    case JsonValue::Kind::number: return "a number";
    case JsonValue::Kind::string: return "a string";
    case JsonValue::Kind::array: return "an array";
    case JsonValue::Kind::object: return "an object";
  }
  return "a value";
}

std::optional<JsonValue> read_json(const Source& source, std::vector<Diagnostic>& diagnostics) {
  try {
    return Reader(source).document();
  } catch (const SyntaxError& error) {
    // The range covers the offending character (all its bytes), or is empty at the end of the file.
    std::uint32_t end = error.offset;
    if (end < source.text().size())
      end += static_cast<std::uint32_t>(std::max<std::size_t>(1, utf8_sequence_length(source.text(), end)));
    diagnostics.push_back(make_diagnostic(Code::catalog_syntax_error, {error.offset, end}, error.message));
    return std::nullopt;
  }
}

}  // namespace tfq::detail
