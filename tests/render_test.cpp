// The renderers: whole rendered text compared to what a person should see, and the JSON findings.
#include "tfq/render.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "render/positions.hpp"
#include "render/snippet.hpp"

using tfq::Code;
using tfq::Diagnostic;
using tfq::Source;
using tfq::SourceRange;

namespace {

Diagnostic unknown_field(SourceRange range, std::string message = "unknown field 'usrName'") {
  return tfq::make_diagnostic(Code::unknown_field, range, std::move(message));
}

// The byte range of the first occurrence of `what` in the source (after skipping `skip` occurrences).
SourceRange find(const Source& source, std::string_view what, int skip = 0) {
  std::size_t at = source.text().find(what);
  while (skip-- > 0) at = source.text().find(what, at + 1);
  REQUIRE(at != std::string::npos);
  return {static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + what.size())};
}

// Random lines of plain ASCII, each to stand as the second line of a source after `first_line`.
struct RandomLines {
  static constexpr std::string_view first_line = "contractYear = 1\n";
  static constexpr auto begin = static_cast<std::uint32_t>(first_line.size());  // where the line starts

  explicit RandomLines(std::uint32_t seed) : random(seed) {}
  std::uint32_t below(std::size_t n) { return static_cast<std::uint32_t>(random() % n); }
  // Up to max_length - 1 characters from the bytes a clause is made of.
  std::string line(std::size_t max_length) {
    constexpr std::string_view alphabet = "abcXYZ019 '=()%_<>!,.";
    std::string text;
    for (std::uint32_t n = below(max_length); n > 0; --n) text += alphabet[below(alphabet.size())];
    return text;
  }

  std::mt19937 random;
};

}  // namespace

TEST_CASE("text renderer puts a caret and tildes under the whole range", "[render]") {
  Source s("q.where", "contractYear = 1 AND usrName = 'bob'");
  Diagnostic d = unknown_field(find(s, "usrName"));
  d.help = "did you mean 'userName'?";
  CHECK(tfq::render_text(s, d) == R"(q.where:1:22: error[TFQ200]: unknown field 'usrName'
 1 | contractYear = 1 AND usrName = 'bob'
   |                      ^~~~~~~
help: did you mean 'userName'?
)");
}

TEST_CASE("text renderer marks an empty range with a single caret", "[render]") {
  Source s("q.where", "a = 1 AND");
  const auto end = static_cast<std::uint32_t>(s.text().size());
  const Diagnostic d =
      tfq::make_diagnostic(Code::syntax_error, {end, end}, "expected a condition after 'AND'");
  CHECK(tfq::render_text(s, d) == R"(q.where:1:10: error[TFQ100]: expected a condition after 'AND'
 1 | a = 1 AND
   |          ^
)");
}

TEST_CASE("text renderer marks a multi-line range to the end of its first line", "[render]") {
  Source s("q.where", "usrName IN ('a',\n  'b')\n");
  const Diagnostic d = unknown_field({0, 23});
  CHECK(tfq::render_text(s, d) == R"(q.where:1:1: error[TFQ200]: unknown field 'usrName'
 1 | usrName IN ('a',
   | ^~~~~~~~~~~~~~~~
)");
}

TEST_CASE("text renderer counts columns in characters and aligns carets after UTF-8 text", "[render]") {
  Source s("q.where", "userName = 'Jürgen' AND usrName = 1");
  const Diagnostic d = unknown_field(find(s, "usrName"));
  CHECK(tfq::render_text(s, d) == R"(q.where:1:25: error[TFQ200]: unknown field 'usrName'
 1 | userName = 'Jürgen' AND usrName = 1
   |                         ^~~~~~~
)");
}

TEST_CASE("text renderer gives wide characters two columns under the caret line", "[render]") {
  // The header counts characters (column 21); the caret sits under terminal column 23.
  Source s("q.where", "userName = '東京' AND usrName = 1");
  const Diagnostic d = unknown_field(find(s, "usrName"));
  CHECK(tfq::render_text(s, d) == R"(q.where:1:21: error[TFQ200]: unknown field 'usrName'
 1 | userName = '東京' AND usrName = 1
   |                       ^~~~~~~
)");
}

TEST_CASE("text renderer expands tabs the same way in the echoed line and the caret line", "[render]") {
  Source s("q.where", "\tx = 1 AND\tusrName\t= 1");
  // The tab before usrName fills columns 13-15, so the range starting at it is ten columns wide.
  Diagnostic d = unknown_field(find(s, "\tusrName"));
  CHECK(tfq::render_text(s, d) == R"(q.where:1:11: error[TFQ200]: unknown field 'usrName'
 1 |     x = 1 AND   usrName = 1
   |              ^~~~~~~~~~
)");
}

TEST_CASE("text renderer drops the carriage return of CRLF lines", "[render]") {
  Source s("q.where", "a = 1\r\nAND usrName = 2\r\n");
  const Diagnostic d = unknown_field(find(s, "usrName"));
  const std::string out = tfq::render_text(s, d);
  CHECK(out == R"(q.where:2:5: error[TFQ200]: unknown field 'usrName'
 2 | AND usrName = 2
   |     ^~~~~~~
)");
  CHECK(out.find('\r') == std::string::npos);
}

TEST_CASE("text renderer shows secondary labels with their own position and dashes", "[render]") {
  Source s("q.where", "a IN (1, 2,\n3, 4, 5, 6,\n7, 8, 9, 10,\n1)");
  const SourceRange last = find(s, "1)");
  Diagnostic d =
      tfq::make_diagnostic(Code::unknown_field, {last.begin, last.begin + 1}, "duplicate element 1");
  d.severity = tfq::Severity::warning;
  d.labels.push_back({find(s, "1"), "first listed here"});
  d.labels.push_back({find(s, "10"), "another label"});
  d.notes.push_back("duplicates change nothing");
  d.help = "remove it";
  CHECK(tfq::render_text(s, d) == R"(q.where:4:1: warning[TFQ200]: duplicate element 1
 4 | 1)
   | ^
q.where:1:7: note: first listed here
 1 | a IN (1, 2,
   |       -
q.where:3:10: note: another label
 3 | 7, 8, 9, 10,
   |          --
note: duplicates change nothing
help: remove it
)");
}

TEST_CASE("text renderer writes fix-it replacements under the place they go", "[render]") {
  Source s("q.where", "usrName == 'bob'");
  Diagnostic d = tfq::make_diagnostic(Code::syntax_error, find(s, "=="), "'==' is not an operator");
  d.fixes.push_back({find(s, "=="), "="});
  d.fixes.push_back({find(s, "usrName"), "userName"});  // before the other one: drawn first
  d.help = "write '=' to compare";
  CHECK(tfq::render_text(s, d) == R"(q.where:1:9: error[TFQ100]: '==' is not an operator
 1 | usrName == 'bob'
   |         ^~
   | userName=
help: write '=' to compare
)");
}

TEST_CASE("text renderer uses colour only when asked", "[render]") {
  Source s("q.where", "usrName = 1");
  Diagnostic d = unknown_field(find(s, "usrName"));
  d.help = "did you mean 'userName'?";
  CHECK(tfq::render_text(s, d, {.color = false}).find('\x1b') == std::string::npos);
  CHECK(tfq::render_text(s, d, {.color = true}) ==
        "\x1b[1mq.where:1:1:\x1b[0m \x1b[1;31merror[TFQ200]:\x1b[0m \x1b[1munknown field 'usrName'\x1b[0m\n"
        "\x1b[1;34m 1 |\x1b[0m usrName = 1\n"
        "\x1b[1;34m   |\x1b[0m \x1b[1;31m^~~~~~~\x1b[0m\n"
        "\x1b[1;36mhelp:\x1b[0m did you mean 'userName'?\n");
}

TEST_CASE("text renderer never passes control characters or bad bytes to the terminal", "[render]") {
  Source s("q\x1b.where", "a = '\x1b[31m' AND \xff usrName = 1");
  const Diagnostic d = unknown_field(find(s, "usrName"), "unknown field '\x1b[2J'");
  CHECK(tfq::render_text(s, d) ==
        "q\u241b.where:1:19: error[TFQ200]: unknown field '\u241b[2J'\n"
        " 1 | a = '\u241b[31m' AND \uFFFD usrName = 1\n"
        "   |                   ^~~~~~~\n");
}

TEST_CASE("printable treats every byte the same wherever it stands among plain ASCII", "[render]") {
  // Runs of plain ASCII are skipped eight bytes at a time: each byte value, at each place in a text longer
  // than two such words, must come out as it does alone.
  for (int byte = 0; byte < 256; ++byte) {
    const std::string alone = tfq::render::printable(std::string(1, static_cast<char>(byte)));
    for (std::size_t at = 0; at < 17; ++at) {
      std::string text(17, 'a');
      text[at] = static_cast<char>(byte);
      INFO("byte " << byte << " at " << at);
      CHECK(tfq::render::printable(text) == std::string(at, 'a') + alone + std::string(16 - at, 'a'));
    }
  }
  CHECK(tfq::render::printable("tab\there, del \x7f, space ~ ok") == "tab\u2409here, del \u2421, space ~ ok");
}

TEST_CASE("text renderer hides bidirectional overrides that would reorder the line", "[render]") {
  Source s("q.where", "a = '\u202e1' AND usrName = 1");
  const std::string out = tfq::render_text(s, unknown_field(find(s, "usrName")));
  CHECK(out.find("\u202e") == std::string::npos);
  CHECK(out.find(" 1 | a = '\uFFFD1' AND usrName = 1\n") != std::string::npos);
}

TEST_CASE("text renderer cuts a very long line to a window around the range", "[render]") {
  std::string text = "usrName = 1";
  for (int i = 0; i < 20; ++i) text += " OR a" + std::to_string(i) + " = " + std::to_string(i);
  Source s("q.where", text);
  const Diagnostic d = unknown_field(find(s, "a12"), "unknown field 'a12'");
  CHECK(tfq::render_text(s, d, {.max_line_width = 40}) == R"(q.where:1:140: error[TFQ200]: unknown field 'a12'
 1 | ... a11 = 11 OR a12 = 12 OR a13 = 13 OR a14...
   |                 ^~~
)");
  // A range near the start keeps the start; the end is cut.
  CHECK(tfq::render_text(s, unknown_field(find(s, "usrName")), {.max_line_width = 20}) ==
        R"(q.where:1:1: error[TFQ200]: unknown field 'usrName'
 1 | usrName = 1 OR a0 = ...
   | ^~~~~~~
)");
  // Near the end, the window ends at the end of the line.
  CHECK(tfq::render_text(s, unknown_field(find(s, "a19"), "unknown field 'a19'"), {.max_line_width = 20}) ==
        R"(q.where:1:224: error[TFQ200]: unknown field 'a19'
 1 | ...a18 = 18 OR a19 = 19
   |                ^~~
)");
}

TEST_CASE("a line of plain ASCII is shown as the general layout shows it", "[render]") {
  // Such a line takes a shortcut (no cell per character). The same line followed by a tab takes the general
  // layout, which must show everything before the tab the same way: marks, fix-its and all.
  RandomLines lines(29);
  const auto below = [&lines](std::size_t n) { return lines.below(n); };
  const std::string first_line(RandomLines::first_line);
  const std::uint32_t begin = RandomLines::begin;
  for (int round = 0; round < 3000; ++round) {
    const std::string line = lines.line(60);
    const auto end = begin + static_cast<std::uint32_t>(line.size());
    const Source plain("plain", first_line + line + "\nAND x = 2");
    const Source general("general", first_line + line + "\t\nAND x = 2");
    const std::uint32_t mark_begin = begin + below(line.size() + 1);
    const std::uint32_t mark_end = mark_begin + below(end - mark_begin + 1);
    std::vector<tfq::FixIt> fixes;
    for (std::uint32_t n = below(3); n > 0; --n) {
      const std::uint32_t at = begin + below(line.size() + 1);
      fixes.push_back({{at, at + below(3)}, below(4) == 0 ? "x\ny" : std::string(1 + below(3), 'f')});
    }
    for (const std::uint32_t max_width : {0U, 200U}) {
      const tfq::render::SnippetRequest request{2, {mark_begin, mark_end}, '^', '~', fixes, max_width};
      const tfq::render::Snippet fast = tfq::render::make_snippet(plain, request);
      const tfq::render::Snippet slow = tfq::render::make_snippet(general, request);
      INFO(line << " [" << mark_begin << ", " << mark_end << ") width " << max_width);
      CHECK(fast.echoed == line);
      CHECK(slow.echoed.substr(0, line.size()) == line);
      CHECK(fast.marks == slow.marks);
      CHECK(fast.fixes == slow.fixes);
    }
  }
}

TEST_CASE("a long line of plain ASCII is cut as the general layout cuts it", "[render]") {
  // The plain line has an 'e' where the general one has U+00E9 (two bytes, one column), which sends it
  // through the general layout: what is shown must agree column for column, windows and ellipses too.
  RandomLines lines(31);
  const auto below = [&lines](std::size_t n) { return lines.below(n); };
  const std::string first_line(RandomLines::first_line);
  const std::uint32_t begin = RandomLines::begin;
  for (int round = 0; round < 3000; ++round) {
    const std::string line = lines.line(round % 2 == 0 ? 80 : 900);
    const std::uint32_t e_at = below(line.size() + 1);
    const Source plain("plain", first_line + line.substr(0, e_at) + "e" + line.substr(e_at) + "\nAND x = 2");
    const Source general("general",
                         first_line + line.substr(0, e_at) + "\u00e9" + line.substr(e_at) + "\nAND x = 2");
    const auto end = begin + static_cast<std::uint32_t>(line.size()) + 1;
    // An offset of the plain line in the general one: the bytes after the 'e' are one further on.
    const auto in_general = [&](std::uint32_t offset) { return offset > begin + e_at ? offset + 1 : offset; };
    const std::uint32_t mark_begin = begin + below(end - begin + 1);
    const std::uint32_t mark_end = mark_begin + below(std::min<std::uint32_t>(end - mark_begin, 60) + 1);
    std::vector<tfq::FixIt> plain_fixes, general_fixes;
    for (std::uint32_t n = below(3); n > 0; --n) {
      const std::uint32_t at = begin + below(end - begin + 1);
      const std::string replacement(1 + below(3), 'f');
      plain_fixes.push_back({{at, at}, replacement});
      general_fixes.push_back({{in_general(at), in_general(at)}, replacement});
    }
    for (const std::uint32_t max_width : {0U, 12U, 40U, 160U}) {
      const tfq::render::Snippet fast =
          tfq::render::make_snippet(plain, {2, {mark_begin, mark_end}, '^', '~', plain_fixes, max_width});
      const tfq::render::Snippet slow = tfq::render::make_snippet(
          general, {2, {in_general(mark_begin), in_general(mark_end)}, '^', '~', general_fixes, max_width});
      std::string slow_echoed = slow.echoed;
      if (const auto e = slow_echoed.find("\u00e9"); e != std::string::npos) slow_echoed.replace(e, 2, "e");
      INFO(line.size() << " bytes, e at " << e_at << ", [" << mark_begin << ", " << mark_end << ") width "
                       << max_width);
      CHECK(fast.echoed == slow_echoed);
      CHECK(fast.marks == slow.marks);
      CHECK(fast.fixes == slow.fixes);
    }
  }
}

TEST_CASE("text renderer separates the diagnostics of one source with blank lines", "[render]") {
  Source s("q.where", "usrName = 1 AND usrName = 2");
  const std::vector<Diagnostic> ds = {unknown_field(find(s, "usrName")),
                                      unknown_field(find(s, "usrName", 1))};
  CHECK(tfq::render_text(s, ds) == R"(q.where:1:1: error[TFQ200]: unknown field 'usrName'
 1 | usrName = 1 AND usrName = 2
   | ^~~~~~~

q.where:1:17: error[TFQ200]: unknown field 'usrName'
 1 | usrName = 1 AND usrName = 2
   |                 ^~~~~~~
)");
  CHECK(tfq::render_text(s, std::span<const Diagnostic>{}).empty());
}

TEST_CASE("position cursor agrees with the source's line table everywhere", "[render]") {
  Source s("q.where", "ab\xc3\xa9 = 1\r\n\tx\xe6\x9d\xb1 IN (1,\n\n2)\n");
  tfq::render::PositionCursor cursor(s);
  // Forwards, backwards and past the end: every offset, in an order that defeats the cache.
  for (std::uint32_t pass = 0; pass < 2; ++pass) {
    for (std::uint32_t i = 0; i <= s.text().size() + 2; ++i) {
      const std::uint32_t offset = pass == 0 ? i : static_cast<std::uint32_t>(s.text().size() + 2 - i);
      INFO("offset " << offset);
      CHECK(cursor.at(offset) == s.line_column(offset));
    }
  }
}

TEST_CASE("position cursor agrees with the source's line table on long lines of mixed UTF-8", "[render]") {
  // Lines long enough for the eight-byte column count, characters of one to four bytes at every alignment,
  // and offsets visited in source order (as findings are), then at random.
  std::mt19937 random(43);
  const char* const pieces[] = {"a", " ", "\xc3\xa9", "\xe6\x9d\xb1", "\xf0\x9f\x98\x80", "\r", "\n"};
  std::string text;
  for (int i = 0; i < 4000; ++i) text += pieces[random() % (i % 97 == 0 ? 7 : 5)];
  const Source s("q.where", text);
  const auto size = static_cast<std::uint32_t>(text.size());
  tfq::render::PositionCursor in_order(s);
  for (std::uint32_t offset = 0; offset <= size + 1; offset += 1 + random() % 5) {
    INFO("offset " << offset);
    REQUIRE(in_order.at(offset) == s.line_column(offset));
  }
  tfq::render::PositionCursor at_random(s);
  for (int probe = 0; probe < 3000; ++probe) {
    const std::uint32_t offset = random() % (size + 2);
    INFO("offset " << offset);
    REQUIRE(at_random.at(offset) == s.line_column(offset));
  }
}

TEST_CASE("json renderer writes one array of findings with positions, labels, help and fix-its", "[render]") {
  Source a("a.where", "x = 1\nAND usrName == 'b'");
  Source b("b.where", "userName = 'Jürgen' AND usrName = 1");
  Diagnostic d1 = tfq::make_diagnostic(Code::syntax_error, find(a, "=="), "'==' is not an operator");
  d1.fixes.push_back({find(a, "=="), "="});
  d1.labels.push_back({find(a, "x"), "clause starts here"});
  d1.notes.push_back("a note");
  d1.help = "write '='";
  const std::vector<Diagnostic> da = {d1};
  const std::vector<Diagnostic> db = {unknown_field(find(b, "usrName"))};
  const std::vector<tfq::SourceDiagnostics> sources = {{&a, da}, {&b, db}};
  CHECK(tfq::render_json(sources) ==
        R"([
  {"file":"a.where","code":"TFQ100","severity":"error","message":"'==' is not an operator","line":2,"column":13,"end_line":2,"end_column":15,"labels":[{"message":"clause starts here","line":1,"column":1,"end_line":1,"end_column":2}],"notes":["a note"],"help":"write '='","fixes":[{"line":2,"column":13,"end_line":2,"end_column":15,"replacement":"="}]},
  {"file":"b.where","code":"TFQ200","severity":"error","message":"unknown field 'usrName'","line":1,"column":25,"end_line":1,"end_column":32,"labels":[],"notes":[],"help":"","fixes":[]}
]
)");
  CHECK(tfq::render_json({}) == "[]\n");
}

TEST_CASE("json renderer survives file names and messages that are not UTF-8", "[render]") {
  Source s("bad\xff.where", "usrName = 1");
  const std::vector<Diagnostic> ds = {unknown_field({0, 7}, "unknown field '\xfe'")};
  const std::vector<tfq::SourceDiagnostics> sources = {{&s, ds}};
  const auto parsed = nlohmann::json::parse(tfq::render_json(sources));
  CHECK(parsed.at(0).at("file") == "bad\uFFFD.where");
  CHECK(parsed.at(0).at("message") == "unknown field '\uFFFD'");
}
