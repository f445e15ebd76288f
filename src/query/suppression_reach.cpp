// Comparing what tfq-ignore comments hide in a text and in its layout, anchor by anchor.
#include "query/suppression_reach.hpp"

#include <algorithm>

#include "tfq/suppress.hpp"

namespace tfq::query {
namespace {

void add_anchors(const Expr& e, std::vector<std::uint32_t>& anchors) {
  anchors.insert(anchors.end(), {e.range.begin, e.op_range.begin, e.subject.range.begin});
  for (const Operand& value : e.values) anchors.push_back(value.range.begin);
  for (const Expr& child : e.children) add_anchors(child, anchors);
}

const HiddenCodes& hidden_at(const Suppressions& hidden, const Source& source, std::uint32_t offset) {
  static const HiddenCodes nothing;
  const auto line = hidden.lines.find(source.line_of(offset));
  return line == hidden.lines.end() ? nothing : line->second;
}

// The place in the input of a tfq-ignore line of the layout, found by the comment that holds it (a
// tfq-ignore line inside a block comment is part of that comment); nullopt when no comment holds it.
std::optional<SourceRange> in_input(SourceRange in_layout, const Reach& before, const Reach& after) {
  for (std::size_t k = 0; k < after.comments.size() && k < before.comments.size(); ++k) {
    const SourceRange holder = after.comments[k];
    if (in_layout.begin < holder.begin || in_layout.begin >= holder.end) continue;
    const std::uint32_t shift = before.comments[k].begin - holder.begin;
    return SourceRange{in_layout.begin + shift, in_layout.end + shift};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::uint32_t> anchors_of(const Expr& where) {
  std::vector<std::uint32_t> anchors;
  add_anchors(where, anchors);
  return anchors;
}

std::vector<std::uint32_t> anchors_of(const File& file, const std::vector<Expr>& wheres) {
  std::vector<std::uint32_t> anchors;
  for (const Statement& s : file.statements) {
    anchors.push_back(s.range.begin);
    for (const Name& name : s.select) anchors.push_back(name.range.begin);
    if (s.has_from) anchors.push_back(s.from_keyword.begin);
    for (const Name& name : s.from) anchors.push_back(name.range.begin);
    if (s.has_where) anchors.push_back(s.where_keyword.begin);
    if (s.into) anchors.insert(anchors.end(), {s.into_clause.begin, s.into->range.begin});
  }
  for (const Expr& where : wheres) add_anchors(where, anchors);
  return anchors;
}

std::optional<Diagnostic> moved_suppression(const Reach& before, const Reach& after) {
  const Suppressions hidden_before = find_suppressions(before.source);
  const Suppressions hidden_after = find_suppressions(after.source);
  if (hidden_before.lines.empty() && hidden_after.lines.empty()) return std::nullopt;
  const std::size_t count = std::min(before.anchors.size(), after.anchors.size());
  for (std::size_t i = 0; i < count; ++i) {
    const HiddenCodes& was = hidden_at(hidden_before, before.source, before.anchors[i]);
    const HiddenCodes& would_be = hidden_at(hidden_after, after.source, after.anchors[i]);
    if (was.codes == would_be.codes) continue;
    // The comment that hid something here, or else the one that would.
    const SourceRange comment = !was.codes.empty()
                                    ? was.comment
                                    : in_input(would_be.comment, before, after)
                                          .value_or(SourceRange{before.anchors[i], before.anchors[i]});
    Diagnostic d = make_diagnostic(Code::suppression_moved, comment,
                                   "the canonical layout would change what this tfq-ignore comment hides: "
                                   "the line below it would hold other tokens; the file is left as it is");
    d.help =
        "put the comment right above the operand or clause it is for, with that operand starting its "
        "line (`AND x ...`): fmt keeps that layout";
    return d;
  }
  return std::nullopt;
}

}  // namespace tfq::query
