// The actions and the control that parse grammar/where_rules.hpp into a WhereBuilder.
// A grammar that embeds grammar::where_expr (query files) can parse it with these to get the AST directly:
//   tao::pegtl::parse<grammar::where_expr, where_action, where_control>(in, builder)
// or parse the clause's extent with its own rules and hand the range to parse_where(source, within).
#pragma once

#include <tao/pegtl.hpp>
#include <type_traits>

#include "grammar/where_errors.hpp"
#include "grammar/where_rules.hpp"
#include "parse/where_builder.hpp"

namespace tfq::parse {

namespace pegtl = tao::pegtl;

// Every rejected token records its range, so that the diagnostic covers exactly that token.
struct record_bad_token {
  template <class ActionInput>
  static void apply(const ActionInput& in, WhereBuilder& b) {
    b.bad_token(in.begin(), in.end());
  }
};

template <class Rule>
struct where_action : std::conditional_t<std::is_base_of_v<grammar::bad_token, Rule>, record_bad_token,
                                         pegtl::nothing<Rule>> {};

// An action that hands the builder the matched bytes.
template <void (WhereBuilder::*Member)(const char*, const char*)>
struct range_action {
  template <class ActionInput>
  static void apply(const ActionInput& in, WhereBuilder& b) {
    (b.*Member)(in.begin(), in.end());
  }
};

// An action that hands the builder where the match began.
template <void (WhereBuilder::*Member)(const char*)>
struct begin_action {
  template <class ActionInput>
  static void apply(const ActionInput& in, WhereBuilder& b) {
    (b.*Member)(in.begin());
  }
};

template <ExprKind Kind, std::uint32_t Length>
struct keyword_action {
  template <class ActionInput>
  static void apply(const ActionInput& in, WhereBuilder& b) {
    b.predicate_keyword(Kind, in.begin(), Length);
  }
};

// clang-format off
template <> struct where_action<grammar::field> : range_action<&WhereBuilder::field> {};
template <> struct where_action<grammar::string> : range_action<&WhereBuilder::string_literal> {};
template <> struct where_action<grammar::integer> : range_action<&WhereBuilder::integer> {};
template <> struct where_action<grammar::parameter> : range_action<&WhereBuilder::parameter> {};
template <> struct where_action<grammar::string_open> : begin_action<&WhereBuilder::string_open> {};
template <> struct where_action<grammar::block_comment_open> : begin_action<&WhereBuilder::comment_open> {};
template <> struct where_action<grammar::line_comment> : range_action<&WhereBuilder::comment> {};
template <> struct where_action<grammar::block_comment> : range_action<&WhereBuilder::comment> {};
template <> struct where_action<grammar::compare_symbol> : range_action<&WhereBuilder::compare_operator> {};
template <> struct where_action<grammar::like_keyword> : keyword_action<ExprKind::like, 4> {};
template <> struct where_action<grammar::in_keyword> : keyword_action<ExprKind::in, 2> {};
template <> struct where_action<grammar::between_keyword> : keyword_action<ExprKind::between, 7> {};
template <> struct where_action<grammar::negation> : begin_action<&WhereBuilder::negation> {};
template <> struct where_action<grammar::in_close> : begin_action<&WhereBuilder::in_close> {};
template <> struct where_action<grammar::predicate> { template <class I> static void apply(const I&, WhereBuilder& b) { b.predicate(); } };
template <> struct where_action<grammar::paren_open> : begin_action<&WhereBuilder::open_paren> {};
template <> struct where_action<grammar::paren_close> : begin_action<&WhereBuilder::close_paren> {};
template <> struct where_action<grammar::not_op> : begin_action<&WhereBuilder::not_operator> {};
template <> struct where_action<grammar::not_prefixed> : begin_action<&WhereBuilder::not_operand_done> {};
template <> struct where_action<grammar::and_op> : begin_action<&WhereBuilder::chain_operator> {};
template <> struct where_action<grammar::or_op> : begin_action<&WhereBuilder::chain_operator> {};
// clang-format on

// The AND or OR a chain rule builds (and_expr, or_expr), or not_ for every other rule.
template <class Rule>
constexpr ExprKind chain_kind = std::is_same_v<Rule, grammar::and_expr>  ? ExprKind::and_
                                : std::is_same_v<Rule, grammar::or_expr> ? ExprKind::or_
                                                                         : ExprKind::not_;

// must_if<grammar::errors> with three additions:
// - a commit point that fails gives the input back to where it began (must<> alone may leave it inside
//   a half-matched keyword: `BETWEEN 1 ANDY 2` would be reported at `Y` instead of `ANDY`);
// - before throwing, the failure's code and place are recorded in the builder, so that the diagnostic
//   needs no look-up by message text;
// - the builder learns where each AND and OR chain begins and ends (see WhereBuilder::chain_end).
template <class Rule>
struct where_control : pegtl::must_if<grammar::errors>::control<Rule> {
  using base = pegtl::must_if<grammar::errors>::control<Rule>;
  static constexpr bool chain = chain_kind<Rule> != ExprKind::not_;

  template <class ParseInput, class... States>
  static void start(const ParseInput& in, WhereBuilder& b, States&&... st) {
    if constexpr (chain) b.chain_begin();
    base::start(in, b, st...);
  }
  template <class ParseInput, class... States>
  static void success(const ParseInput& in, WhereBuilder& b, States&&... st) {
    if constexpr (chain) b.chain_end(chain_kind<Rule>);
    base::success(in, b, st...);
  }
  template <class ParseInput, class... States>
  static void failure(const ParseInput& in, WhereBuilder& b, States&&... st) {
    if constexpr (chain) b.chain_abandon();
    base::failure(in, b, st...);
  }

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
            template <class...> class Control, class ParseInput, class... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    constexpr bool commit_point = grammar::error<Rule>.message != nullptr;
    constexpr auto mode =
        commit_point && M == pegtl::rewind_mode::dontcare ? pegtl::rewind_mode::required : M;
    return pegtl::must_if<grammar::errors>::control<Rule>::template match<A, mode, Action, Control>(in,
                                                                                                    st...);
  }

  template <class ParseInput, class... States>
  [[noreturn]] static void raise(const ParseInput& in, WhereBuilder& b, States&&... st) {
    constexpr const grammar::error_entry& e = grammar::error<Rule>;
    b.raised(e.code, e.message, e.help, in.current(), std::is_base_of_v<grammar::bad_token, Rule>);
    pegtl::must_if<grammar::errors>::control<Rule>::raise(in, b, st...);
  }
};

}  // namespace tfq::parse
