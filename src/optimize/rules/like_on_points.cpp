// x IN (P) AND x [NOT] LIKE 'pat' => x IN ({v in P | v [NOT] LIKE 'pat'})
// (on a finite list of strings the pattern can be decided value by value.)
#include "optimize/findings.hpp"
#include "optimize/like.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool like_on_points(Node& node, Context& context) {
  if (node.kind != NodeKind::and_ || count_kind(node, NodeKind::like) == 0 ||
      count_kind(node, NodeKind::set) == 0) {
    return false;
  }
  FirstIndex<std::uint32_t> lists;  // field -> its set of points
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    const Node& child = node.children[i];
    if (child.kind == NodeKind::set && child.set.only_points()) lists.add(child.field, i);
  }
  if (lists.empty()) return false;
  lists.seal();
  Flags decided = no_flags(node.children.size());
  bool fired = false;
  for (std::size_t l = 0; l < node.children.size(); ++l) {
    const Node& like = node.children[l];
    const std::size_t list = like.kind == NodeKind::like ? lists.find(like.field) : lists.none;
    if (list == lists.none) continue;
    Node& points = node.children[list];
    Intervals kept;
    for (const Interval& point : points.set.intervals()) {
      if (like_matches(std::get<std::string_view>(point.lo), like.pattern()) != like.negated)
        kept.push_back(point);
    }
    const Expr& like_origin = *like.origins.front();
    if (kept.size() == points.set.intervals().size()) {
      report_against(context, Code::redundant_predicate, like_origin,
                     quote(like_origin) + " is redundant: every value " + name_atom(points, context).text +
                         " accepts matches it",
                     name_atom(points, context), "accepts only matching values");
    } else {
      // The LIKE narrowed the set: it is no longer what its own clause says.
      if (kept.empty()) {
        points.origins = conflict_between(points, like);  // the conflict
      } else {
        points.origins.push_back(&like_origin);
      }
      points.names_clause = false;
    }
    points.set = Sarg::of(context.domain(points), std::move(kept));
    points.normalized = false;
    decided[l] = fired = true;
  }
  if (!fired) return false;
  drop_children(node, decided);
  return true;
}

}  // namespace tfq::opt
