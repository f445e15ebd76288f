// x IN A AND x IN B => x IN (A ∩ B);  x IN A OR x IN B => x IN (A ∪ B)
// (both predicates are false for a NULL x, and so is the merged one.) This is where ranges and IN-lists
// meet: `x >= 3 AND x <= 3` => `x = 3`, `x = 'a' OR x = 'b'` => `x IN ('a', 'b')`. Findings: two
// predicates that accept the same values are duplicates, one implied by another is redundant, and an
// empty intersection is a conflict between two of them.
#include <algorithm>
#include <compare>

#include "optimize/findings.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

// Pairwise findings (redundancy) cost k^2 set operations: only for groups of a size people write by hand.
constexpr std::size_t max_pairwise = 32;

// The rule runs at every AND and OR, over lists that are almost always short: scratch lists start inline.
constexpr std::uint32_t inline_room = 16;
using Group = SmallVector<const Node*, inline_room>;

// A set predicate of the node: its field, then its place among the children.
struct SetChild {
  std::uint32_t field;
  std::uint32_t child;
  auto operator<=>(const SetChild&) const = default;
};

// Reports each predicate whose set repeats an earlier one in the group; the flags mark the repeats. By the
// hash of each set, sorted, so that sets that may be equal are neighbours: O(k log k) for a group of k.
Flags report_duplicates(Context& context, const Group& group) {
  constexpr std::size_t none = SIZE_MAX;
  struct Hashed {
    std::uint64_t hash;  // of the set
    std::size_t place;   // in the group
    auto operator<=>(const Hashed&) const = default;
  };
  SmallVector<Hashed, inline_room> by_hash;
  by_hash.reserve(group.size());
  for (std::size_t j = 0; j < group.size(); ++j) {
    by_hash.push_back({group[j]->normalized ? group[j]->hash : node_hash(*group[j]), j});
  }
  std::sort(by_hash.begin(), by_hash.end());
  // The earliest set, itself no repeat, that each one repeats.
  SmallVector<std::size_t, inline_room> first_of;
  first_of.assign(group.size(), none);
  for (std::size_t run = 0, end = 0; run < by_hash.size(); run = end) {
    end = run + 1;
    while (end < by_hash.size() && by_hash[end].hash == by_hash[run].hash) ++end;
    for (std::size_t k = run + 1; k < end; ++k) {
      const std::size_t j = by_hash[k].place;
      for (std::size_t m = run; m < k; ++m) {
        const std::size_t i = by_hash[m].place;
        if (first_of[i] != none || group[i]->set != group[j]->set) continue;
        first_of[j] = i;
        break;
      }
    }
  }
  Flags duplicate;
  duplicate.assign(group.size(), false);
  for (std::size_t j = 0; j < group.size(); ++j) {
    if (first_of[j] == none) continue;
    duplicate[j] = true;
    // Both lowered from one predicate as written (`x NOT IN (2, 2)` is `x != 2 AND x != 2`): the checker
    // has reported the repeated value, and "repeats itself" would point at the same text twice.
    if (shown(*group[j]).range == shown(*group[first_of[j]]).range) continue;
    const NamedAtom first = name_atom(*group[first_of[j]], context);
    report_against(context, Code::duplicate_predicate, shown(*group[j]),
                   name_atom(*group[j], context).text + " repeats " + first.text, first, "first here");
  }
  return duplicate;
}

// Reports each predicate that another one of the group makes redundant (implies it under AND, covers it
// under OR), skipping the duplicates already reported.
void report_redundant(Context& context, const Group& group, const Flags& duplicate, bool conjunction) {
  const Domain& domain = context.domain(*group.front());
  for (std::size_t j = 0; j < group.size(); ++j) {
    for (std::size_t i = 0; i < group.size() && !duplicate[j]; ++i) {
      if (i == j || duplicate[i] || group[i]->set == group[j]->set) continue;
      const Node& strong = conjunction ? *group[i] : *group[j];
      const Node& weak = conjunction ? *group[j] : *group[i];
      if (!strong.set.subset_of(weak.set, domain)) continue;
      const NamedAtom other = name_atom(*group[i], context);
      report_against(context, Code::redundant_predicate, shown(*group[j]),
                     name_atom(*group[j], context).text + " is redundant: " +
                         (conjunction ? other.text + " implies it"
                                      : other.text + " already accepts every value it accepts"),
                     other, conjunction ? "implies it" : "accepts more");
      break;
    }
  }
}

// The two predicates of an empty intersection that conflict on their own, or all of them.
Origins conflict(const Context& context, const Group& group) {
  const Domain& domain = context.domain(*group.front());
  if (group.size() <= 2 * max_pairwise) {
    for (std::size_t j = 1; j < group.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        if (!group[i]->set.disjoint(group[j]->set, domain)) continue;
        return conflict_between(*group[i], *group[j]);
      }
    }
  }
  Origins all;
  for (const Node* atom : group) all.append(atom->origins.begin(), atom->origins.end());
  return all;
}

}  // namespace

bool merge_sets(Node& node, Context& context) {
  if (!node.is_compound() || count_kind(node, NodeKind::set) < 2) return false;
  SmallVector<SetChild, inline_room> sets;
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    if (node.children[i].kind == NodeKind::set)
      sets.push_back({node.children[i].field, static_cast<std::uint32_t>(i)});
  }
  std::sort(sets.begin(), sets.end());  // by field, then child index: the pairs are distinct
  if (std::adjacent_find(sets.begin(), sets.end(),
                         [](const auto& a, const auto& b) { return a.field == b.field; }) == sets.end()) {
    return false;
  }
  const bool conjunction = node.kind == NodeKind::and_;
  Flags drop = no_flags(node.children.size());
  for (std::size_t begin = 0, end = 0; begin < sets.size(); begin = end) {
    end = begin + 1;
    while (end < sets.size() && sets[end].field == sets[begin].field) ++end;
    if (end - begin < 2) continue;
    Group group;
    for (std::size_t k = begin; k < end; ++k) group.push_back(&node.children[sets[k].child]);
    const Flags duplicate = report_duplicates(context, group);
    const Domain& domain = context.domain(*group.front());
    Sarg merged;
    if (conjunction || group.size() <= 2 * max_pairwise) {
      // Read in place: small groups keep their sets for the pairwise findings.
      SmallVector<const Sarg*, inline_room> members;
      members.reserve(group.size());
      for (const Node* atom : group) members.push_back(&atom->set);
      merged = conjunction ? Sarg::intersect_all(domain, members) : Sarg::unite_all(domain, members);
    } else {
      // A large union takes the sets' intervals instead of copying them.
      std::vector<Sarg> members;
      members.reserve(group.size());
      for (std::size_t k = begin; k < end; ++k)
        members.push_back(std::move(node.children[sets[k].child].set));
      merged = Sarg::unite_all(domain, std::move(members));
    }
    const bool decided = conjunction ? merged.empty() : (!domain.nullable && merged.full(domain));
    // Decided: the contradiction or tautology of the whole group is the finding.
    if (!decided && group.size() <= max_pairwise) report_redundant(context, group, duplicate, conjunction);
    Origins origins;
    if (conjunction && merged.empty()) {
      origins = conflict(context, group);
    } else {
      // When the group is the whole AND or OR, findings about the merged set name that clause.
      if (group.size() == node.children.size() && node.source != nullptr) origins.push_back(node.source);
      for (const Node* atom : group) origins.append(atom->origins.begin(), atom->origins.end());
    }
    Node& first = node.children[sets[begin].child];
    first.names_clause =
        !origins.empty() && origins.front() == node.source && !(conjunction && merged.empty());
    first.set = std::move(merged);
    first.origins = std::move(origins);
    first.normalized = false;
    for (std::size_t k = begin + 1; k < end; ++k) drop[sets[k].child] = true;
  }
  drop_children(node, drop);
  return true;
}

}  // namespace tfq::opt
