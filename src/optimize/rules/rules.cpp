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
      {"fold_literals", fold_literals},
      {"like_without_wildcards", like_without_wildcards},
      {"not_like_prefix", not_like_prefix},
      {"empty_set", empty_set},
      {"full_set", full_set},
      {"flatten", flatten, true},
      {"fold_constants", fold_constants},
      {"merge_sets", merge_sets},
      {"like_on_points", like_on_points},
      {"like_absorbs_points", like_absorbs_points},
      {"dedupe", dedupe, true},
      {"absorb", absorb, true},
      {"prune_branches", prune_branches},
  };
  return rules;
}

}  // namespace tfq::opt
