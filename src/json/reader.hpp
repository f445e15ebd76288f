// A JSON reader that keeps the byte range of every value and key, and where each decoded string byte
// came from, so that request-body diagnostics (including those inside a `where` string) point into the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::json {

struct Member;

struct Value {
  enum class Kind : std::uint8_t { null, boolean, number, string, array, object };
  Kind kind = Kind::null;
  SourceRange range;  // the whole value: quotes, brackets and braces included
  // string: the decoded text; number: the digits as written; boolean: "true" or "false"
  std::string text;
  // string: for each byte of `text`, the offset in the source where its character (or escape) starts,
  // plus one last entry for the closing quote; so a range in `text` maps back to the file
  std::vector<std::uint32_t> origins;
  std::vector<Value> items;     // array
  std::vector<Member> members;  // object, in source order, duplicates kept
};

struct Member {
  std::string key;
  SourceRange key_range;  // quotes included
  Value value;
};

std::string_view to_string(Value::Kind kind);

// Maps a range of a string value's decoded text back to the source.
SourceRange source_range(const Value& string_value, SourceRange decoded);

struct ReadResult {
  std::optional<Value> value;  // absent after any error
  std::vector<Diagnostic> diagnostics;
};

// Reads one JSON document (RFC 8259; a UTF-8 byte-order mark is skipped). Never throws for bad input;
// nesting deeper than max_depth is an error, which bounds the recursion.
ReadResult read(const Source& source, std::size_t max_depth = 64);

}  // namespace tfq::json
