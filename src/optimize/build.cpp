// From a lowered clause to the optimizer's working form: each predicate on a known field becomes a Sarg
// (or a LIKE), everything else an opaque predicate kept as written.
#include "optimize/build.hpp"

#include "optimize/driver.hpp"

namespace tfq::opt {
namespace {

Node opaque(const Expr& e) {
  Node node;
  node.kind = NodeKind::other;
  node.source = &e;
  node.origins = {&e};
  return node;
}

Node set_atom(const Expr& e, std::uint32_t field, Sarg set) {
  Node node;
  node.kind = NodeKind::set;
  node.field = field;
  node.set = std::move(set);
  node.source = &e;
  node.origins = {&e};
  return node;
}

// `field op literal`, `field IN (...)` and `field [NOT] LIKE 'pattern'` on a field the optimizer knows.
Node predicate(const Expr& e, const Fields& fields) {
  if (!e.subject.is_field()) return opaque(e);
  const std::uint32_t field = fields.find(e.subject.text);
  if (field == Fields::npos) return opaque(e);
  const Domain& domain = fields.at(field).domain;
  const auto literal = [&](const Operand& operand) {
    return operand.is_literal() ? domain.parse(operand) : std::nullopt;
  };
  switch (e.kind) {
    case ExprKind::compare: {
      if (e.values.size() != 1) return opaque(e);
      const std::optional<Value> value = literal(e.values[0]);
      if (!value) return opaque(e);
      return set_atom(e, field, sarg_of_compare(domain, e.op, *value));
    }
    case ExprKind::in: {
      SmallVector<Value, 8> values;
      values.reserve(e.values.size());
      for (const Operand& operand : e.values) {
        const std::optional<Value> value = literal(operand);
        if (!value) return opaque(e);
        values.push_back(*value);
      }
      Sarg set = sarg_of_in(domain, values);
      return set_atom(e, field, e.negated ? set.complement(domain) : std::move(set));
    }
    case ExprKind::like: {
      if (domain.kind != DomainKind::string || e.values.size() != 1) return opaque(e);
      if (e.values[0].kind != Operand::Kind::string) return opaque(e);
      Node node = opaque(e);
      node.kind = NodeKind::like;
      node.field = field;
      node.negated = e.negated;
      return node;
    }
    default: return opaque(e);
  }
}

// `parts`: where to lower the parts outside the dialect; nullptr inside a part already lowered, which is
// built as it stands (what lowering leaves, such as NOT LIKE, is for the rules and findings to judge).
Node build_node(const Expr& clause, const Fields& fields, LoweredParts* parts) {
  switch (clause.kind) {
    case ExprKind::and_:
    case ExprKind::or_: {
      Node node;
      node.kind = clause.kind == ExprKind::and_ ? NodeKind::and_ : NodeKind::or_;
      node.source = &clause;
      node.children.reserve(clause.children.size());
      for (const Expr& child : clause.children) node.children.push_back(build_node(child, fields, parts));
      return node;
    }
    default: break;
  }
  // A NOT, BETWEEN, `<>` or flipped literal: this part is lowered on a copy, then built from the copy.
  if (parts != nullptr && !in_dialect(clause)) {
    const Expr& lowered = parts->copies.emplace_front(lower(clause, fields, parts->trace));
    return build_node(lowered, fields, nullptr);
  }
  switch (clause.kind) {
    case ExprKind::compare:
    case ExprKind::in:
    case ExprKind::like: return predicate(clause, fields);
    default: return opaque(clause);
  }
}

}  // namespace

Node build(const Expr& clause, const Fields& fields, LoweredParts& parts) {
  return build_node(clause, fields, &parts);
}

}  // namespace tfq::opt
