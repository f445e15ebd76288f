// Whether a new layout of a where clause or query file keeps what its tfq-ignore comments hide: tfq fmt's
// check beside its comparison of meaning.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "query/query_file.hpp"
#include "tfq/ast.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/source.hpp"

namespace tfq::query {

// Where a finding can start: the first byte of every node, operator and operand of a where tree (and, in
// a query file, of every keyword and name), in an order that matches token for token between a text and
// its layout.
std::vector<std::uint32_t> anchors_of(const Expr& where);
std::vector<std::uint32_t> anchors_of(const File& file, const std::vector<Expr>& wheres);

// A text as tfq-ignore comments see it: its anchors and the comments its parser read.
struct Reach {
  const Source& source;
  std::vector<std::uint32_t> anchors;
  const std::vector<SourceRange>& comments;
};

// A tfq-ignore comment hides findings on the line below it, so a layout that moves tokens to other lines
// can change what it hides: a finding it hid would be reported, or one it did not would vanish. Compares
// what is hidden at every anchor before and after, and reports (TFQ711) the comment responsible for the
// first difference, in the input. For texts of the same meaning: the same anchors and the same comments.
std::optional<Diagnostic> moved_suppression(const Reach& before, const Reach& after);

}  // namespace tfq::query
