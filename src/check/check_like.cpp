// LIKE: only on string fields (the server forbids wildcards on enum fields), and a pattern with a wildcard
// needs at least 3 literal characters.
#include "check/checker.hpp"

namespace tfq::check {
namespace {

bool is_wildcard(char c) {
  return c == '%' || c == '_';
}

// SQL LIKE on whole strings, byte by byte ('_' matches one byte: enum values are ASCII). Iterative, with
// backtracking to the last '%' only, so it is linear in practice and never recursive.
bool like_matches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '_' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '%') {
      star = p++;
      star_t = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

}  // namespace

void Checker::check_like_pattern(const Operand& pattern) {
  std::size_t wildcards = 0, literal_characters = 0;
  for (char c : pattern.text) {
    if (is_wildcard(c)) {
      ++wildcards;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // count UTF-8 characters, not bytes
      ++literal_characters;
    }
  }
  if (wildcards == 0 || literal_characters >= 3) return;
  Diagnostic& d = report(Code::like_pattern_too_short, pattern.range,
                         "LIKE pattern " + spelled(pattern) + " has " + std::to_string(literal_characters) +
                             (literal_characters == 1 ? " literal character" : " literal characters") +
                             "; the server needs at least 3 beside a wildcard");
  d.help = literal_characters == 0 ? "a pattern of wildcards alone matches any value: leave the condition out"
                                   : "lengthen the pattern, or compare with = for one exact value";
}

// The enum's values that the pattern matches become the fix: `x LIKE 'CLOUD%'` -> `x IN ('CLOUD_PRODUCT',
// ...)`.
void Checker::report_like_on_enum(const Expr& e, const FieldInfo& field, bool negated) {
  Diagnostic& d =
      report(Code::like_on_enum, e.range, "LIKE is not allowed on the enum field '" + field.name + "'");
  const EnumInfo* values = catalog_.find_enum(field.enum_name);
  const Operand& pattern = e.values[0];
  if (values == nullptr || pattern.kind != Operand::Kind::string) {
    d.help = "compare with = or IN";
    return;
  }
  std::vector<std::string> matching;
  for (const std::string& value : values->values) {
    if (like_matches(pattern.text, value)) matching.push_back(quote(value));
  }
  if (matching.empty()) {
    d.help = "no value of '" + field.name + "' matches " + spelled(pattern) + "; compare with = or IN";
    return;
  }
  std::string replacement = field.name;
  if (matching.size() == 1) {
    replacement += (negated ? " != " : " = ") + matching[0];
  } else {
    replacement += negated ? " NOT IN (" : " IN (";
    for (std::size_t i = 0; i < matching.size(); ++i) replacement += (i ? ", " : "") + matching[i];
    replacement += ")";
  }
  d.help = "list the values it matches: " + replacement;
  d.fixes.push_back({e.range, replacement});
}

void Checker::report_like_on_non_string(const Expr& e, const FieldInfo& field) {
  const std::string type(to_string(field.type));
  Diagnostic& d = report(Code::like_on_non_string, e.range,
                         "LIKE needs a string field, but '" + field.name + "' is " +
                             (field.type == FieldType::integer ? "an " : "a ") + type + " field");
  switch (field.type) {
    case FieldType::date:
    case FieldType::month:
    case FieldType::datetime:
      d.help =
          "select a range instead: " + field.name + " >= 'YYYY-MM-DD' AND " + field.name + " < 'YYYY-MM-DD'";
      break;
    default: d.help = "compare with =, <, >= or IN";
  }
}

}  // namespace tfq::check
