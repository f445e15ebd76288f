// The order the rules run in. Lowering first pushes NOT inward, then rewrites each predicate; in
// normalization, the predicate rules come before the AND/OR rules that combine what they produce.
#include "optimize/rules/rules.hpp"

namespace tfq::opt {

std::span<const LowerRule> lowering_rules() {
  static constexpr LowerRule rules[] = {
      {"double_not", double_not},
      {"not_over_and", not_over_and},
      {"not_over_or", not_over_or},
      {"not_compare", not_compare},
      {"not_predicate", not_predicate},
      {"not_in", not_in},
      {"not_between", not_between},
      {"between", between},
      {"ltgt", ltgt},
      {"flip_literal", flip_literal},
  };
  return rules;
}

std::span<const Rule> normalization_rules() {
  static constexpr Rule rules[] = {
      {"fold_literals", fold_literals, RuleTarget::predicate},
      {"like_without_wildcards", like_without_wildcards, RuleTarget::predicate},
      {"not_like_prefix", not_like_prefix, RuleTarget::predicate},
      {"empty_set", empty_set, RuleTarget::predicate},
      {"full_set", full_set, RuleTarget::predicate},
      {"flatten", flatten, RuleTarget::and_or, true},
      {"fold_constants", fold_constants, RuleTarget::and_or},
      {"merge_sets", merge_sets, RuleTarget::and_or},
      {"like_on_points", like_on_points, RuleTarget::and_or},
      {"like_absorbs_points", like_absorbs_points, RuleTarget::and_or},
      {"dedupe", dedupe, RuleTarget::and_or, true},
      {"absorb", absorb, RuleTarget::and_or, true},
      {"prune_branches", prune_branches, RuleTarget::and_or},
  };
  return rules;
}

}  // namespace tfq::opt
