// The text renderer: Clang/rustc-style diagnostics with echoed source lines and carets.
#include <algorithm>
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

// Builds the output line by line; colour codes wrap text only when asked for.
class Writer {
 public:
  explicit Writer(bool color) : color_(color) {}

  Writer& text(std::string_view s) {
    out_ += s;
    return *this;
  }
  Writer& paint(std::string_view color, std::string_view s) {
    if (s.empty()) return *this;
    if (color_) out_ += color;
    out_ += s;
    if (color_) out_ += kReset;
    return *this;
  }
  void end_line() {
    // No trailing blanks: golden files survive editors that strip them.
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    out_ += '\n';
  }
  std::string take() { return std::move(out_); }

 private:
  bool color_;
  std::string out_;
};

struct Block {
  LineColumn start;
  render::Snippet snippet;
};

std::size_t digits(std::uint32_t n) {
  return std::to_string(n).size();
}

void write_header(Writer& w, const Source& source, LineColumn at, std::string_view kind,
                  std::string_view color, std::string_view message) {
  w.paint(kBold, render::printable(source.name()) + ":" + std::to_string(at.line) + ":" +
                     std::to_string(at.column) + ":");
  w.text(" ")
      .paint(color, std::string(kind) + ":")
      .text(" ")
      .paint(kBold, render::printable(message))
      .end_line();
}

void write_block(Writer& w, const Block& block, std::size_t gutter, std::string_view mark_color) {
  const std::string number = std::to_string(block.start.line);
  const std::string blank(gutter, ' ');
  w.paint(kBlue, " " + std::string(gutter - number.size(), ' ') + number + " |").text(" ");
  w.text(block.snippet.echoed).end_line();
  w.paint(kBlue, " " + blank + " |").text(" ").paint(mark_color, block.snippet.marks).end_line();
  if (!block.snippet.fixes.empty()) {
    w.paint(kBlue, " " + blank + " |").text(" ").paint(kGreen, block.snippet.fixes).end_line();
  }
}

std::string render_one(const Source& source, const Diagnostic& d, const TextStyle& style,
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

  Writer w(style.color);
  const std::string kind = std::string(to_string(d.severity)) + "[" + std::string(info(d.code).id) + "]";
  write_header(w, source, primary.start, kind, severity_color(d.severity), d.message);
  write_block(w, primary, gutter, severity_color(d.severity));
  for (std::size_t i = 0; i < labels.size(); ++i) {
    write_header(w, source, labels[i].start, "note", kCyan, d.labels[i].message);
    write_block(w, labels[i], gutter, kCyan);
  }
  for (const std::string& note : d.notes)
    w.paint(kCyan, "note:").text(" ").text(render::printable(note)).end_line();
  if (!d.help.empty()) w.paint(kCyan, "help:").text(" ").text(render::printable(d.help)).end_line();
  return w.take();
}

}  // namespace

std::string render_text(const Source& source, const Diagnostic& diagnostic, const TextStyle& style) {
  render::PositionCursor cursor(source);
  return render_one(source, diagnostic, style, cursor);
}

std::string render_text(const Source& source, std::span<const Diagnostic> diagnostics,
                        const TextStyle& style) {
  render::PositionCursor cursor(source);
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (!out.empty()) out += '\n';
    out += render_one(source, d, style, cursor);
  }
  return out;
}

}  // namespace tfq
