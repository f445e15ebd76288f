// The canonical printer of where clauses: iterative along AND/OR chains, recursive only along nesting.
#include "tfq/print.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <iterator>

namespace tfq {
namespace {

// Binding strength: a child needs parentheses when it binds more loosely than its parent requires.
int precedence(const Expr& e) {
  switch (e.kind) {
    case ExprKind::or_: return 1;
    case ExprKind::and_: return 2;
    case ExprKind::not_: return 3;
    default: return 4;  // predicates
  }
}

// Appends value in quotes, each quote doubled; the runs between quotes are copied whole.
void append_quoted(std::string_view value, std::string& out) {
  out += '\'';
  for (std::size_t quote = value.find('\''); quote != std::string_view::npos; quote = value.find('\'')) {
    out.append(value.substr(0, quote + 1));
    out += '\'';
    value.remove_prefix(quote + 1);
  }
  out.append(value);
  out += '\'';
}

void print_operand(const Operand& o, std::string& out) {
  switch (o.kind) {
    case Operand::Kind::field: out += o.text; break;
    case Operand::Kind::string: append_quoted(o.text, out); break;
    case Operand::Kind::integer: {
      char digits[24];  // INT64_MIN has 20 characters
      out.append(digits, std::to_chars(std::begin(digits), std::end(digits), o.integer_value()).ptr);
      break;
    }
    case Operand::Kind::parameter:
      out += ':';
      out += o.text;
      break;
  }
}

void print_expr(const Expr& e, std::string& out, std::size_t limit);

// A child of an operator of strength `needed`: parenthesized when it binds more loosely.
void print_child(const Expr& child, int needed, std::string& out, std::size_t limit) {
  const bool parens = precedence(child) < needed;
  if (parens) out += '(';
  print_expr(child, out, limit);
  if (parens && out.size() <= limit) out += ')';  // past the limit something may be cut: add nothing after
}

void print_predicate(const Expr& e, std::string& out, std::size_t limit) {
  print_operand(e.subject, out);
  if (e.kind == ExprKind::compare) {
    out += ' ';
    out += to_string(e.op);
    out += ' ';
    if (!e.values.empty()) print_operand(e.values[0], out);
    return;
  }
  if (e.negated) out += " NOT";
  if (e.kind == ExprKind::like) {
    out += " LIKE ";
    if (!e.values.empty()) print_operand(e.values[0], out);
  } else if (e.kind == ExprKind::in) {
    out += " IN (";
    for (std::size_t i = 0; i < e.values.size() && out.size() <= limit; ++i) {
      if (i > 0) out += ", ";
      print_operand(e.values[i], out);
    }
    if (out.size() <= limit) out += ')';
  } else {
    out += " BETWEEN ";
    if (!e.values.empty()) print_operand(e.values[0], out);
    out += " AND ";
    if (e.values.size() > 1) print_operand(e.values[1], out);
  }
}

// Stops soon after the text passes `limit` bytes (SIZE_MAX: never), so a cut print costs what it shows.
void print_expr(const Expr& e, std::string& out, std::size_t limit) {
  if (out.size() > limit) return;
  switch (e.kind) {
    case ExprKind::not_:
      out += "NOT ";
      if (!e.children.empty()) print_child(e.children[0], precedence(e), out, limit);
      break;
    case ExprKind::and_:
    case ExprKind::or_: {
      const char* separator = e.kind == ExprKind::and_ ? " AND " : " OR ";
      // A nested chain of the same operator is printed in parentheses: the printer shows the tree as it
      // stands, and flattening is the optimizer's job.
      for (std::size_t i = 0; i < e.children.size() && out.size() <= limit; ++i) {
        if (i > 0) out += separator;
        const Expr& child = e.children[i];
        print_child(child, child.kind == e.kind ? precedence(e) + 1 : precedence(e), out, limit);
      }
      break;
    }
    default: print_predicate(e, out, limit); break;
  }
}

}  // namespace

// Room for a typical clause, or for a prefix and the last operand that runs past it, so that the text is
// not copied at every doubling while it grows from nothing.
constexpr std::size_t typical_clause = 256;
constexpr std::size_t operand_slack = 64;

std::string print_where(const Expr& expr) {
  std::string out;
  out.reserve(typical_clause);
  print_expr(expr, out, SIZE_MAX);
  return out;
}

std::string print_where_prefix(const Expr& expr, std::size_t bytes) {
  std::string out;
  append_where_prefix(expr, bytes, out);
  return out;
}

void append_where_prefix(const Expr& expr, std::size_t bytes, std::string& out) {
  const std::size_t start = out.size();
  out.reserve(start + std::min(bytes, typical_clause) + operand_slack);
  print_expr(expr, out, bytes > SIZE_MAX - start ? SIZE_MAX : start + bytes);
}

std::string quote_string(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  append_quoted(value, out);
  return out;
}

}  // namespace tfq
