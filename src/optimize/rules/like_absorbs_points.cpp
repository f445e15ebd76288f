// x IN (P) OR x LIKE 'pat' => x IN ({v in P | v NOT LIKE 'pat'}) OR x LIKE 'pat'
// x IN (P) OR x NOT LIKE 'pat' => x IN ({v in P | v LIKE 'pat'}) OR x NOT LIKE 'pat'
// (a value the pattern already accepts need not be listed.)
#include <unordered_map>

#include "optimize/findings.hpp"
#include "optimize/like.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool like_absorbs_points(Node& node, Context& context) {
  if (node.kind != NodeKind::or_ || count_kind(node, NodeKind::like) == 0 ||
      count_kind(node, NodeKind::set) == 0) {
    return false;
  }
  std::unordered_map<std::uint32_t, std::size_t> sets;  // field -> its set
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (node.children[i].kind == NodeKind::set) sets.emplace(node.children[i].field, i);
  }
  if (sets.empty()) return false;
  Flags absorbed = no_flags(node.children.size());
  bool fired = false;
  for (const Node& like : node.children) {
    const auto found = like.kind == NodeKind::like ? sets.find(like.field) : sets.end();
    if (found == sets.end() || absorbed[found->second]) continue;
    Node& set = node.children[found->second];
    Intervals kept;
    for (const Interval& piece : set.set.intervals()) {
      const bool accepted = piece.is_point() && like_matches(std::get<std::string_view>(piece.lo),
                                                             like.pattern()) != like.negated;
      if (!accepted) kept.push_back(piece);
    }
    if (kept.size() == set.set.intervals().size()) continue;
    fired = true;
    if (kept.empty()) {
      report(context, Code::redundant_predicate, shown(set),
             name_atom(set, context).text + " is redundant: " + quote(*like.origins.front()) +
                 " accepts every value it accepts",
             like.origins.front(), "accepts more");
      absorbed[found->second] = true;
      continue;
    }
    set.set = Sarg::of(context.domain(set), std::move(kept));
    // What is left is no longer what its predicates say alone: findings name it as merged with the LIKE.
    set.origins.push_back(like.origins.front());
    set.names_clause = false;
    set.normalized = false;
  }
  if (!fired) return false;
  drop_children(node, absorbed);
  return true;
}

}  // namespace tfq::opt
