// parse_query_file: runs grammar/query_rules.hpp over a query file with actions that record each clause.
// A syntax error inside a WHERE clause is re-parsed by parse_where so that it reads exactly as in a .where
// file; nesting is counted here too, so that this parse can never recurse deeper than parse_where allows.
#include <algorithm>
#include <map>

#include "grammar/query_errors.hpp"
#include "parse/where_builder.hpp"
#include "query/query_file.hpp"
#include "text/word.hpp"
#include "tfq/input.hpp"
#include "tfq/parse.hpp"

namespace tfq::query {
namespace {

namespace pegtl = tao::pegtl;
namespace g = tfq::grammar;
namespace q = tfq::grammar::query;

struct State {
  const Source& source;
  std::size_t max_depth;
  std::size_t max_statements;
  File file;
  Statement current;
  std::map<std::uint32_t, SourceRange> comments;  // by offset: a comment may be matched more than once
  std::size_t depth = 0;
  bool in_where = false;
  std::uint32_t where_begin = 0;
  std::uint32_t string_begin = 0;   // the last string literal's opening quote
  std::uint32_t comment_begin = 0;  // the last block comment's /*

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - source.text().data()); }
  template <class Input>
  SourceRange range(const Input& in) const {
    return {offset(in.begin()), offset(in.end())};
  }
};

// Thrown by the control at a commit point; caught in parse_query_file.
struct Failure {
  SourceRange at;
  Code code = Code::query_syntax;
  std::string message;
  const char* help = nullptr;
  bool in_where = false;
  std::uint32_t where_begin = 0;
};

// The identifier at the start of a matched `name` (which includes the space after it).
SourceRange identifier_range(const State& s, SourceRange matched) {
  const std::string& text = s.source.text();
  std::uint32_t end = matched.begin;
  while (end < matched.end && text::is_word_char(text[end])) ++end;
  return {matched.begin, end};
}

template <class Rule>
struct action : pegtl::nothing<Rule> {};

template <>
struct action<g::line_comment> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.comments.emplace(s.offset(in.begin()), s.range(in));
  }
};
template <>
struct action<g::block_comment> : action<g::line_comment> {};

template <>
struct action<g::string_open> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.string_begin = s.offset(in.begin());
  }
};
template <>
struct action<g::block_comment_open> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.comment_begin = s.offset(in.begin());
  }
};

template <>
struct action<q::export_target> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.target_written = true;
    s.current.range.begin = s.offset(in.begin());
  }
};
template <>
struct action<q::query_target> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    action<q::export_target>::apply(in, s);
    s.current.target = Target::query;
  }
};
template <>
struct action<q::select_keyword> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    if (!s.current.target_written) s.current.range.begin = s.offset(in.begin());
  }
};
template <>
struct action<q::select_item> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    const SourceRange r = identifier_range(s, s.range(in));
    s.current.select.push_back({s.source.text().substr(r.begin, r.end - r.begin), r});
  }
};
template <>
struct action<q::from_keyword> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.has_from = true;
    s.current.from_keyword = identifier_range(s, s.range(in));
  }
};
template <>
struct action<q::category> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    const SourceRange r = identifier_range(s, s.range(in));
    s.current.from.push_back({s.source.text().substr(r.begin, r.end - r.begin), r});
  }
};
template <>
struct action<q::where_keyword> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.where_keyword = identifier_range(s, s.range(in));
  }
};
template <>
struct action<q::where_body> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.has_where = true;
    s.current.where = s.range(in);
  }
};
template <>
struct action<q::into_keyword> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.into_clause.begin = s.offset(in.begin());
  }
};

// 'it''s' -> it's, with the source offset of every decoded byte.
FileName decode_literal(const std::string& text, SourceRange token) {
  FileName name;
  name.range = token;
  for (std::uint32_t i = token.begin + 1; i + 1 < token.end; ++i) {
    name.text.push_back(text[i]);
    name.origins.push_back(i);
    if (text[i] == '\'') ++i;  // the second quote of ''
  }
  name.origins.push_back(token.end - 1);
  return name;
}

template <>
struct action<q::file_name> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    const std::string& text = s.source.text();
    SourceRange token = s.range(in);
    FileName name;
    if (text[token.begin] == ':') {
      token = identifier_range(s, {token.begin + 1, token.end});
      name.parameter = true;
      name.text = text.substr(token.begin, token.end - token.begin);
      name.range = {token.begin - 1, token.end};
    } else {
      // The literal ends at its closing quote: the last quote before the trailing space.
      std::uint32_t end = token.end;
      while (end > token.begin + 1 && text[end - 1] != '\'') --end;
      name = decode_literal(text, {token.begin, end});
    }
    s.current.into_clause.end = name.range.end;
    s.current.into = std::move(name);
  }
};

template <>
struct action<q::statement> {
  template <class Input>
  static void apply(const Input& in, State& s) {
    s.current.range.end = s.offset(in.end());
    if (s.file.statements.size() == s.max_statements) {
      throw Failure{
          {s.current.range.begin, s.current.range.begin},
          Code::too_many_statements,
          "query file has more than " + std::to_string(s.max_statements) + " statements (the limit)",
          "split the file, or raise the limit with --max-statements"};
    }
    s.file.statements.push_back(std::move(s.current));
    s.current = Statement{};
  }
};

template <class Rule>
inline constexpr bool counts_depth = std::is_same_v<Rule, g::group> || std::is_same_v<Rule, g::not_prefixed>;

template <class Rule>
struct control : pegtl::normal<Rule> {
  template <class Input>
  [[noreturn]] static void raise(const Input& in, State& s) {
    static_assert(g::error<Rule>.message != nullptr,
                  "a commit point without a message in where_errors.hpp or query_errors.hpp");
    constexpr g::error_entry entry = g::error<Rule>;
    // Like parse_where: the offending token; an unterminated string or comment from where it opened.
    const auto end = static_cast<std::uint32_t>(s.source.text().size());
    SourceRange at = parse::token_at(s.source.text(), s.offset(in.current()), end);
    if constexpr (entry.code == Code::unterminated_string) at = {s.string_begin, end};
    if constexpr (entry.code == Code::unterminated_comment) at = {s.comment_begin, end};
    throw Failure{at, entry.code, entry.message, entry.help, s.in_where, s.where_begin};
  }

  template <class Input>
  static void start(const Input& in, State& s) {
    if constexpr (std::is_same_v<Rule, q::where_body>) {
      s.in_where = true;
      s.where_begin = s.offset(in.current());
    }
    if constexpr (counts_depth<Rule>) {
      // One more than parse_where allows: it is the one that reports the limit.
      if (++s.depth > s.max_depth + 1) {
        throw Failure{{s.offset(in.current()), s.offset(in.current())},
                      Code::nesting_too_deep,
                      "expression nested too deeply",
                      nullptr,
                      true,
                      s.where_begin};
      }
    }
  }
  template <class Input>
  static void success(const Input&, State& s) {
    finish(s);
  }
  template <class Input>
  static void failure(const Input&, State& s) {
    finish(s);
  }
  static void finish(State& s) {
    if constexpr (std::is_same_v<Rule, q::where_body>) s.in_where = false;
    if constexpr (counts_depth<Rule>) --s.depth;
  }
};

Diagnostic diagnostic_from(const Failure& failure) {
  Diagnostic d = make_diagnostic(failure.code, failure.at, failure.message);
  if (failure.help) d.help = failure.help;
  return d;
}

// The range without the space and comments at its end.
SourceRange trim_end(const Source& source, const File& file, SourceRange range) {
  const std::string& text = source.text();
  while (range.end > range.begin) {
    if (std::isspace(static_cast<unsigned char>(text[range.end - 1]))) {
      --range.end;
      continue;
    }
    // Comments do not overlap, so sorted by start they are sorted by end too.
    const auto comment =
        std::lower_bound(file.comments.begin(), file.comments.end(), range.end,
                         [](const SourceRange& c, std::uint32_t end) { return c.end < end; });
    if (comment == file.comments.end() || comment->end != range.end || comment->begin < range.begin) break;
    range.end = comment->begin;
  }
  return range;
}

}  // namespace

ParsedFile parse_query_file(const Source& source, const Limits& limits) {
  ParsedFile result;
  const std::string& text = source.text();
  const SourceRange within = parse_range(source);
  State state{source, limits.max_depth, limits.max_statements, {}, {}, {}};
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + within.begin, text.data() + within.end,
                                                     source.name());
  try {
    pegtl::parse<q::query_file, action, control>(in, state);
  } catch (const Failure& failure) {
    if (failure.in_where) {
      // The same clause, parsed on its own: its syntax error reads exactly as parse_where words it.
      ParseResult where = parse_where(source, {failure.where_begin, within.end},
                                      {.limits = limits, .allow_parameters = true});
      if (has_errors(where.diagnostics)) {
        result.diagnostics = std::move(where.diagnostics);
        return result;
      }
    }
    result.diagnostics.push_back(diagnostic_from(failure));
    return result;
  }
  for (auto& [offset, range] : state.comments) state.file.comments.push_back(range);
  for (auto& statement : state.file.statements) {
    statement.range = trim_end(source, state.file, statement.range);
  }
  result.file = std::move(state.file);
  return result;
}

}  // namespace tfq::query
