// parse_where: runs the where grammar over a source (or a part of it) with the AST-building actions.
// This is the only translation unit of the library that instantiates the PEGTL grammar.
#include <limits>

#include "parse/where_actions.hpp"
#include "tfq/parse.hpp"

namespace tfq {

ParseResult parse_where(const Source& source, const ParseOptions& options) {
  const auto size = static_cast<std::uint32_t>(std::min<std::size_t>(source.text().size(), UINT32_MAX));
  return parse_where(source, SourceRange{0, size}, options);
}

ParseResult parse_where(const Source& source, SourceRange within, const ParseOptions& options) {
  const std::string& text = source.text();
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    ParseResult too_large;
    too_large.diagnostics.push_back(
        make_diagnostic(Code::input_too_large, {0, 0}, "input is larger than 4 GiB and cannot be parsed"));
    return too_large;
  }
  // A range outside the text is clamped rather than trusted.
  const auto size = static_cast<std::uint32_t>(text.size());
  within.end = std::min(within.end, size);
  within.begin = std::min(within.begin, within.end);

  parse::WhereBuilder builder(source, within, options);
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy> in(text.data() + within.begin,
                                                               text.data() + within.end, source.name());
  bool parsed = false;
  try {
    parsed = tao::pegtl::parse<grammar::where_clause, parse::where_action, parse::where_control>(in, builder);
  } catch (const tao::pegtl::parse_error&) {
    // The control recorded the failure in the builder.
  } catch (const parse::StopParsing&) {
    // So did the builder itself.
  }
  return builder.finish(parsed);
}

}  // namespace tfq
