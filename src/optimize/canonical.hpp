// The canonical written form: how a Sarg is spelled, and the order of operands in an AND or OR.
#pragma once

#include <vector>

#include "optimize/ir.hpp"

namespace tfq::opt {

// Operands sort by field (catalog order), then shape, then operator, then value.
struct SortKey {
  std::uint32_t field = Fields::npos;
  std::uint8_t shape = 0;  // 0: a predicate (or the bounds of one range), 1: a sub-clause
  std::uint8_t op = 0;     // see rank() in set_form.cpp
  Value value;             // the first value
  std::uint64_t tiebreak = 0;

  friend bool operator<(const SortKey& a, const SortKey& b);
};

struct Piece {
  SortKey key;
  Expr expr;
};

// A set written out in the fixed forms of a non-empty set that is not TRUE: lists as `=` or `IN`; ranges
// with `>=` and `<` on discrete domains; on strings `>`, `>=`, `<`, `<=` as the bounds are open or closed;
// holes as `!=`. Appends its parts to `parts` (the caller's list, so that a set of one part costs no list
// of its own) and returns what joins them when there are several: x >= 1 AND x < 5 AND x != 3;
// x IN (1, 5) OR x >= 10.
ExprKind set_form(std::uint32_t field, const Sarg& set, const Fields& fields, std::vector<Piece>& parts);

// The other atoms, appended to `out` with their operand keys.
void add_like_piece(const Node& like, const Fields& fields, std::vector<Piece>& out);
void add_other_piece(const Node& other, const Fields& fields, std::vector<Piece>& out);

// An AND or OR of the pieces' clauses, sorted (a single piece stands alone), written into `into` (a new,
// empty clause); `first`, when given, receives the key of the piece that leads. The pieces are left empty.
void join(ExprKind kind, std::vector<Piece>& pieces, Expr& into, SortKey* first = nullptr);

}  // namespace tfq::opt
