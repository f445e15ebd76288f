// The where-clause AST: what the user wrote, with every node's source range.
// AND and OR are n-ary, so a long chain is one flat node and passes recurse only along nesting depth.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tfq/small_vector.hpp"
#include "tfq/source.hpp"

namespace tfq {

// A field name or a literal: either side of a comparison.
struct Operand {
  enum class Kind : std::uint8_t { field, string, integer, parameter };
  // field: the name as written; string: the value, '' unescaped; integer: the digits;
  // parameter: the name after ':' (query files bind it with --param before checking)
  std::string text;
  SourceRange range;  // the whole token, quotes included
  Kind kind = Kind::field;
  // A letter, digit or '_' touches the token on that side (BETWEEN'1'AND'5'): an edit that writes it
  // without quotes must add a space there, or the words would run together.
  bool word_before = false;
  bool word_after = false;

  // integer: the value of the digits in `text`; 0 when they do not fit in 64 bits, which the parser reports.
  // Read from the text rather than stored, since a clause of 100,000 predicates holds as many operands.
  std::int64_t integer_value() const;
  bool is_field() const { return kind == Kind::field; }
  bool is_literal() const { return kind == Kind::string || kind == Kind::integer; }
};

// A predicate's values: one inline, since all but IN and BETWEEN have exactly one (a clause of 100,000
// predicates would otherwise hold as many lists of one).
using Operands = SmallVector<Operand, 1>;

enum class CompareOp : std::uint8_t { eq, ne, lt, le, gt, ge };

enum class ExprKind : std::uint8_t {
  compare,  // subject op values[0]      (either side may be a field or a literal)
  like,     // subject [NOT] LIKE values[0]
  in,       // subject [NOT] IN (values...)
  between,  // subject [NOT] BETWEEN values[0] AND values[1]
  not_,     // NOT children[0]
  and_,     // children[0] AND children[1] AND ...
  or_,      // children[0] OR children[1] OR ...
};

struct Expr {
  ExprKind kind = ExprKind::compare;
  SourceRange range;     // the whole expression; parentheses around it are not included
  SourceRange op_range;  // the operator or keyword (`<>`, `NOT LIKE`, `IN`, ...): where fix-its go
  CompareOp op = CompareOp::eq;
  bool negated = false;        // NOT LIKE / NOT IN / NOT BETWEEN
  bool spelled_ltgt = false;   // compare written as `<>` (same meaning as `!=`)
  bool parenthesized = false;  // written inside ( ... ); kept so that fmt can preserve the layout
  Operand subject;             // predicates: the left-hand side
  Operands values;             // predicates: the right-hand side(s)
  std::vector<Expr> children;  // not_, and_, or_
};

std::string_view to_string(CompareOp op);
// The operator with its sides swapped: `1 < x` is `x > 1`.
CompareOp flip(CompareOp op);
// The operator whose result is the negation: NOT (a < b) is a >= b.
CompareOp negate(CompareOp op);
// The truth of `left op right` for two literals of one kind: integers compare as numbers, strings by bytes.
bool literal_comparison_holds(const Operand& left, CompareOp op, const Operand& right);

// Structural equality, ignoring source ranges and parentheses: what parse(print(ast)) == ast means.
bool same_structure(const Expr& a, const Expr& b);

}  // namespace tfq
