// tfq fmt: prints a parsed query file or where clause file in canonical layout, then proves the layout kept
// its meaning by parsing the output again and comparing it with the input.
#include "tfq/format.hpp"

#include <algorithm>
#include <iterator>

#include "query/query_file.hpp"
#include "query/suppression_reach.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"
#include "tfq/print.hpp"

namespace tfq {
namespace {

constexpr std::size_t kWidth = 100;

std::string_view text_of(const Source& source, SourceRange range) {
  return std::string_view(source.text()).substr(range.begin, range.end - range.begin);
}

// A comment's text without trailing blanks (and the \r of a CRLF line).
std::string trimmed_comment(const Source& source, SourceRange range) {
  std::string_view text = text_of(source, range);
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return std::string(text);
}

// The line end a file mostly uses: "\r\n" when most of its lines end so, else "\n". The layout's own
// line breaks follow it, so that formatting a Windows file does not change every line of it.
std::string_view line_end_of(std::string_view text) {
  std::size_t lines = 0, crlf = 0;
  for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) {
    ++lines;
    crlf += at > 0 && text[at - 1] == '\r';
  }
  return crlf * 2 > lines ? "\r\n" : "\n";
}

// The UTF-8 byte order mark a file starts with, or "": the layout keeps it, as it keeps the line ends.
std::string_view byte_order_mark_of(std::string_view text) {
  constexpr std::string_view mark = "\xEF\xBB\xBF";
  return text.starts_with(mark) ? mark : std::string_view();
}

// `KEYWORD a, b, c`, filled up to kWidth columns, continuation lines indented by 2.
std::string name_list(std::string_view keyword, const std::vector<query::Name>& names,
                      std::string_view newline) {
  std::string out(keyword);
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i].text;
    const bool last = i + 1 == names.size();
    const std::size_t needed = 1 + name.size() + (last ? 0 : 1);
    if (i > 0 && out.size() - line_start + needed > kWidth) {
      out += newline;
      out += "  ";
      line_start = out.size() - 2;
    } else {
      out += ' ';
    }
    out += name;
    if (!last) out += ',';
  }
  return out;
}

// A line of the layout, with the end of the source text it stands for: a comment goes above the first line
// that ends after it, so printing it there puts it in front of that line again (formatting is idempotent).
struct Line {
  std::uint32_t end;
  std::string text;
  std::uint32_t begin = 0;  // of the operand in the source (operand lines only)
};

// One line per top-level AND or OR operand (the whole clause when it is neither); an OR under an AND keeps
// its parentheses. `lead` starts the first line, `indent` comes before the AND or OR of the others.
std::vector<Line> operand_lines(const Expr& where, std::string_view lead, std::string_view indent) {
  if (where.kind != ExprKind::and_ && where.kind != ExprKind::or_) {
    return {{where.range.end, std::string(lead) + print_where(where), where.range.begin}};
  }
  const std::string joiner = std::string(indent) + (where.kind == ExprKind::and_ ? "AND " : "OR ");
  std::vector<Line> lines;
  for (std::size_t i = 0; i < where.children.size(); ++i) {
    const Expr& child = where.children[i];
    const bool wrap = where.kind == ExprKind::and_ && child.kind == ExprKind::or_;
    lines.push_back(
        {child.range.end,
         (i == 0 ? std::string(lead) : joiner) + (wrap ? "(" + print_where(child) + ")" : print_where(child)),
         child.range.begin});
  }
  return lines;
}

// Writes the comments of a file, in order: each on its own line above the layout line it came before, or at
// the end of the line it ended.
class CommentWriter {
 public:
  CommentWriter(const Source& source, const std::vector<SourceRange>& comments, std::string_view newline)
      : source_(source), comments_(comments), newline_(newline) {}

  // The lines, each ended by a newline, with the comments before each line above it and those on its last
  // source line at its end; `next_begin` is where the text after the last line begins.
  void write_lines(const std::vector<Line>& lines, std::uint32_t next_begin, std::string& out) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
      before(lines[k].end, out);
      out += lines[k].text;
      trailing(lines[k].end, k + 1 < lines.size() ? lines[k + 1].begin : next_begin, out);
      out += newline_;
    }
  }
  void rest(std::string& out) { before(static_cast<std::uint32_t>(source_.text().size()) + 1, out); }
  bool done() const { return next_ == comments_.size(); }

 private:
  // Every comment not yet written that starts before `offset`. A line comment keeps its text; at the end
  // of a line it would swallow what follows, so the newline is always written.
  void before(std::uint32_t offset, std::string& out) {
    while (next_ < comments_.size() && comments_[next_].begin < offset) {
      if (!out.empty() && out.back() != '\n') out += newline_;
      out += trimmed_comment(source_, comments_[next_++]);
      out += newline_;
    }
  }
  // The comments not yet written that start on the source line where the text ending at `end` ends, and
  // before `limit` (where the next text begins): they stay at the end of that text's line.
  void trailing(std::uint32_t end, std::uint32_t limit, std::string& out) {
    const std::string_view text = source_.text();
    while (next_ < comments_.size() && comments_[next_].begin >= end && comments_[next_].begin < limit &&
           text.substr(end, comments_[next_].begin - end).find('\n') == std::string_view::npos) {
      out += ' ';
      out += trimmed_comment(source_, comments_[next_++]);
    }
  }

  const Source& source_;
  const std::vector<SourceRange>& comments_;
  std::string_view newline_;
  std::size_t next_ = 0;
};

class Formatter {
 public:
  Formatter(const Source& source, const query::File& file, const std::vector<Expr>& wheres)
      : source_(source),
        file_(file),
        wheres_(wheres),
        newline_(line_end_of(source.text())),
        comments_(source, file.comments, newline_) {}

  std::string run() {
    std::size_t where_index = 0;
    for (std::size_t i = 0; i < file_.statements.size(); ++i) {
      const query::Statement& s = file_.statements[i];
      if (i > 0) out_ += newline_;
      std::vector<Line> lines = statement_lines(s, s.has_where ? &wheres_[where_index++] : nullptr);
      lines.back().text += ';';
      const std::uint32_t next_begin =
          i + 1 < file_.statements.size() ? file_.statements[i + 1].range.begin : UINT32_MAX;
      comments_.write_lines(lines, next_begin, out_);
    }
    if (!out_.empty() && !comments_.done()) out_ += newline_;
    comments_.rest(out_);
    return out_;
  }

 private:
  // The statement's clauses, one line each (a long list wraps within its line), the where clause one line
  // per operand.
  std::vector<Line> statement_lines(const query::Statement& s, const Expr* where) const {
    std::vector<Line> lines;
    const std::string target = s.target_written ? (s.target == Target::query ? "QUERY " : "EXPORT ") : "";
    lines.push_back(
        {s.select.back().range.end, target + name_list("SELECT", s.select, newline_), s.range.begin});
    if (s.has_from) {
      lines.push_back({s.from.back().range.end, name_list("FROM", s.from, newline_), s.from_keyword.begin});
    }
    if (where) {
      std::vector<Line> operands = operand_lines(*where, "WHERE ", "  ");
      operands.front().begin = s.where_keyword.begin;
      lines.insert(lines.end(), std::make_move_iterator(operands.begin()),
                   std::make_move_iterator(operands.end()));
    }
    if (s.into) {
      const std::string name = s.into->parameter ? ":" + s.into->text : quote_string(s.into->text);
      lines.push_back({s.into_clause.end, "INTO " + name, s.into_clause.begin});
    }
    return lines;
  }

  const Source& source_;
  const query::File& file_;
  const std::vector<Expr>& wheres_;
  const std::string_view newline_;
  CommentWriter comments_;
  std::string out_;
};

// A bug in the formatter, never in the file: it refuses rather than write something else.
Diagnostic internal_error() {
  return make_diagnostic(Code::query_syntax, {0, 0},
                         "internal error: the canonical layout would change this file's meaning, so it is "
                         "left as it is; please report it");
}

struct Parsed {
  query::File file;
  std::vector<Expr> wheres;
};

// The file and its where clauses, or the diagnostics of the first error.
std::optional<Parsed> parse_all(const Source& source, const Limits& limits,
                                std::vector<Diagnostic>& diagnostics) {
  query::ParsedFile parsed = query::parse_query_file(source, limits);
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.file) return std::nullopt;
  Parsed out{std::move(*parsed.file), {}};
  for (const auto& statement : out.file.statements) {
    if (!statement.has_where) continue;
    ParseResult where = parse_where(source, statement.where, {.limits = limits, .allow_parameters = true});
    diagnostics.insert(diagnostics.end(), where.diagnostics.begin(), where.diagnostics.end());
    if (!where.expr || has_errors(where.diagnostics)) return std::nullopt;
    out.wheres.push_back(std::move(*where.expr));
  }
  return out;
}

bool same_names(const std::vector<query::Name>& a, const std::vector<query::Name>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const query::Name& x, const query::Name& y) { return x.text == y.text; });
}

bool same_statement(const query::Statement& a, const query::Statement& b) {
  const bool same_into =
      a.into.has_value() == b.into.has_value() &&
      (!a.into || (a.into->parameter == b.into->parameter && a.into->text == b.into->text));
  return a.target == b.target && a.target_written == b.target_written && same_names(a.select, b.select) &&
         a.has_from == b.has_from && same_names(a.from, b.from) && a.has_where == b.has_where && same_into;
}

// The same comments, in the same order, each with the same text.
bool same_comments(const Source& before_source, const std::vector<SourceRange>& before,
                   const Source& after_source, const std::vector<SourceRange>& after) {
  return std::equal(before.begin(), before.end(), after.begin(), after.end(),
                    [&](SourceRange a, SourceRange b) {
                      return trimmed_comment(before_source, a) == trimmed_comment(after_source, b);
                    });
}

// The formatted text means what the input meant: the same statements, clauses, where trees and comments.
bool same_meaning(const Source& before_source, const Parsed& before, const Source& after_source,
                  const Parsed& after) {
  const auto& a = before.file;
  const auto& b = after.file;
  if (a.statements.size() != b.statements.size()) return false;
  for (std::size_t i = 0; i < a.statements.size(); ++i) {
    if (!same_statement(a.statements[i], b.statements[i])) return false;
  }
  for (std::size_t i = 0; i < before.wheres.size(); ++i) {
    if (!same_structure(before.wheres[i], after.wheres[i])) return false;
  }
  return same_comments(before_source, a.comments, after_source, b.comments);
}

}  // namespace

FormatResult format_query_file(const Source& source, const Limits& limits) {
  FormatResult result;
  result.diagnostics = validate_input(source, limits);
  if (has_errors(result.diagnostics)) return result;
  std::optional<Parsed> before = parse_all(source, limits, result.diagnostics);
  if (!before) return result;
  std::string text(byte_order_mark_of(source.text()));
  text += Formatter(source, before->file, before->wheres).run();
  const Source formatted(source.name(), text);
  std::vector<Diagnostic> ignored;
  const std::optional<Parsed> after = parse_all(formatted, limits, ignored);
  if (!after || !same_meaning(source, *before, formatted, *after)) {
    result.diagnostics.push_back(internal_error());
    return result;
  }
  if (auto moved = query::moved_suppression(
          {source, query::anchors_of(before->file, before->wheres), before->file.comments},
          {formatted, query::anchors_of(after->file, after->wheres), after->file.comments})) {
    result.diagnostics.push_back(std::move(*moved));
    return result;
  }
  result.text = std::move(text);
  return result;
}

namespace {

// The clause of a .where file, or the diagnostics of its first error.
std::optional<ParseResult> parse_clause(const Source& source, const Limits& limits,
                                        std::vector<Diagnostic>& diagnostics) {
  ParseResult parsed = parse_where(source, parse_range(source), {.limits = limits});
  diagnostics.insert(diagnostics.end(), parsed.diagnostics.begin(), parsed.diagnostics.end());
  if (!parsed.expr || has_errors(parsed.diagnostics)) return std::nullopt;
  return parsed;
}

}  // namespace

FormatResult format_where_file(const Source& source, const Limits& limits) {
  FormatResult result;
  result.diagnostics = validate_input(source, limits);
  if (has_errors(result.diagnostics)) return result;
  const std::optional<ParseResult> before = parse_clause(source, limits, result.diagnostics);
  if (!before) return result;
  const std::string_view newline = line_end_of(source.text());
  CommentWriter comments(source, before->comments, newline);
  std::string text;
  comments.write_lines(operand_lines(*before->expr, "", "  "), UINT32_MAX, text);
  comments.rest(text);
  text.insert(0, byte_order_mark_of(source.text()));
  const Source formatted(source.name(), text);
  std::vector<Diagnostic> ignored;
  const std::optional<ParseResult> after = parse_clause(formatted, limits, ignored);
  if (!after || !same_structure(*before->expr, *after->expr) ||
      !same_comments(source, before->comments, formatted, after->comments)) {
    result.diagnostics.push_back(internal_error());
    return result;
  }
  if (auto moved = query::moved_suppression({source, query::anchors_of(*before->expr), before->comments},
                                            {formatted, query::anchors_of(*after->expr), after->comments})) {
    result.diagnostics.push_back(std::move(*moved));
    return result;
  }
  result.text = std::move(text);
  return result;
}

}  // namespace tfq
