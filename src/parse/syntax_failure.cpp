// Turning the parser's one fatal failure into a Diagnostic: the offending token's range, the message with
// its `{}` filled in, the '(' that a missing ')' would close, and fix-its for tokens from other languages.
#include <string>

#include "parse/where_builder.hpp"
#include "text/word.hpp"
#include "tfq/print.hpp"

namespace tfq::parse {
namespace {

using text::is_word_char;

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool is_digit_or_sign(char c) {
  return (c >= '0' && c <= '9') || c == '-';
}

std::string_view text_of(std::string_view text, SourceRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

}  // namespace

SourceRange token_at(std::string_view text, std::uint32_t at, std::uint32_t end) {
  if (at >= end) return {end, end};
  std::uint32_t stop = at;
  if (is_word_char(text[at])) {
    while (stop < end && is_word_char(text[stop])) ++stop;
    return {at, stop};
  }
  if (text[at] == '\'') {  // a whole string literal, '' included
    while (++stop < end) {
      if (text[stop] != '\'') continue;
      if (stop + 1 < end && text[stop + 1] == '\'') {
        ++stop;
        continue;
      }
      return {at, stop + 1};
    }
    return {at, end};
  }
  static constexpr std::string_view kPairs[] = {"<>", "<=", ">=", "!=", "==", "&&", "||"};
  for (std::string_view pair : kPairs) {
    if (text.substr(at, 2) == pair && at + 2 <= end) return {at, at + 2};
  }
  // One UTF-8 character: the lead byte and its continuation bytes.
  ++stop;
  while (stop < end && (static_cast<unsigned char>(text[stop]) & 0xC0) == 0x80) ++stop;
  return {at, stop};
}

std::string fill_message(std::string_view format, std::string_view argument) {
  constexpr std::size_t kLongest = 40;
  std::string shown(argument.substr(0, kLongest));
  if (argument.size() > kLongest) shown += "...";
  std::string out(format);
  if (auto hole = out.find("{}"); hole != std::string::npos) out.replace(hole, 2, shown);
  return out;
}

Diagnostic WhereBuilder::failure_diagnostic() const {
  const SyntaxFailure& f = *failure_;
  const std::string_view text = source_.text();
  SourceRange range = f.range;
  if (f.code == Code::malformed_number) {
    // The grammar rejects the tail (".5", "abc"); the diagnostic covers the whole would-be number.
    while (range.begin > within_.begin && is_digit_or_sign(text[range.begin - 1])) --range.begin;
    while (range.end < within_.end && is_word_char(text[range.end])) ++range.end;
  }
  if (f.code == Code::function_call) range.begin = last_field_begin_;
  if (range.begin == within_.end) {
    // Nothing is left but (perhaps) blank lines: point just after the last thing written, on its line,
    // rather than at an empty line after the final newline.
    while (range.begin > within_.begin && is_blank(text[range.begin - 1])) --range.begin;
    range.end = range.begin;
  }
  const std::string_view token = text_of(text, range);

  Diagnostic d = make_diagnostic(
      f.code, range, fill_message(f.message, failure_argument_.empty() ? token : failure_argument_));
  if (f.help) d.help = f.help;
  switch (f.code) {
    case Code::unclosed_paren:
      if (!open_parens_.empty()) {
        const std::uint32_t open = open_parens_.back();
        const LineColumn at = source_.line_column(open);
        d.message += " to match '(' at " + std::to_string(at.line) + ":" + std::to_string(at.column);
        d.labels.push_back({{open, open + 1}, "to match this '('"});
      }
      break;
    case Code::double_equals: d.fixes.push_back({range, "="}); break;
    case Code::c_logical_operator:
      d.fixes.push_back({range, token == "&&" ? "AND" : token == "||" ? "OR" : "NOT "});
      break;
    case Code::double_quoted_string:
      if (token.size() >= 2 && token.back() == '"') {
        const std::string quoted = quote_string(token.substr(1, token.size() - 2));
        d.help = "write " + quoted;
        d.fixes.push_back({range, quoted});
      }
      break;
    default: break;
  }
  return d;
}

}  // namespace tfq::parse
