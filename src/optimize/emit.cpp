// From the normalized working form back to a clause: every operand written in its canonical form and
// every AND/OR's operands in canonical order.
#include <algorithm>
#include <iterator>

#include "optimize/build.hpp"
#include "optimize/canonical.hpp"

namespace tfq::opt {
namespace {

void add_pieces(const Node& node, ExprKind parent, const Fields& fields, std::vector<Piece>& out);

// An AND or OR, sorted, keyed by its first operand so that it sorts next to that operand's field; written
// into `piece` in its place (a piece holds a whole clause, which costs a move).
void fill_compound(const Node& node, const Fields& fields, Piece& piece) {
  const ExprKind kind = node.kind == NodeKind::and_ ? ExprKind::and_ : ExprKind::or_;
  std::vector<Piece> pieces;
  pieces.reserve(node.children.size());
  for (const Node& child : node.children) add_pieces(child, kind, fields, pieces);
  join(kind, pieces, piece.expr, &piece.key);
  piece.key.shape = 1;
  piece.key.tiebreak = node.hash;
}

void add_pieces(const Node& node, ExprKind parent, const Fields& fields, std::vector<Piece>& out) {
  switch (node.kind) {
    case NodeKind::set: {
      const std::size_t first = out.size();
      const ExprKind junction = set_form(node.field, node.set, fields, out);
      if (out.size() - first <= 1 || junction == parent) return;
      // The parts need a clause of their own: they are joined into one piece in their place.
      std::vector<Piece> parts(std::make_move_iterator(out.begin() + static_cast<std::ptrdiff_t>(first)),
                               std::make_move_iterator(out.end()));
      out.erase(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
      Piece& joined = out.emplace_back();
      join(junction, parts, joined.expr, &joined.key);
      return;
    }
    case NodeKind::like: add_like_piece(node, fields, out); return;
    case NodeKind::other: add_other_piece(node, fields, out); return;
    case NodeKind::and_:
    case NodeKind::or_: fill_compound(node, fields, out.emplace_back()); return;
    case NodeKind::true_:
    case NodeKind::false_: return;  // folded away before a clause is written
  }
}

}  // namespace

Expr to_expr(const Node& node, const Fields& fields) {
  if (node.is_compound()) {
    Piece piece;
    fill_compound(node, fields, piece);
    return std::move(piece.expr);
  }
  if (node.kind == NodeKind::set) {
    std::vector<Piece> parts;
    const ExprKind junction = set_form(node.field, node.set, fields, parts);
    Expr joined;
    if (!parts.empty()) join(junction, parts, joined);
    return joined;
  }
  std::vector<Piece> pieces;
  add_pieces(node, ExprKind::and_, fields, pieces);
  return pieces.empty() ? Expr{} : std::move(pieces.front().expr);
}

}  // namespace tfq::opt
