// The comments of a source, which fix-its must leave as they are.
#include "query/query_file.hpp"
#include "tfq/fix.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

namespace tfq {

std::vector<SourceRange> comments_of(const Source& source, InputKind kind, const Limits& limits) {
  switch (kind) {
    case InputKind::where_clause:
      return parse_where(source, parse_range(source), {.limits = limits}).comments;
    case InputKind::query_file: {
      query::ParsedFile parsed = query::parse_query_file(source, limits);
      return parsed.file ? std::move(parsed.file->comments) : std::vector<SourceRange>{};
    }
    case InputKind::json_body: return {};
  }
  return {};
}

}  // namespace tfq
