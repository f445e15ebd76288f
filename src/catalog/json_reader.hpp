// A small JSON reader that keeps the source range of every value and key, so that catalog problems are
// reported at their exact position (nlohmann/json 3.11 knows positions only for syntax errors).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::detail {

struct JsonMember;

struct JsonValue {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  SourceRange range;  // the whole value, quotes and brackets included
  bool boolean = false;
  std::string text;  // string: the decoded value; number: the literal as written
  std::vector<JsonValue> items;
  std::vector<JsonMember> members;  // in document order; duplicates are kept for the caller to report
};

struct JsonMember {
  std::string key;
  SourceRange key_range;
  JsonValue value;
};

// "a string", "an array", ...: for messages such as "expected an array, found a string".
std::string_view describe(JsonValue::Kind kind);

// The deepest nesting of arrays and objects accepted (a catalog needs 3).
inline constexpr std::size_t max_json_depth = 64;

// Parses the whole text of `source` as one JSON value. On a syntax error: nullopt and one
// catalog_syntax_error diagnostic at the offending character.
std::optional<JsonValue> read_json(const Source& source, std::vector<Diagnostic>& diagnostics);

}  // namespace tfq::detail
