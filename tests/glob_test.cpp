// Glob patterns: whole-path matching with *, ?, classes and **, and the gitignore-style include/exclude rule.
#include "tfq/glob.hpp"

#include <catch2/catch.hpp>
#include <string>

using tfq::glob_match;
using tfq::path_matches;

TEST_CASE("a star matches within one path segment only", "[glob]") {
  CHECK(glob_match("*.tfq", "a.tfq"));
  CHECK(glob_match("*.tfq", ".tfq"));
  CHECK_FALSE(glob_match("*.tfq", "dir/a.tfq"));
  CHECK(glob_match("dir/*.tfq", "dir/a.tfq"));
  CHECK(glob_match("a*b*c", "aXXbYYbc"));
  CHECK_FALSE(glob_match("a*b*c", "aXXbYYb"));
  CHECK_FALSE(glob_match("*.tfq", "a.tfq.bak"));
}

TEST_CASE("a double star segment matches any number of segments, none included", "[glob]") {
  CHECK(glob_match("**/*.where", "a.where"));
  CHECK(glob_match("**/*.where", "x/y/z/a.where"));
  CHECK(glob_match("queries/**/*.tfq", "queries/a.tfq"));
  CHECK(glob_match("queries/**/*.tfq", "queries/2024/01/a.tfq"));
  CHECK_FALSE(glob_match("queries/**/*.tfq", "other/queries/a.tfq"));
  CHECK(glob_match("**", "anything/at/all"));
  CHECK(glob_match("a/**/b/**/c", "a/x/b/y/z/c"));
  CHECK_FALSE(glob_match("a/**/b/**/c", "a/x/c"));
}

TEST_CASE("question marks, classes and escapes match one character", "[glob]") {
  CHECK(glob_match("q?.tfq", "q1.tfq"));
  CHECK(glob_match("q?.tfq", "qü.tfq"));
  CHECK_FALSE(glob_match("q?.tfq", "q12.tfq"));
  CHECK_FALSE(glob_match("a?b", "a/b"));
  CHECK(glob_match("q[0-9].tfq", "q7.tfq"));
  CHECK_FALSE(glob_match("q[0-9].tfq", "qx.tfq"));
  CHECK(glob_match("q[!0-9].tfq", "qx.tfq"));
  CHECK(glob_match("[]]", "]"));
  CHECK(glob_match("a[b", "a[b"));
  CHECK(glob_match("a\\*", "a*"));
  CHECK_FALSE(glob_match("a\\*", "ab"));
}

TEST_CASE("glob matching of long inputs takes no recursion and finishes", "[glob]") {
  const std::string path = std::string(5000, 'a') + "b";
  const std::string pattern = "*a*a*a*a*a*a*a*a*a*a*c";
  CHECK_FALSE(glob_match(pattern, path));
  std::string deep, deep_pattern;
  for (int i = 0; i < 2000; ++i) {
    deep += "d/";
    deep_pattern += "**/";
  }
  CHECK(glob_match(deep_pattern + "x", deep + "x"));
}

TEST_CASE("a pattern without a slash matches a name at any depth, and everything below it", "[glob]") {
  CHECK(path_matches("*.tmp.where", "a/b/c.tmp.where"));
  CHECK(path_matches("vendor", "vendor/x.tfq"));
  CHECK(path_matches("vendor", "a/vendor/b/x.tfq"));
  CHECK_FALSE(path_matches("vendor", "vendors/x.tfq"));
}

TEST_CASE("a pattern with a slash matches from the base directory", "[glob]") {
  CHECK(path_matches("build/", "build/x.where"));
  CHECK(path_matches("/build", "build/x.where"));
  CHECK(path_matches("./queries/*.tfq", "queries/a.tfq"));
  CHECK(path_matches("queries/old", "queries/old/2020/a.tfq"));
  CHECK_FALSE(path_matches("queries/old", "x/queries/old/a.tfq"));
  CHECK(path_matches("**/generated/*.json", "x/y/generated/a.json"));
  CHECK(path_matches("x/*.where", "./x/a.where"));
}
