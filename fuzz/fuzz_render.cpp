// Fuzz target: input validation and both renderers over arbitrary bytes and arbitrary ranges.
// The text renderer must never pass control characters or bad bytes to a terminal.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "support.hpp"
#include "tfq/input.hpp"
#include "tfq/render.hpp"

namespace {

// The first bytes choose the ranges; the rest is the text.
std::uint32_t take(const std::uint8_t*& data, std::size_t& size) {
  std::uint32_t value = 0;
  for (int i = 0; i < 2 && size > 0; ++i, ++data, --size) value = value << 8 | *data;
  return value;
}

// What a terminal receives: printable text, '\n', and (with colour) only the escape sequences we emit.
bool terminal_safe(std::string_view text, bool color) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\x1b' && color && i + 1 < text.size() && text[i + 1] == '[') continue;
    if (byte < 0x20 && byte != '\n') return false;
    if (byte == 0x7F) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::uint32_t a = take(data, size), b = take(data, size), c = take(data, size);
  const tfq::Source source("fuzz.where", tfq::fuzz::as_text(data, size));
  const auto end = static_cast<std::uint32_t>(size);

  std::vector<tfq::Diagnostic> diagnostics = tfq::validate_input(source, {.max_bytes = 4096});
  tfq::fuzz::check_diagnostics(source, diagnostics);

  // Ranges anywhere, even reversed or past the end: renderers must cope with any of them.
  tfq::Diagnostic d =
      tfq::make_diagnostic(tfq::Code::unknown_field, {a % (end + 2), b % (end + 2)}, "m\x1b[2J");
  d.labels.push_back({{c % (end + 1), end}, "label"});
  d.fixes.push_back({{b % (end + 1), b % (end + 1)}, "x\ny\x07"});
  d.notes.push_back("note\r");
  d.help = "help";
  diagnostics.push_back(d);

  for (const bool color : {false, true}) {
    for (const std::uint32_t width : {0u, 12u, 160u}) {
      const std::string text =
          tfq::render_text(source, diagnostics, {.color = color, .max_line_width = width});
      FUZZ_CHECK(!text.empty() && text.back() == '\n');
      FUZZ_CHECK(terminal_safe(text, color));
      FUZZ_CHECK(color || text.find('\x1b') == std::string::npos);
    }
  }
  const std::vector<tfq::SourceDiagnostics> all = {{&source, diagnostics}};
  const std::string json = tfq::render_json(all);
  FUZZ_CHECK(json.starts_with("[\n") && json.ends_with("\n]\n"));
  return 0;
}
