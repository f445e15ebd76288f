// LIKE patterns as the optimizer reads them: `%` matches any run of characters, `_` one character
// (a UTF-8 code point); matching is case-sensitive and there is no escape character.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tfq::opt {

bool like_has_wildcards(std::string_view pattern);

// Whether `value` matches `pattern`. Linear in practice: backtracks only to the last `%`.
bool like_matches(std::string_view value, std::string_view pattern);

// For a pattern of the form `prefix%` with no other wildcard: the prefix; otherwise nullopt.
std::optional<std::string_view> like_prefix(std::string_view pattern);

// The least string above every string that starts with `prefix` (valid UTF-8 order equals code point
// order, so it is the prefix with its last code point incremented); nullopt when there is none.
std::optional<std::string> prefix_upper_bound(std::string_view prefix);

}  // namespace tfq::opt
