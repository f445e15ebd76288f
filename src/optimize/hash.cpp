// Structural hashes and equivalence of normalized nodes: how duplicates are found in linear time.
// A hash match is always confirmed by a structural comparison, so a collision can never merge two
// different predicates.
#include <algorithm>

#include "optimize/ir.hpp"

namespace tfq::opt {
namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  // splitmix64 finalizer over the running value
  std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h;
}

std::uint64_t hash_value(const Value& value) {
  if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<std::uint64_t>(*n);
  return hash_text(std::get<std::string_view>(value));
}

// Whether two values are one string seen twice, as both ends of a point from an IN list are: its hash is
// then known.
bool same_view(const Value& a, const Value& b) {
  const auto* x = std::get_if<std::string_view>(&a);
  const auto* y = std::get_if<std::string_view>(&b);
  return x != nullptr && y != nullptr && x->data() == y->data() && x->size() == y->size();
}

std::uint64_t hash_operand(const Operand& o) {
  return mix(static_cast<std::uint64_t>(o.kind), o.kind == Operand::Kind::integer
                                                     ? static_cast<std::uint64_t>(o.integer_value())
                                                     : hash_text(o.text));
}

std::uint64_t hash_expr(const Expr& e) {
  std::uint64_t h = mix(static_cast<std::uint64_t>(e.kind), static_cast<std::uint64_t>(e.op) * 2 + e.negated);
  h = mix(h, hash_operand(e.subject));
  for (const Operand& v : e.values) h = mix(h, hash_operand(v));
  for (const Expr& c : e.children) h = mix(h, hash_expr(c));
  return h;
}

// Children of an AND/OR ordered by hash, so that equivalence ignores their order.
std::vector<const Node*> by_hash(const Node& node) {
  std::vector<const Node*> sorted;
  sorted.reserve(node.children.size());
  for (const Node& c : node.children) sorted.push_back(&c);
  std::sort(sorted.begin(), sorted.end(), [](const Node* a, const Node* b) { return a->hash < b->hash; });
  return sorted;
}

}  // namespace

std::uint64_t node_hash(const Node& node) {
  std::uint64_t h = mix(0, static_cast<std::uint64_t>(node.kind));
  switch (node.kind) {
    case NodeKind::true_:
    case NodeKind::false_: return h;
    case NodeKind::and_:
    case NodeKind::or_: {
      SmallVector<std::uint64_t, 16> hashes;
      for (const Node& c : node.children) hashes.push_back(c.normalized ? c.hash : node_hash(c));
      std::sort(hashes.begin(), hashes.end());
      for (const std::uint64_t c : hashes) h = mix(h, c);
      return h;
    }
    case NodeKind::set:
      h = mix(h, node.field);
      for (const Interval& i : node.set.intervals()) {
        const std::uint64_t lo = hash_value(i.lo);
        h = mix(h, lo);
        h = mix(h, i.above_all ? 1 : same_view(i.lo, i.hi) ? lo : hash_value(i.hi));
        h = mix(h, i.lo_open * 4u + i.hi_open * 2u + i.above_all);
      }
      return h;
    case NodeKind::like: return mix(mix(h, node.field * 2u + node.negated), hash_text(node.pattern()));
    case NodeKind::other: return mix(h, hash_expr(*node.source));
  }
  return h;
}

bool equivalent(const Node& a, const Node& b) {
  if (a.hash != b.hash || a.kind != b.kind) return false;
  switch (a.kind) {
    case NodeKind::true_:
    case NodeKind::false_: return true;
    case NodeKind::set: return a.field == b.field && a.set == b.set;
    case NodeKind::like: return a.field == b.field && a.negated == b.negated && a.pattern() == b.pattern();
    case NodeKind::other: return same_structure(*a.source, *b.source);
    case NodeKind::and_:
    case NodeKind::or_: {
      if (a.children.size() != b.children.size()) return false;
      const auto x = by_hash(a), y = by_hash(b);
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equivalent(*x[i], *y[i])) return false;
      }
      return true;
    }
  }
  return false;
}

}  // namespace tfq::opt
