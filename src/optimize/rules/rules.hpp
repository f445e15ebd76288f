// Every rewrite rule of the optimizer, one law per file in this folder, and the order they run in.
#pragma once

#include <span>
#include <string_view>

#include "optimize/ir.hpp"

namespace tfq::opt {

// A lowering rule rewrites the source language into the server's dialect, in place on the AST.
struct LowerRule {
  std::string_view name;
  bool (*apply)(Expr& expr, const Fields& fields);
};

// Lowering, tried top-down at each node until none applies.
bool double_not(Expr& expr, const Fields& fields);
bool not_over_and(Expr& expr, const Fields& fields);
bool not_over_or(Expr& expr, const Fields& fields);
bool not_compare(Expr& expr, const Fields& fields);
bool not_predicate(Expr& expr, const Fields& fields);
bool not_in(Expr& expr, const Fields& fields);
bool not_between(Expr& expr, const Fields& fields);
bool between(Expr& expr, const Fields& fields);
bool ltgt(Expr& expr, const Fields& fields);
bool flip_literal(Expr& expr, const Fields& fields);

// Normalization, tried bottom-up at each node until none applies. Predicates first, then AND/OR.
bool fold_literals(Node& node, Context& context);
bool like_without_wildcards(Node& node, Context& context);
bool not_like_prefix(Node& node, Context& context);
bool empty_set(Node& node, Context& context);
bool full_set(Node& node, Context& context);
bool flatten(Node& node, Context& context);
bool fold_constants(Node& node, Context& context);
bool merge_sets(Node& node, Context& context);
bool like_on_points(Node& node, Context& context);
bool like_absorbs_points(Node& node, Context& context);
bool dedupe(Node& node, Context& context);
bool absorb(Node& node, Context& context);
bool prune_branches(Node& node, Context& context);

std::span<const LowerRule> lowering_rules();
std::span<const Rule> normalization_rules();

}  // namespace tfq::opt
