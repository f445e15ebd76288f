// Glob patterns, for the include and exclude lists of .tfq.json, --exclude and `tfq lint` arguments.
#pragma once

#include <string_view>

namespace tfq {

// Matches a whole '/'-separated path against a pattern: '*' is any run of characters within one segment,
// '?' one character (not '/'), '[abc]', '[a-z]' and '[!a]' a class of one character, and '**' as a whole
// segment any number of segments, none included. '\' makes the next character literal.
bool glob_match(std::string_view pattern, std::string_view path);

// Whether text holds any of the glob characters '*', '?' or '['.
bool has_glob_characters(std::string_view text);

// How include and exclude lists match a path relative to their base directory (gitignore style): a
// pattern without '/' matches a file or directory name at any depth ("*.tmp", "vendor"); a pattern with
// '/' matches from the base ("queries/*.tfq"; a leading "/" or "./" is dropped). A pattern that matches a
// directory matches everything below it.
bool path_matches(std::string_view pattern, std::string_view relative_path);

}  // namespace tfq
