// x NOT LIKE 'abc%' => x < 'abc' OR x >= 'abd'
// (the strings that start with a prefix are one range in byte order, and its complement needs no NOT.)
#include "optimize/like.hpp"
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

bool not_like_prefix(Node& node, Context& context) {
  if (node.kind != NodeKind::like || !node.negated) return false;
  const auto prefix = like_prefix(node.pattern());
  if (!prefix) return false;
  const Domain& domain = context.domain(node);
  Sarg starts_with = Sarg::compare(domain, CompareOp::ge, *prefix);
  if (auto above = prefix_upper_bound(*prefix)) {
    const std::string_view bound = context.keep(std::move(*above));
    starts_with = starts_with.intersect(Sarg::compare(domain, CompareOp::lt, bound), domain);
  }
  node.kind = NodeKind::set;
  node.set = starts_with.complement(domain);
  node.negated = false;
  return true;
}

}  // namespace tfq::opt
