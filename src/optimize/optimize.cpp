// optimize_where: lower, build the working form, normalize, report what was found, write the result.
#include "tfq/optimize.hpp"

#include "optimize/build.hpp"
#include "optimize/driver.hpp"
#include "optimize/findings.hpp"
#include "tfq/print.hpp"

namespace tfq {
namespace opt {
namespace {

// NOT LIKE that survived normalization has no spelling the server accepts.
void report_not_like(const Node& node, Context& context) {
  if (node.kind == NodeKind::like && node.negated) {
    const Expr& at = shown(node);
    Diagnostic d = make_diagnostic(Code::not_like_unsupported, at.range,
                                   "`NOT LIKE` cannot be sent: the server forbids NOT and no other operator "
                                   "matches the same rows");
    d.help =
        "a pattern of the form 'abc%' can be sent (as a range), as can one without wildcards; otherwise "
        "filter the exported rows instead";
    context.diagnostics.push_back(std::move(d));
  }
  for (const Node& child : node.children) report_not_like(child, context);
}

}  // namespace

OptimizeResult optimize(const Expr& checked, const Fields& fields, const OptimizeOptions& options) {
  OptimizeResult result;
  std::vector<RewriteStep>* trace = options.trace ? &result.trace : nullptr;
  // Most clauses are already in the server's dialect: then they are read in place, not copied.
  std::optional<Expr> lowered;
  if (!in_dialect(checked)) lowered = lower(checked, fields, trace);
  Node root = build(lowered ? *lowered : checked, fields);
  Context context{fields, result.diagnostics, trace};
  normalize(root, context);
  if (root.is_constant()) {
    report_constant(context, root, Where::root);
    result.outcome = root.kind == NodeKind::true_ ? Outcome::always_true : Outcome::always_false;
  } else {
    report_not_like(root, context);
    result.expr = to_expr(root, fields);
    result.where = print_where(*result.expr);
  }
  remove_repeats(result.diagnostics);
  return result;
}

}  // namespace opt

OptimizeResult optimize_where(const Expr& checked, const Catalog& catalog, const OptimizeOptions& options) {
  return opt::optimize(checked, opt::Fields(catalog), options);
}

}  // namespace tfq
