// The text renderer: Clang/rustc-style diagnostics with echoed source lines and carets.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <optional>
#include <string_view>

#include "render/positions.hpp"
#include "render/snippet.hpp"
#include "tfq/render.hpp"

namespace tfq {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kBlue = "\x1b[1;34m";

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::error: return kRed;
    case Severity::warning: return kMagenta;
    case Severity::note: return kCyan;
  }
  return kRed;
}

// Appends the output line by line to a string it is given (one string for all of a file's findings, so that
// a finding costs no allocation of its own); colour codes wrap text only when asked for.
class Writer {
 public:
  Writer(std::string& out, bool color) : out_(out), color_(color) {}

  Writer& text(std::string_view s) {
    out_ += s;
    return *this;
  }
  Writer& printable(std::string_view s) {
    render::append_printable(out_, s);
    return *this;
  }
  Writer& number(std::uint32_t n) {
    char buffer[10];  // UINT32_MAX has 10 digits
    out_.append(buffer, std::to_chars(std::begin(buffer), std::end(buffer), n).ptr);
    return *this;
  }
  Writer& spaces(std::size_t n) {
    out_.append(n, ' ');
    return *this;
  }
  // A coloured span of several pieces: start(color), the pieces (at least one character), stop().
  Writer& start(std::string_view color) {
    if (color_) out_ += color;
    return *this;
  }
  Writer& stop() {
    if (color_) out_ += kReset;
    return *this;
  }
  Writer& paint(std::string_view color, std::string_view s) {
    if (s.empty()) return *this;
    return start(color).text(s).stop();
  }
  void end_line() {
    // No trailing blanks: golden files survive editors that strip them. (The previous line's newline
    // stops this at the start of the line.)
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
  }

 private:
  std::string& out_;
  bool color_;
};

struct Block {
  LineColumn start;
  render::Snippet snippet;
};

std::size_t digits(std::uint32_t n) {
  std::size_t count = 1;
  for (; n >= 10; n /= 10) ++count;
  return count;
}

// `name:line:column: kind[code]: message`, the code left out when empty.
void write_header(Writer& w, const Source& source, LineColumn at, std::string_view kind,
                  std::string_view code, std::string_view color, std::string_view message) {
  w.start(kBold)
      .printable(source.name())
      .text(":")
      .number(at.line)
      .text(":")
      .number(at.column)
      .text(":")
      .stop();
  w.text(" ").start(color).text(kind);
  if (!code.empty()) w.text("[").text(code).text("]");
  w.text(":").stop().text(" ");
  if (!message.empty()) w.start(kBold).printable(message).stop();
  w.end_line();
}

void write_block(Writer& w, const Block& block, std::size_t gutter, std::string_view mark_color) {
  // ` 12 | ` before the echoed line, ` ` * gutter then ` | ` before the marks and fix-its.
  const auto write_gutter = [&](std::optional<std::uint32_t> line) {
    w.start(kBlue).text(" ");
    if (line) {
      w.spaces(gutter - digits(*line)).number(*line);
    } else {
      w.spaces(gutter);
    }
    w.text(" |").stop().text(" ");
  };
  write_gutter(block.start.line);
  w.text(block.snippet.echoed).end_line();
  write_gutter(std::nullopt);
  w.paint(mark_color, block.snippet.marks).end_line();
  if (!block.snippet.fixes.empty()) {
    write_gutter(std::nullopt);
    w.paint(kGreen, block.snippet.fixes).end_line();
  }
}

void render_one(std::string& out, const Source& source, const Diagnostic& d, const TextStyle& style,
                render::PositionCursor& cursor) {
  auto block_for = [&](SourceRange range, char first, char rest, std::span<const FixIt> fixes) {
    const LineColumn start = cursor.at(range.begin);
    return Block{start,
                 render::make_snippet(source, {start.line, range, first, rest, fixes, style.max_line_width})};
  };
  const Block primary = block_for(d.range, '^', '~', d.fixes);
  std::vector<Block> labels;
  std::size_t gutter = digits(primary.start.line);
  for (const Label& label : d.labels) {
    labels.push_back(block_for(label.range, '-', '-', {}));
    gutter = std::max(gutter, digits(labels.back().start.line));
  }

  Writer w(out, style.color);
  write_header(w, source, primary.start, to_string(d.severity), info(d.code).id, severity_color(d.severity),
               d.message);
  write_block(w, primary, gutter, severity_color(d.severity));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    write_header(w, source, labels[i].start, "note", {}, kCyan, d.labels[i].message);
    write_block(w, labels[i], gutter, kCyan);
  }
  for (const std::string& note : d.notes) w.paint(kCyan, "note:").text(" ").printable(note).end_line();
  if (!d.help.empty()) w.paint(kCyan, "help:").text(" ").printable(d.help).end_line();
}

}  // namespace

std::string render_text(const Source& source, const Diagnostic& diagnostic, const TextStyle& style) {
  render::PositionCursor cursor(source);
  std::string out;
  render_one(out, source, diagnostic, style, cursor);
  return out;
}

std::string render_text(const Source& source, std::span<const Diagnostic> diagnostics,
                        const TextStyle& style) {
  render::PositionCursor cursor(source);
  std::string out;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (i > 0) out += '\n';
    render_one(out, source, diagnostics[i], style, cursor);
  }
  return out;
}

}  // namespace tfq
