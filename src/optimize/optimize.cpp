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

// The trace's first normalization steps: predicates that read differently once taken as a set of values
// of their field's domain (`contractYear > 1` is `contractYear >= 2`, `x IN ('a')` is `x = 'a'`).
void trace_domain_reads(const Node& node, const Context& context) {
  if (node.kind == NodeKind::set && node.origins.size() == 1) {
    std::string before = print_where(*node.origins.front());
    std::string after = describe(node, context.fields);
    if (before != after) context.trace->push_back({"domain", std::move(before), std::move(after)});
  }
  for (const Node& child : node.children) trace_domain_reads(child, context);
}

}  // namespace

OptimizeResult optimize(const Expr& checked, const Fields& fields, const OptimizeOptions& options) {
  OptimizeResult result;
  std::vector<RewriteStep>* trace = options.trace ? &result.trace : nullptr;
  // The clause is read in place; only its parts outside the server's dialect are lowered, on copies.
  LoweredParts lowered{{}, trace};
  Context context{fields, result.diagnostics, trace, {}};  // before the nodes, which may view its strings
  Node root = build(checked, fields, lowered);
  if (trace != nullptr) trace_domain_reads(root, context);
  normalize(root, context);
  if (root.is_constant()) {
    report_constant(context, root, Where::root);
    result.outcome = root.kind == NodeKind::true_ ? Outcome::always_true : Outcome::always_false;
  } else {
    report_not_like(root, context);
    if (!options.findings_only) {
      result.expr = to_expr(root, fields);
      result.where = print_where(*result.expr);
    }
  }
  remove_repeats(result.diagnostics);
  return result;
}

}  // namespace opt

OptimizeResult optimize_where(const Expr& checked, const Catalog& catalog, const OptimizeOptions& options) {
  // The built-in catalog lives as long as the program: its field table is built once, not per clause
  // (building it sorts and copies every enum, which costs more than optimizing a short clause).
  if (&catalog == &Catalog::builtin()) {
    static const opt::Fields builtin_fields(catalog);
    return opt::optimize(checked, builtin_fields, options);
  }
  return opt::optimize(checked, opt::Fields(catalog), options);
}

}  // namespace tfq
