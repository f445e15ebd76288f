// optimize_where: lower, build the working form, normalize, report what was found, write the result.
#include "tfq/optimize.hpp"

#include "optimize/build.hpp"
#include "optimize/driver.hpp"
#include "optimize/findings.hpp"
#include "tfq/print.hpp"

namespace tfq {
namespace {

// NOT LIKE that survived normalization has no spelling the server accepts.
void report_not_like(const opt::Node& node, opt::Context& context) {
  if (node.kind == opt::NodeKind::like && node.negated) {
    const Expr& at = opt::shown(node);
    Diagnostic d = make_diagnostic(Code::not_like_unsupported, at.range,
                                   "`NOT LIKE` cannot be sent: the server forbids NOT and no other operator "
                                   "matches the same rows");
    d.help =
        "a pattern of the form 'abc%' can be sent (as a range), as can one without wildcards; otherwise "
        "filter the exported rows instead";
    context.diagnostics.push_back(std::move(d));
  }
  for (const opt::Node& child : node.children) report_not_like(child, context);
}

}  // namespace

namespace opt {

OptimizeResult optimize(const Expr& checked, const Fields& fields, const OptimizeOptions& options) {
  OptimizeResult result;
  std::vector<RewriteStep>* trace = options.trace ? &result.trace : nullptr;
  const Expr lowered = opt::lower(checked, fields, trace);
  opt::Node root = opt::build(lowered, fields);
  opt::Context context{fields, result.diagnostics, trace};
  opt::normalize(root, context);
  if (root.is_constant()) {
    opt::report_constant(context, root, opt::Where::root);
    result.outcome = root.kind == opt::NodeKind::true_ ? Outcome::always_true : Outcome::always_false;
  } else {
    report_not_like(root, context);
    result.expr = opt::to_expr(root, fields);
    result.where = print_where(*result.expr);
  }
  opt::remove_repeats(result.diagnostics);
  return result;
}

}  // namespace opt

OptimizeResult optimize_where(const Expr& checked, const Catalog& catalog, const OptimizeOptions& options) {
  return opt::optimize(checked, opt::Fields(catalog), options);
}

}  // namespace tfq
