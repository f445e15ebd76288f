// From the normalized working form back to a clause: every operand written in its canonical form and
// every AND/OR's operands in canonical order.
#include <algorithm>
#include <iterator>

#include "optimize/build.hpp"
#include "optimize/canonical.hpp"

namespace tfq::opt {
namespace {

void add_pieces(const Node& node, ExprKind parent, const Fields& fields, std::vector<Piece>& out);

// An AND or OR, sorted, keyed by its first operand so that it sorts next to that operand's field.
Piece compound_piece(const Node& node, const Fields& fields) {
  const ExprKind kind = node.kind == NodeKind::and_ ? ExprKind::and_ : ExprKind::or_;
  std::vector<Piece> pieces;
  pieces.reserve(node.children.size());
  for (const Node& child : node.children) add_pieces(child, kind, fields, pieces);
  SortKey key;
  Expr joined = join(kind, pieces, &key);
  key.shape = 1;
  key.tiebreak = node.hash;
  return Piece{std::move(key), std::move(joined)};
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
      SortKey lead;
      Expr joined = join(junction, parts, &lead);
      out.push_back(Piece{std::move(lead), std::move(joined)});
      return;
    }
    case NodeKind::like: out.push_back(like_piece(node, fields)); return;
    case NodeKind::other: out.push_back(other_piece(node, fields)); return;
    case NodeKind::and_:
    case NodeKind::or_: out.push_back(compound_piece(node, fields)); return;
    case NodeKind::true_:
    case NodeKind::false_: return;  // folded away before a clause is written
  }
}

}  // namespace

Expr to_expr(const Node& node, const Fields& fields) {
  if (node.is_compound()) return compound_piece(node, fields).expr;
  if (node.kind == NodeKind::set) {
    std::vector<Piece> parts;
    const ExprKind junction = set_form(node.field, node.set, fields, parts);
    return parts.empty() ? Expr{} : join(junction, parts);
  }
  std::vector<Piece> pieces;
  add_pieces(node, ExprKind::and_, fields, pieces);
  return pieces.empty() ? Expr{} : std::move(pieces.front().expr);
}

}  // namespace tfq::opt
