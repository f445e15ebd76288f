// The position-tracking JSON reader: ranges of keys and values, decoded strings mapped back through escapes,
// positioned errors, and agreement with nlohmann's parser on what is valid JSON.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "json/reader.hpp"

using tfq::Code;
using tfq::Source;
using tfq::SourceRange;
using tfq::json::Value;

namespace {

std::string slice(const std::string& text, SourceRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

}  // namespace

TEST_CASE("json reader keeps the range of every key and value", "[json]") {
  const std::string text = R"({ "fields": ["userName", "productName"], "where": "contractYear = 1" })";
  const auto read = tfq::json::read(Source("b.json", text));
  REQUIRE(read.diagnostics.empty());
  REQUIRE(read.value);
  const Value& root = *read.value;
  CHECK(root.kind == Value::Kind::object);
  CHECK(root.range == SourceRange{0, static_cast<std::uint32_t>(text.size())});
  REQUIRE(root.members.size() == 2);
  CHECK(root.members[0].key == "fields");
  CHECK(slice(text, root.members[0].key_range) == "\"fields\"");
  const Value& fields = root.members[0].value;
  CHECK(slice(text, fields.range) == R"(["userName", "productName"])");
  REQUIRE(fields.items.size() == 2);
  CHECK(fields.items[1].text == "productName");
  CHECK(slice(text, fields.items[1].range) == "\"productName\"");
  CHECK(slice(text, root.members[1].value.range) == "\"contractYear = 1\"");
}

TEST_CASE("json reader maps a range of a decoded string back over escapes", "[json]") {
  // where: userName = 'a"b' AND x = 'é'   written with \" and \u00e9 escapes
  const std::string text = R"({"where": "userName = 'a\"b' AND x = '\u00e9'"})";
  const auto read = tfq::json::read(Source("b.json", text));
  REQUIRE(read.value);
  const Value& where = read.value->members[0].value;
  CHECK(where.text == "userName = 'a\"b' AND x = '\xC3\xA9'");
  // The literal 'a"b' is decoded bytes [11, 16); in the file it spans the escape \" as well.
  CHECK(slice(text, tfq::json::source_range(where, {11, 16})) == R"('a\"b')");
  // 'é' is three decoded characters (four bytes) but ten bytes of the file.
  const auto e = where.text.find("'\xC3\xA9'");
  CHECK(slice(text, tfq::json::source_range(where, {static_cast<std::uint32_t>(e),
                                                    static_cast<std::uint32_t>(e + 4)})) == R"('\u00e9')");
  // The end of the text maps to the closing quote.
  const auto end = static_cast<std::uint32_t>(where.text.size());
  CHECK(tfq::json::source_range(where, {end, end}).begin == text.size() - 2);
}

TEST_CASE("json reader decodes surrogate pairs and every simple escape", "[json]") {
  const auto read = tfq::json::read(Source("b.json", R"(["\ud83d\ude00", "\b\f\n\r\t\/\\\""])"));
  REQUIRE(read.value);
  CHECK(read.value->items[0].text == "\xF0\x9F\x98\x80");
  CHECK(read.value->items[1].text == "\b\f\n\r\t/\\\"");
}

TEST_CASE("json reader reports each kind of malformed JSON at its byte", "[json]") {
  struct Case {
    std::string text;
    SourceRange range;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", {0, 0}, "expected a JSON value, found the end of the file"},
      {R"({"fields": ["a",]})", {15, 16}, "JSON does not allow a trailing comma"},
      {R"({"fields": ["a"],})", {16, 17}, "JSON does not allow a trailing comma"},
      {R"({'fields': []})", {1, 2}, "JSON keys take double quotes, not single quotes"},
      {R"({"fields": ['a']})", {12, 13}, "JSON strings take double quotes, not single quotes"},
      {"{ // note\n}", {2, 3}, "expected a key in double quotes, found '/'"},
      {"[1, // note\n 2]", {4, 5}, "JSON does not allow comments"},
      {R"({"fields": ["a"] "metrics": []})",
       {17, 18},
       "expected ',' or '}' after an object member, found '\"'"},
      {R"({"fields" ["a"]})", {10, 11}, "expected ':' after the key, found '['"},
      {R"(["a" "b"])", {5, 6}, "expected ',' or ']' after an array element, found '\"'"},
      {R"({"where": "x = 1)", {10, 11}, "unterminated string"},
      {"[\"a\tb\"]", {3, 4}, "control character in a string: write it as an escape such as \\n or \\u001f"},
      {R"(["\x"])", {2, 4}, "invalid escape '\\x' in a string"},
      {R"(["\u12"])", {2, 7}, "expected 4 hex digits after \\u"},
      {R"(["\udc00"])", {2, 8}, "lone low surrogate in a \\u escape"},
      {R"(["\ud800x"])", {2, 8}, "high surrogate not followed by a low surrogate escape"},
      {"[012]", {2, 3}, "JSON numbers do not take leading zeros"},
      {"[1.]", {3, 4}, "expected a digit after the decimal point"},
      {"[-]", {2, 3}, "expected a digit after '-'"},
      {"[tru]", {1, 2}, "expected a JSON value, found 't'"},
      {"{} x", {3, 4}, "unexpected 'x' after the JSON value"},
      {"[\"é\" ü]", {6, 8}, "expected ',' or ']' after an array element, found 'ü'"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const auto read = tfq::json::read(Source("b.json", c.text));
    CHECK_FALSE(read.value);
    REQUIRE(read.diagnostics.size() == 1);
    CHECK(read.diagnostics[0].code == Code::json_syntax);
    CHECK(read.diagnostics[0].message == c.message);
    CHECK(read.diagnostics[0].range == c.range);
  }
}

TEST_CASE("json reader labels the bracket that a missing comma or close belongs to", "[json]") {
  const std::string text = "{\"a\": [1, 2 3], \"b\": 1}";
  const auto in_array = tfq::json::read(Source("b.json", text));
  REQUIRE(in_array.diagnostics.size() == 1);
  REQUIRE(in_array.diagnostics[0].labels.size() == 1);
  CHECK(in_array.diagnostics[0].labels[0].range == SourceRange{6, 7});
  CHECK(in_array.diagnostics[0].labels[0].message == "the array opened here");

  const auto in_object = tfq::json::read(Source("b.json", "[{\"a\": 1 \"b\": 2}]"));
  REQUIRE(in_object.diagnostics.size() == 1);
  REQUIRE(in_object.diagnostics[0].labels.size() == 1);
  CHECK(in_object.diagnostics[0].labels[0].range == SourceRange{1, 2});
  CHECK(in_object.diagnostics[0].labels[0].message == "the object opened here");
}

TEST_CASE("json reader reports invalid UTF-8 at the first bad byte", "[json]") {
  const auto read = tfq::json::read(Source("b.json", "[\"caf\xE9\"]"));
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == Code::invalid_utf8);
  CHECK(read.diagnostics[0].range == SourceRange{5, 6});
}

TEST_CASE("json reader stops deep nesting at its limit instead of recursing without bound", "[json]") {
  const std::string deep(100000, '[');
  const auto read = tfq::json::read(Source("b.json", deep), 64);
  REQUIRE(read.diagnostics.size() == 1);
  CHECK(read.diagnostics[0].code == Code::json_too_deep);
  CHECK(read.diagnostics[0].range.begin == 64);
  CHECK(tfq::json::read(Source("b.json", std::string(63, '[') + std::string(63, ']')), 64).value);
}

TEST_CASE("json reader accepts exactly what nlohmann's parser accepts, over thousands of mutated bodies",
          "[json]") {
  const std::vector<std::string> seeds = {
      R"({"fields": ["userName", "productName"], "metrics": ["tokensConsumed"],
          "usageCategory": ["DESKTOP_PRODUCT"], "where": "usageDate >= '2018-01-01' and userName = 'O''Brien'",
          "downloadFileName": "caf\u00e9 \ud83d\ude00 \"q\""})",
      R"([1, -2.5e+3, 0, true, false, null, {"a": {"b": []}}, "\\\/\b\f\n\r\t"])",
      "\xEF\xBB\xBF{\"k\": \"\xC3\xA9\xE6\x9D\xB1\"}",
  };
  // Bytes that matter to JSON, plus some that do not.
  const std::string alphabet = "{}[]:,\"\\/ \t\n\r0123456789.eE+-tfnulrsaxu'\x01\xC3\xA9\x80\xFF";
  std::mt19937 random(20260101);
  std::size_t accepted = 0, rejected = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text = seeds[round % seeds.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1);
      }
    }
    const bool ours = tfq::json::read(Source("m.json", text)).value.has_value();
    const bool theirs = nlohmann::json::accept(text);
    INFO(text);
    REQUIRE(ours == theirs);
    (ours ? accepted : rejected) += 1;
  }
  // The mutations explore both sides of the boundary.
  CHECK(accepted > 500);
  CHECK(rejected > 500);
}
