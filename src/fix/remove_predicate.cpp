// Fix-its that delete a repeated or implied predicate. The edit is found in the text (the predicate and
// the AND or OR that joins it to a neighbour) and proven by compiling: it is kept only when the edited
// source compiles to the very same output, so a fix can never change which rows are selected.
#include <algorithm>
#include <cctype>
#include <optional>

#include "text/word.hpp"
#include "tfq/fix.hpp"

namespace tfq {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool keyword_at(std::string_view text, std::size_t begin, std::size_t end) {
  std::string word;
  for (std::size_t i = begin; i < end; ++i)
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
  return word == "AND" || word == "OR";
}

// " AND <predicate>": from the end of the token before the joining keyword to the predicate's end.
std::optional<SourceRange> with_keyword_before(std::string_view text, SourceRange predicate) {
  std::size_t at = predicate.begin;
  const std::size_t space_end = at;
  while (at > 0 && is_space(text[at - 1])) --at;
  if (at == space_end) return std::nullopt;
  const std::size_t keyword_end = at;
  while (at > 0 && text::is_word_char(text[at - 1])) --at;
  if (!keyword_at(text, at, keyword_end)) return std::nullopt;
  const std::size_t keyword_begin = at;
  while (at > 0 && is_space(text[at - 1])) --at;
  if (at == keyword_begin || at == 0) return std::nullopt;
  return SourceRange{static_cast<std::uint32_t>(at), predicate.end};
}

// "<predicate> AND ": from the predicate's start to the token after the joining keyword.
std::optional<SourceRange> with_keyword_after(std::string_view text, SourceRange predicate) {
  std::size_t at = predicate.end;
  const std::size_t space_begin = at;
  while (at < text.size() && is_space(text[at])) ++at;
  if (at == space_begin) return std::nullopt;
  const std::size_t keyword_begin = at;
  while (at < text.size() && text::is_word_char(text[at])) ++at;
  if (!keyword_at(text, keyword_begin, at)) return std::nullopt;
  const std::size_t keyword_end = at;
  while (at < text.size() && is_space(text[at])) ++at;
  if (at == keyword_end || at == text.size()) return std::nullopt;
  return SourceRange{predicate.begin, static_cast<std::uint32_t>(at)};
}

std::vector<std::string> bodies(const CompileResult& result) {
  std::vector<std::string> out;
  for (const CompiledRequest& r : result.requests) out.push_back(r.body);
  return out;
}

}  // namespace

void add_predicate_removal_fixes(const Source& source, InputKind kind, const CompileOptions& options,
                                 std::vector<Diagnostic>& diagnostics) {
  const auto wanted = [](const Diagnostic& d) {
    return (d.code == Code::duplicate_predicate || d.code == Code::redundant_predicate) && d.fixes.empty();
  };
  if (std::none_of(diagnostics.begin(), diagnostics.end(), wanted)) return;
  // Each proof compiles the whole source again: the budget keeps that work bounded (linear in the size of
  // the source, not in size times findings), so a huge file gets its findings without fix-its.
  std::size_t budget = predicate_fix_budget_bytes;
  const auto spend = [&budget, size = source.text().size()] {
    if (size > budget) return false;
    budget -= size;
    return true;
  };
  if (source.text().size() * 2 > budget) return;  // not even the original and one candidate
  spend();
  // A statement with an unbound parameter has no output to compare, so parameters must all be bound.
  CompileOptions strict = options;
  strict.require_parameters = true;
  const CompileResult original = compile(source, kind, strict);
  if (original.requests.empty()) return;
  const std::vector<std::string> expected = bodies(original);
  const std::string_view text = source.text();
  for (Diagnostic& d : diagnostics) {
    if (!wanted(d) || d.range.end > text.size() || d.range.begin >= d.range.end) continue;
    for (const auto& candidate : {with_keyword_before(text, d.range), with_keyword_after(text, d.range)}) {
      if (!candidate) continue;
      if (!spend()) return;
      std::string edited(text.substr(0, candidate->begin));
      edited.append(text.substr(candidate->end));
      if (bodies(compile(Source(source.name(), std::move(edited)), kind, strict)) != expected) continue;
      d.fixes.push_back({*candidate, ""});
      if (d.help.empty()) d.help = "remove it";
      break;
    }
  }
}

}  // namespace tfq
