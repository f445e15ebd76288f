// The optimizer's working form of a lowered where clause. Predicates on one field become Sargs, literal
// comparisons become TRUE or FALSE, and everything it cannot reason about stays an opaque predicate.
// After lowering there is no NOT, so a row is selected exactly when the AND/OR tree over "this predicate
// is true" holds: the rules may use Boolean algebra over those facts (a NULL field makes each of its
// predicates false, which is why "every value" is TRUE only for a field that cannot be NULL).
#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <forward_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "optimize/domain.hpp"
#include "optimize/sarg.hpp"
#include "tfq/ast.hpp"
#include "tfq/catalog.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/name_index.hpp"
#include "tfq/optimize.hpp"
#include "tfq/small_vector.hpp"

namespace tfq::opt {

// The fields the optimizer can reason about, in catalog order (the canonical order of predicates).
class Fields {
 public:
  struct Entry {
    std::string name;
    Domain domain;
  };
  static constexpr std::uint32_t npos = UINT32_MAX;

  Fields() = default;
  explicit Fields(const Catalog& catalog);
  void add(std::string name, Domain domain);  // appended last

  std::uint32_t find(std::string_view name) const;  // npos when absent
  const Entry& at(std::uint32_t index) const { return entries_[index]; }
  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  NameIndex by_name_;
};

enum class NodeKind : std::uint8_t {
  and_,
  or_,
  true_,   // matches every row
  false_,  // matches no row
  set,     // field IN set (a Sarg)
  like,    // field [NOT] LIKE pattern, with a wildcard
  other,   // a predicate kept as written: two fields, a parameter, a literal of another type
};

// The lowered predicates a node stands for: most nodes stand for one, held without an allocation.
using Origins = SmallVector<const Expr*, 1>;

// Fields are ordered largest first, so that a node takes no padding: a clause of 100,000 predicates
// holds about as many nodes.
struct Node {
  std::vector<Node> children;  // and_, or_
  Sarg set;                    // set
  // The lowered predicates it stands for: for findings (and, for TRUE and FALSE, why they hold).
  Origins origins;
  const Expr* source = nullptr;  // the lowered expression it came from (other: the predicate itself)
  std::uint64_t hash = 0;        // when normalized: equivalent nodes have equal hashes (see equivalent())
  std::uint32_t field = Fields::npos;  // set, like (and true_, false_ with first_of_month)
  NodeKind kind = NodeKind::true_;
  // The flags are bits of one byte, which keeps a node at 128 bytes (64 of them the set, with its interval).
  bool negated : 1 = false;  // like: NOT LIKE
  // true_, false_: it holds because the month field `field` is always the 1st of a month (the reason the
  // finding gives beyond the predicates: `usageMonth = '2017-10-15'` never matches).
  bool first_of_month : 1 = false;
  bool reported : 1 = false;  // true_, false_: a finding has been reported where it arose
  // set, true_, false_: origins[0] is the whole AND or OR this node stands for, the others its predicates
  // (a set merged from every operand of a clause is named by that clause).
  bool names_clause : 1 = false;
  bool normalized : 1 = false;

  // like: the pattern, read from the lowered LIKE the node was built from (a node does not hold it, since a
  // clause of 100,000 predicates holds about as many nodes).
  std::string_view pattern() const { return source->values[0].text; }

  bool is_compound() const { return kind == NodeKind::and_ || kind == NodeKind::or_; }
  bool is_constant() const { return kind == NodeKind::true_ || kind == NodeKind::false_; }
};

Node make_constant(bool value, Origins origins);
// A set node found to be TRUE or FALSE as a whole becomes that constant, keeping its origins and whether it
// names its clause; on a month field, a single predicate's constant also keeps the month reason.
void decide_set(Node& node, bool value, const Domain& domain);

// A flag per operand of an AND/OR (or per finding): which to drop. Inline for the short lists rules see
// almost always, since every rule that drops operands makes one at every AND and OR.
using Flags = SmallVector<bool, 16>;

inline Flags no_flags(std::size_t count) {
  Flags flags;
  flags.assign(count, false);
  return flags;
}

// Removes the items marked in `dropped` (a flag per item) in place, keeping the others in order.
template <typename T>
void erase_flagged(std::vector<T>& items, const Flags& dropped) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (dropped[i]) continue;
    if (kept != i) items[kept] = std::move(items[i]);
    ++kept;
  }
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(kept), items.end());
}

// Removes the operands marked in `dropped` (a flag per child) in place, keeping the others in order.
inline void drop_children(Node& node, const Flags& dropped) {
  erase_flagged(node.children, dropped);
}

// How many operands of an AND/OR are of a kind: lets rules leave at once when they cannot apply.
inline std::size_t count_kind(const Node& node, NodeKind kind) {
  std::size_t n = 0;
  for (const Node& child : node.children) n += child.kind == kind;
  return n;
}

// The first operand index under each key (a field, a hash) of one AND/OR. Short lists, which rules see
// almost always, are sorted (key, index) pairs kept inline: no allocation. A long one (an OR of thousands of
// operands) becomes an open-addressing table, built in one pass and probed in a step or two, where sorting
// and binary search would cost a comparison per halving for every one of its operands.
template <typename Key>
class FirstIndex {
 public:
  static constexpr std::size_t none = SIZE_MAX;

  // Indexes are added in increasing order (operand order), so a key's first index is the first added.
  void add(Key key, std::size_t index) { pairs_.push_back({key, index}); }
  // After the last add.
  void seal() {
    if (pairs_.size() <= max_sorted) {
      std::sort(pairs_.begin(), pairs_.end());
      return;
    }
    std::size_t capacity = 1;
    while (capacity < 2 * pairs_.size()) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
    for (const Pair& pair : pairs_) {
      Slot* slot = probe(pair.key);
      if (slot->index == none) *slot = {pair.key, pair.index};
    }
    pairs_ = SmallVector<Pair, 16>();  // the table holds them now
  }
  bool empty() const { return pairs_.empty() && slots_.empty(); }
  // The first index added under `key`, or none.
  std::size_t find(Key key) const {
    if (!slots_.empty()) return probe(key)->index;
    const auto at = std::lower_bound(pairs_.begin(), pairs_.end(), Pair{key, 0});
    return at != pairs_.end() && at->key == key ? at->index : none;
  }

 private:
  static constexpr std::size_t max_sorted = 64;
  struct Pair {
    Key key;
    std::size_t index;
    auto operator<=>(const Pair&) const = default;
  };
  struct Slot {
    Key key{};
    std::size_t index = none;  // none: empty
  };
  // The slot holding `key`, or the empty one where it would go (linear probing; the table is at most half
  // full). Keys are mixed first: field numbers are small consecutive integers.
  const Slot* probe(Key key) const {
    std::size_t at = static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15u) >> 32);
    for (;; ++at) {
      const Slot& slot = slots_[at & mask_];
      if (slot.index == none || slot.key == key) return &slot;
    }
  }
  Slot* probe(Key key) { return const_cast<Slot*>(std::as_const(*this).probe(key)); }

  SmallVector<Pair, 16> pairs_;
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

// What the rules share: the fields, the findings, the trace and the strings they make.
struct Context {
  const Fields& fields;
  std::vector<Diagnostic>& diagnostics;
  std::vector<RewriteStep>* trace = nullptr;  // nullptr: do not trace
  // Strings a rule makes rather than reads from the clause (a LIKE prefix's upper bound): values view them,
  // so they are kept as long as the working form (a forward_list never moves what it holds, and unlike a
  // deque allocates nothing while empty, as it almost always is).
  std::forward_list<std::string> made;

  std::string_view keep(std::string text) { return made.emplace_front(std::move(text)); }

  const Domain& domain(const Node& node) const { return fields.at(node.field).domain; }
};

// The nodes a rule can fire on: a rule never fires on the other sort (a test holds each rule to it), so
// the driver does not call it there.
enum class RuleTarget : std::uint8_t {
  predicate,  // set, like or other (and the TRUE and FALSE they become)
  and_or,
};

// A normalization rule: when its law applies to `node` it rewrites it in place and returns true.
struct Rule {
  std::string_view name;
  bool (*apply)(Node& node, Context& context);
  RuleTarget target;
  // Applied to its own output, the rule never fires again, provided its rewrite left every child
  // normalized. The driver then need not try it again until another rule changes the node (a test holds
  // each rule marked so to it).
  bool idempotent = false;
};

// The structural hash of a node whose children are normalized; order of AND/OR operands is ignored.
std::uint64_t node_hash(const Node& node);
// Whether two normalized nodes are the same clause up to the order of AND/OR operands.
bool equivalent(const Node& a, const Node& b);

// Source-language text of a node for the trace: the canonical clause, with TRUE and FALSE spelled out.
std::string describe(const Node& node, const Fields& fields);

}  // namespace tfq::opt
