// Recursive-descent JSON reader with byte positions. Recursion follows nesting depth only, and depth is
// bounded; every error stops the read (JSON errors cascade) and is reported once, at its byte.
#include "json/reader.hpp"

#include <algorithm>

#include "text/utf8.hpp"

namespace tfq::json {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class Reader {
 public:
  Reader(const Source& source, std::size_t max_depth) : text_(source.text()), max_depth_(max_depth) {}

  ReadResult run() {
    ReadResult result;
    // Callers run validate_input first; this keeps the reader safe on its own.
    if (const auto bad = static_cast<std::uint32_t>(utf8::first_invalid(text_)); bad < size()) {
      result.diagnostics.push_back(make_diagnostic(Code::invalid_utf8, {bad, bad + 1}, "invalid UTF-8"));
      return result;
    }
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    Value value;
    if (parse_value(value, 0)) {
      skip_space();
      if (pos_ < text_.size())
        fail(Code::json_syntax, "unexpected " + describe_here() + " after the JSON value");
    }
    if (error_) {
      result.diagnostics.push_back(std::move(*error_));
    } else {
      result.value = std::move(value);
    }
    return result;
  }

 private:
  std::string_view text_;
  std::size_t max_depth_;
  std::uint32_t pos_ = 0;
  std::optional<Diagnostic> error_;

  std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }
  bool at_end() const { return pos_ >= size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  bool fail(Code code, std::string message, SourceRange range) {
    if (!error_) error_ = make_diagnostic(code, range, std::move(message));
    return false;
  }
  bool fail(Code code, std::string message) {
    return fail(code, std::move(message), {pos_, std::min(pos_ + char_length(), size())});
  }
  std::uint32_t char_length() const { return at_end() ? 0 : utf8::decode(text_, pos_).length; }

  // Labels the error with the bracket that a missing ',' or closing bracket belongs to; returns false.
  bool opened_here(const Value& value, const char* label) {
    if (error_) error_->labels.push_back({{value.range.begin, value.range.begin + 1}, label});
    return false;
  }

  std::string describe_here() const {
    if (at_end()) return "the end of the file";
    return "'" + std::string(text_.substr(pos_, char_length())) + "'";
  }

  void skip_space() {
    while (!at_end() && is_space(text_[pos_])) ++pos_;
  }

  bool parse_value(Value& value, std::size_t depth) {
    skip_space();
    value.range.begin = pos_;
    bool ok = false;
    switch (peek()) {
      case '{': ok = nested(depth) && parse_object(value, depth + 1); break;
      case '[': ok = nested(depth) && parse_array(value, depth + 1); break;
      case '"': ok = parse_string(value); break;
      case 't': ok = parse_literal(value, "true", Value::Kind::boolean); break;
      case 'f': ok = parse_literal(value, "false", Value::Kind::boolean); break;
      case 'n': ok = parse_literal(value, "null", Value::Kind::null); break;
      default:
        if (peek() == '-' || is_digit(peek())) {
          ok = parse_number(value);
        } else {
          ok = unexpected_instead_of_value();
        }
    }
    value.range.end = pos_;
    return ok;
  }

  bool nested(std::size_t depth) {
    if (depth < max_depth_) return true;
    return fail(Code::json_too_deep, "JSON nested too deeply (limit is " + std::to_string(max_depth_) + ")");
  }

  bool unexpected_instead_of_value() {
    if (peek() == '\'') return fail(Code::json_syntax, "JSON strings take double quotes, not single quotes");
    if (text_.substr(pos_).starts_with("//") || text_.substr(pos_).starts_with("/*")) {
      return fail(Code::json_syntax, "JSON does not allow comments");
    }
    return fail(Code::json_syntax, "expected a JSON value, found " + describe_here());
  }

  bool parse_literal(Value& value, std::string_view word, Value::Kind kind) {
    if (!text_.substr(pos_).starts_with(word)) return unexpected_instead_of_value();
    pos_ += static_cast<std::uint32_t>(word.size());
    value.kind = kind;
    value.text = word;
    return true;
  }

  // number <- '-'? ('0' / [1-9][0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?
  bool parse_number(Value& value) {
    const std::uint32_t begin = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (is_digit(peek())) return fail(Code::json_syntax, "JSON numbers do not take leading zeros");
    } else if (!digits()) {
      return fail(Code::json_syntax, "expected a digit after '-'");
    }
    if (peek() == '.') {
      ++pos_;
      if (!digits()) return fail(Code::json_syntax, "expected a digit after the decimal point");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return fail(Code::json_syntax, "expected a digit in the exponent");
    }
    value.kind = Value::Kind::number;
    value.text = text_.substr(begin, pos_ - begin);
    return true;
  }

  bool digits() {
    const std::uint32_t begin = pos_;
    while (is_digit(peek())) ++pos_;
    return pos_ > begin;
  }

  // string <- '"' (unescaped / '\' escape)* '"'
  bool parse_string(Value& value) {
    const std::uint32_t open = pos_++;
    value.kind = Value::Kind::string;
    while (true) {
      if (at_end()) return fail(Code::json_syntax, "unterminated string", {open, open + 1});
      const char c = text_[pos_];
      if (c == '"') break;
      if (static_cast<unsigned char>(c) < 0x20) {
        return fail(Code::json_syntax,
                    "control character in a string: write it as an escape such as \\n or \\u001f");
      }
      if (c == '\\') {
        if (!parse_escape(value)) return false;
        continue;
      }
      append_run(value);
    }
    value.origins.push_back(pos_);
    ++pos_;
    return true;
  }

  // Copies the run of characters at pos_ that need no decoding, up to a quote, a backslash or a control
  // character, in one piece. The text is valid UTF-8 (run() checked it), so a continuation byte takes the
  // origin of the byte that starts its character.
  void append_run(Value& value) {
    const std::uint32_t begin = pos_;
    std::uint32_t character = pos_;
    for (; pos_ < size(); ++pos_) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == '"' || byte == '\\' || byte < 0x20) break;
      if ((byte & 0xC0) != 0x80) character = pos_;
      value.origins.push_back(character);
    }
    value.text.append(text_.substr(begin, pos_ - begin));
  }

  bool parse_escape(Value& value) {
    const std::uint32_t begin = pos_++;
    const char c = peek();
    char simple = 0;
    switch (c) {
      case '"': simple = '"'; break;
      case '\\': simple = '\\'; break;
      case '/': simple = '/'; break;
      case 'b': simple = '\b'; break;
      case 'f': simple = '\f'; break;
      case 'n': simple = '\n'; break;
      case 'r': simple = '\r'; break;
      case 't': simple = '\t'; break;
      case 'u': return parse_unicode_escape(value, begin);
      default:
        return fail(Code::json_syntax,
                    "invalid escape '\\" + std::string(text_.substr(pos_, char_length())) + "' in a string",
                    {begin, std::min(pos_ + char_length(), size())});
    }
    ++pos_;
    value.text.push_back(simple);
    value.origins.push_back(begin);
    return true;
  }

  bool read_hex4(std::uint32_t escape_begin, std::uint32_t& code) {
    code = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_value(peek());
      if (digit < 0) {
        return fail(Code::json_syntax, "expected 4 hex digits after \\u",
                    {escape_begin, std::min(pos_ + 1, size())});
      }
      code = code * 16 + static_cast<std::uint32_t>(digit);
      ++pos_;
    }
    return true;
  }

  // \uXXXX, with a UTF-16 surrogate pair spelled as two escapes
  bool parse_unicode_escape(Value& value, std::uint32_t begin) {
    ++pos_;
    std::uint32_t code = 0;
    if (!read_hex4(begin, code)) return false;
    if (code >= 0xDC00 && code <= 0xDFFF) {
      return fail(Code::json_syntax, "lone low surrogate in a \\u escape", {begin, pos_});
    }
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (!text_.substr(pos_).starts_with("\\u")) {
        return fail(Code::json_syntax, "high surrogate not followed by a low surrogate escape",
                    {begin, pos_});
      }
      const std::uint32_t second = pos_;
      pos_ += 2;
      std::uint32_t low = 0;
      if (!read_hex4(second, low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) {
        return fail(Code::json_syntax, "high surrogate not followed by a low surrogate escape",
                    {begin, pos_});
      }
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    const std::size_t before = value.text.size();
    utf8::append(value.text, code);
    value.origins.insert(value.origins.end(), value.text.size() - before, begin);
    return true;
  }

  // array <- '[' (value (',' value)*)? ']'
  bool parse_array(Value& value, std::size_t depth) {
    value.kind = Value::Kind::array;
    ++pos_;
    skip_space();
    if (peek() == ']') return ++pos_, true;
    while (true) {
      Value& item = value.items.emplace_back();
      if (!parse_value(item, depth)) return false;
      skip_space();
      if (peek() == ']') return ++pos_, true;
      if (peek() != ',') {
        fail(Code::json_syntax, "expected ',' or ']' after an array element, found " + describe_here());
        return opened_here(value, "the array opened here");
      }
      const std::uint32_t comma = pos_++;
      skip_space();
      if (peek() == ']')
        return fail(Code::json_syntax, "JSON does not allow a trailing comma", {comma, comma + 1});
    }
  }

  // object <- '{' (member (',' member)*)? '}'    member <- string ':' value
  bool parse_object(Value& value, std::size_t depth) {
    value.kind = Value::Kind::object;
    ++pos_;
    skip_space();
    if (peek() == '}') return ++pos_, true;
    while (true) {
      skip_space();
      if (peek() != '"') {
        if (peek() == '\'') return fail(Code::json_syntax, "JSON keys take double quotes, not single quotes");
        return fail(Code::json_syntax, "expected a key in double quotes, found " + describe_here());
      }
      Member& member = value.members.emplace_back();
      Value key;
      key.range.begin = pos_;
      if (!parse_string(key)) return false;
      member.key = std::move(key.text);
      member.key_range = {key.range.begin, pos_};
      skip_space();
      if (peek() != ':')
        return fail(Code::json_syntax, "expected ':' after the key, found " + describe_here());
      ++pos_;
      if (!parse_value(member.value, depth)) return false;
      skip_space();
      if (peek() == '}') return ++pos_, true;
      if (peek() != ',') {
        fail(Code::json_syntax, "expected ',' or '}' after an object member, found " + describe_here());
        return opened_here(value, "the object opened here");
      }
      const std::uint32_t comma = pos_++;
      skip_space();
      if (peek() == '}')
        return fail(Code::json_syntax, "JSON does not allow a trailing comma", {comma, comma + 1});
    }
  }
};

}  // namespace

std::string_view to_string(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::null: return "null";
    case Value::Kind::boolean: return "a boolean";
    case Value::Kind::number: return "a number";
    case Value::Kind::string: return "a string";
    case Value::Kind::array: return "an array";
    case Value::Kind::object: return "an object";
  }
  return "a value";
}

SourceRange source_range(const Value& string_value, SourceRange decoded) {
  const auto& origins = string_value.origins;
  if (origins.empty()) return string_value.range;
  const auto last = static_cast<std::uint32_t>(origins.size() - 1);
  const std::uint32_t begin = origins[std::min(decoded.begin, last)];
  // The end maps to where the character after the range starts, so an escape is covered whole.
  std::uint32_t end = origins[std::min(decoded.end, last)];
  if (decoded.end > decoded.begin) {
    // Bytes of one multi-byte character share an origin; move past the range's last character.
    std::uint32_t i = decoded.end;
    while (i < last && origins[i] == origins[decoded.end - 1]) ++i;
    end = origins[i];
  }
  return {begin, std::max(begin, end)};
}

ReadResult read(const Source& source, std::size_t max_depth) {
  return Reader(source, max_depth).run();
}

}  // namespace tfq::json
