// Glob matching without recursion: the classic two-pointer wildcard walk, once over the segments of a
// path (for '**') and once over the characters of a segment (for '*'). Each backtracks only to its last
// star, so matching takes at most (pattern length) x (path length) steps and no stack.
#include "tfq/glob.hpp"

#include <string>
#include <vector>

namespace tfq {
namespace {

std::size_t char_length(std::string_view s, std::size_t at) {
  std::size_t n = 1;
  while (at + n < s.size() && (static_cast<unsigned char>(s[at + n]) & 0xC0) == 0x80) ++n;
  return n;
}

// Matches the class starting at pattern[p] ('[') against byte c; sets `end` past the ']'. A '[' without
// a closing ']' is a literal '['.
bool class_matches(std::string_view pattern, std::size_t p, char c, std::size_t& end) {
  std::size_t i = p + 1;
  const bool negated = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negated) ++i;
  bool matched = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      matched |= pattern[i] <= c && c <= pattern[i + 2];
      i += 2;
    } else {
      matched |= pattern[i] == c;
    }
  }
  if (i >= pattern.size()) {
    end = p + 1;
    return c == '[';
  }
  end = i + 1;
  return matched != negated;
}

bool segment_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_t = t;
      continue;
    }
    if (p < pattern.size()) {
      std::size_t next_p = p + 1;
      std::size_t next_t = t + 1;
      bool ok = false;
      if (pattern[p] == '?') {
        ok = true;
        next_t = t + char_length(text, t);
      } else if (pattern[p] == '[') {
        ok = class_matches(pattern, p, text[t], next_p);
      } else if (pattern[p] == '\\' && p + 1 < pattern.size()) {
        ok = pattern[p + 1] == text[t];
        next_p = p + 2;
      } else {
        ok = pattern[p] == text[t];
      }
      if (ok) {
        p = next_p;
        t = next_t;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = star_t += char_length(text, star_t);
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string_view> split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    const std::size_t slash = std::min(path.find('/', at), path.size());
    if (slash > at) parts.push_back(path.substr(at, slash - at));
    at = slash + 1;
  }
  return parts;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  const std::vector<std::string_view> pat = split(pattern);
  const std::vector<std::string_view> txt = split(path);
  std::size_t p = 0, t = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (t < txt.size()) {
    if (p < pat.size() && pat[p] == "**") {
      star_p = ++p;
      star_t = t;
      continue;
    }
    if (p < pat.size() && segment_match(pat[p], txt[t])) {
      ++p;
      ++t;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p;
    t = ++star_t;
  }
  while (p < pat.size() && pat[p] == "**") ++p;
  return p == pat.size();
}

bool has_glob_characters(std::string_view text) {
  return text.find_first_of("*?[") != std::string_view::npos;
}

bool path_matches(std::string_view pattern, std::string_view relative_path) {
  while (pattern.starts_with("./")) pattern.remove_prefix(2);
  while (relative_path.starts_with("./")) relative_path.remove_prefix(2);
  const bool anchored = pattern.find('/') != std::string_view::npos;
  if (pattern.starts_with('/')) pattern.remove_prefix(1);
  while (pattern.ends_with('/')) pattern.remove_suffix(1);
  while (relative_path.starts_with('/')) relative_path.remove_prefix(1);
  // Try the path and each of its directories: a match on a directory covers everything below it.
  for (std::size_t end = 0;; ++end) {
    end = relative_path.find('/', end);
    const std::string_view prefix = relative_path.substr(0, end);
    if (anchored) {
      if (glob_match(pattern, prefix)) return true;
    } else {
      const std::size_t slash = prefix.rfind('/');
      const std::string_view name = slash == std::string_view::npos ? prefix : prefix.substr(slash + 1);
      if (segment_match(pattern, name)) return true;
    }
    if (end == std::string_view::npos) break;
  }
  return false;
}

}  // namespace tfq
