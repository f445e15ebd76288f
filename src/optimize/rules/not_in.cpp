// x NOT IN (a, b) => x != a AND x != b
// x NOT IN (S) => x IN (every enum value not in S), for an enum field
// (for a NULL x all three are unknown; an enum field holds nothing but its values.)
#include "optimize/rules/lower_util.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {
namespace {

// The enum values of `field` that `in` does not list, or nothing when that is not an enum complement.
std::optional<Operands> complement(const Expr& in, const Fields& fields) {
  const std::uint32_t field = fields.find(in.subject.text);
  if (field == Fields::npos || fields.at(field).domain.kind != DomainKind::enumeration) return std::nullopt;
  const Domain& domain = fields.at(field).domain;
  std::vector<bool> listed(domain.enum_values.size(), false);
  for (const Operand& value : in.values) {
    const auto parsed = domain.parse(value);
    if (!parsed) return std::nullopt;
    listed[static_cast<std::size_t>(std::get<std::int64_t>(*parsed))] = true;
  }
  Operands rest;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (!listed[i]) rest.push_back(domain.literal(static_cast<std::int64_t>(i)));
  }
  if (rest.empty()) return std::nullopt;
  return rest;
}

}  // namespace

bool not_in(Expr& expr, const Fields& fields) {
  if (expr.kind != ExprKind::in || !expr.negated || !expr.subject.is_field()) return false;
  if (auto rest = complement(expr, fields)) {
    expr.negated = false;
    expr.values = std::move(*rest);
    return true;
  }
  std::vector<Expr> conjuncts;
  conjuncts.reserve(expr.values.size());
  for (const Operand& value : expr.values)
    conjuncts.push_back(comparison(expr, expr.subject, CompareOp::ne, value));
  expr = conjuncts.size() == 1 ? std::move(conjuncts.front())
                               : junction(ExprKind::and_, expr.range, std::move(conjuncts));
  return true;
}

}  // namespace tfq::opt
