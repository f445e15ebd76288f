// tfq fmt: prints a parsed query file in canonical layout, then proves the layout kept its meaning by
// parsing the output again and comparing it with the input.
#include "tfq/format.hpp"

#include <algorithm>

#include "query/query_file.hpp"
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

// One top-level AND or OR operand per line; an OR under an AND keeps its parentheses.
std::string where_lines(const Expr& where, std::string_view newline) {
  if (where.kind != ExprKind::and_ && where.kind != ExprKind::or_) return "WHERE " + print_where(where);
  const std::string joiner = std::string(newline) + (where.kind == ExprKind::and_ ? "  AND " : "  OR ");
  std::string out = "WHERE ";
  for (std::size_t i = 0; i < where.children.size(); ++i) {
    const Expr& child = where.children[i];
    if (i > 0) out += joiner;
    const bool wrap = where.kind == ExprKind::and_ && child.kind == ExprKind::or_;
    out += wrap ? "(" + print_where(child) + ")" : print_where(child);
  }
  return out;
}

class Formatter {
 public:
  Formatter(const Source& source, const query::File& file, const std::vector<Expr>& wheres)
      : source_(source), file_(file), wheres_(wheres), newline_(line_end_of(source.text())) {}

  std::string run() {
    std::size_t where_index = 0;
    for (std::size_t i = 0; i < file_.statements.size(); ++i) {
      const query::Statement& s = file_.statements[i];
      if (i > 0) out_ += newline_;
      // Each clause with the end of its last token. A comment goes above the first clause that ends after
      // it, so printing it there puts it in front of that clause again: formatting is idempotent.
      std::vector<std::pair<std::uint32_t, std::string>> clauses;
      const std::string target = s.target_written ? (s.target == Target::query ? "QUERY " : "EXPORT ") : "";
      clauses.emplace_back(s.select.back().range.end, target + name_list("SELECT", s.select, newline_));
      if (s.has_from) clauses.emplace_back(s.from.back().range.end, name_list("FROM", s.from, newline_));
      if (s.has_where) {
        const SourceRange where = query::trim_end(source_, file_, s.where);
        clauses.emplace_back(where.end, where_lines(wheres_[where_index++], newline_));
      }
      if (s.into) {
        const std::string name = s.into->parameter ? ":" + s.into->text : quote_string(s.into->text);
        clauses.emplace_back(s.into_clause.end, "INTO " + name);
      }
      for (std::size_t k = 0; k < clauses.size(); ++k) {
        if (k > 0) out_ += newline_;
        comments_before(clauses[k].first);
        out_ += clauses[k].second;
      }
      out_ += ";";
      out_ += newline_;
    }
    if (!out_.empty() && next_comment_ < file_.comments.size()) out_ += newline_;
    comments_before(static_cast<std::uint32_t>(source_.text().size()) + 1);
    return out_;
  }

 private:
  const Source& source_;
  const query::File& file_;
  const std::vector<Expr>& wheres_;
  const std::string_view newline_;
  std::string out_;
  std::size_t next_comment_ = 0;

  // Every comment not yet written that starts before `offset`, each on its own line. A line comment keeps
  // its text; at the end of a line it would swallow what follows, so the newline is always written.
  void comments_before(std::uint32_t offset) {
    while (next_comment_ < file_.comments.size() && file_.comments[next_comment_].begin < offset) {
      if (!out_.empty() && out_.back() != '\n') out_ += newline_;
      out_ += trimmed_comment(source_, file_.comments[next_comment_++]);
      out_ += newline_;
    }
  }
};

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

// The formatted text means what the input meant: the same statements, clauses, where trees and comments.
bool same_meaning(const Source& before_source, const Parsed& before, const Source& after_source,
                  const Parsed& after) {
  const auto& a = before.file;
  const auto& b = after.file;
  if (a.statements.size() != b.statements.size() || a.comments.size() != b.comments.size()) return false;
  for (std::size_t i = 0; i < a.statements.size(); ++i) {
    if (!same_statement(a.statements[i], b.statements[i])) return false;
  }
  for (std::size_t i = 0; i < before.wheres.size(); ++i) {
    if (!same_structure(before.wheres[i], after.wheres[i])) return false;
  }
  for (std::size_t i = 0; i < a.comments.size(); ++i) {
    if (trimmed_comment(before_source, a.comments[i]) != trimmed_comment(after_source, b.comments[i]))
      return false;
  }
  return true;
}

}  // namespace

FormatResult format_query_file(const Source& source, const Limits& limits) {
  FormatResult result;
  result.diagnostics = validate_input(source, limits);
  if (has_errors(result.diagnostics)) return result;
  std::optional<Parsed> before = parse_all(source, limits, result.diagnostics);
  if (!before) return result;
  std::string text = Formatter(source, before->file, before->wheres).run();
  const Source formatted(source.name(), text);
  std::vector<Diagnostic> ignored;
  const std::optional<Parsed> after = parse_all(formatted, limits, ignored);
  if (!after || !same_meaning(source, *before, formatted, *after)) {
    // A bug in the formatter, never in the file: refuse rather than write something else.
    result.diagnostics.push_back(
        make_diagnostic(Code::query_syntax, {0, 0},
                        "internal error: the canonical layout would change this file's "
                        "meaning, so it is left as it is; please report it"));
    return result;
  }
  result.text = std::move(text);
  return result;
}

}  // namespace tfq
