// The where-clause grammar in PEGTL 3.2.7: one struct per production of grammar/where.peg, in its order.
// Commit points are must<>; each has its message (and diagnostic code) in grammar/where_errors.hpp.
// Rules carry no actions: src/parse/ attaches them. Embedding grammars (query files) use where_expr.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <string_view>
#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "text/word.hpp"

namespace tfq::grammar {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::eof;
using pegtl::identifier;
using pegtl::identifier_other;
using pegtl::must;
using pegtl::not_at;
using pegtl::not_one;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::raise;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;
using pegtl::two;

// A token that is wrong where it stands: it is matched (so that the diagnostic covers it exactly) and
// then reported with the message where_errors.hpp gives it. src/parse/ records the range of every rule
// derived from bad_token.
struct bad_token {};
template <class Bad>
struct reject : seq<Bad, raise<Bad>> {};

// ---- Words and space (defined first: everything else uses them) ----

struct line_comment : seq<two<'-'>, star<not_one<'\n'>>> {};
struct block_comment_open : pegtl::string<'/', '*'> {};
struct block_comment_rest : pegtl::until<pegtl::string<'*', '/'>> {};
struct block_comment : seq<block_comment_open, must<block_comment_rest>> {};
struct space : plus<pegtl::space> {};

// sp <- (space / line_comment / block_comment)*, written out because it runs after every token: the next
// byte picks the one alternative that can match there, rather than each being tried in turn. Every
// alternative still runs as its own rule, so actions on comments and the unterminated-comment error
// behave exactly as with the PEG's star.
struct sp {
  using rule_t = sp;
  using subs_t = pegtl::type_list<space, line_comment, block_comment>;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
            template <class...> class Control, class ParseInput, class... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    constexpr auto required = pegtl::rewind_mode::required;
    for (;;) {
      bool matched = false;
      if (!in.empty()) {
        switch (in.peek_char()) {
          case ' ':
          case '\t':
          case '\n':
          case '\v':
          case '\f':
          case '\r': matched = Control<space>::template match<A, required, Action, Control>(in, st...); break;
          case '-':
            matched = Control<line_comment>::template match<A, required, Action, Control>(in, st...);
            break;
          case '/':
            matched = Control<block_comment>::template match<A, required, Action, Control>(in, st...);
            break;
          default: break;
        }
      }
      if (!matched) return true;
    }
  }
};

template <class Word>
struct word : seq<Word, not_at<identifier_other>> {};
struct kw_and : word<TAO_PEGTL_ISTRING("and")> {};
struct kw_or : word<TAO_PEGTL_ISTRING("or")> {};
struct kw_not : word<TAO_PEGTL_ISTRING("not")> {};
struct kw_like : word<TAO_PEGTL_ISTRING("like")> {};
struct kw_in : word<TAO_PEGTL_ISTRING("in")> {};
struct kw_between : word<TAO_PEGTL_ISTRING("between")> {};
struct kw_is : word<TAO_PEGTL_ISTRING("is")> {};
struct kw_null : word<TAO_PEGTL_ISTRING("null")> {};
struct kw_select : word<TAO_PEGTL_ISTRING("select")> {};
struct kw_from : word<TAO_PEGTL_ISTRING("from")> {};
struct kw_where : word<TAO_PEGTL_ISTRING("where")> {};
struct kw_into : word<TAO_PEGTL_ISTRING("into")> {};
// Reserved: never a field name. SELECT, FROM, WHERE and INTO belong to query files, so that a clause
// embedded there stops in front of them.
inline constexpr std::string_view reserved_words[] = {"and", "or",   "not",    "like", "in",    "between",
                                                      "is",  "null", "select", "from", "where", "into"};
inline constexpr std::size_t longest_reserved_word =
    std::max_element(std::begin(reserved_words), std::end(reserved_words),
                     [](std::string_view a, std::string_view b) { return a.size() < b.size(); })
        ->size();

// keyword <- kw_and / kw_or / ... / kw_into, written out because it is tried in front of every field name:
// the word is read once and looked up, rather than twelve words being tried in turn.
struct keyword {
  using rule_t = keyword;
  using subs_t = pegtl::empty_list;

  template <class ParseInput>
  [[nodiscard]] static bool match(ParseInput& in) {
    // A keyword is a whole word: read the letters, digits and '_' up to one past the longest keyword.
    const std::size_t available = std::min(in.size(longest_reserved_word + 1), longest_reserved_word + 1);
    std::size_t length = 0;
    while (length < available && text::is_word_char(in.peek_char(length))) ++length;
    if (length == 0 || length > longest_reserved_word) return false;
    const std::string_view word(in.current(), length);
    for (const std::string_view reserved : reserved_words) {
      if (equal_ignoring_ascii_case(word, reserved)) {
        in.bump_in_this_line(length);
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr bool equal_ignoring_ascii_case(std::string_view word, std::string_view lower) {
    if (word.size() != lower.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
      const char c = word[i] >= 'A' && word[i] <= 'Z' ? static_cast<char>(word[i] - 'A' + 'a') : word[i];
      if (c != lower[i]) return false;
    }
    return true;
  }
};

// ---- Tokens from other languages, each reported with what to write instead ----

struct double_equals : two<'='>, bad_token {};
struct c_and : two<'&'>, bad_token {};
struct c_or : two<'|'>, bad_token {};
struct c_not : seq<one<'!'>, not_at<one<'='>>>, bad_token {};
struct stray_paren : one<')'>, bad_token {};
struct is_not_null : seq<kw_is, sp, kw_not, sp, kw_null>, bad_token {};
struct is_null : seq<kw_is, opt<sp, kw_null>>, bad_token {};
struct null_test : sor<reject<is_not_null>, reject<is_null>> {};
struct misplaced_token
    : sor<reject<double_equals>, reject<c_and>, reject<c_or>, reject<c_not>, reject<stray_paren>, null_test> {
};

// ---- Operands ----

struct compare_symbol : sor<pegtl::string<'<', '>'>, pegtl::string<'<', '='>, pegtl::string<'>', '='>,
                            pegtl::string<'!', '='>, one<'<'>, one<'>'>, one<'='>> {};

struct field : seq<not_at<keyword>, identifier> {};
struct function_call : seq<sp, one<'('>>, bad_token {};
struct field_ref : seq<field, opt<reject<function_call>>> {};

struct string_open : one<'\''> {};
struct string_char : sor<plus<not_one<'\''>>, two<'\''>> {};
struct string_close : one<'\''> {};

// string <- string_open string_char* string_close, written out because strings hold most of a clause's
// bytes: the body is searched for its next quote with memchr rather than matched a byte at a time.
// string_open and the closing quote (as must<string_close>) still run as their own rules, so actions on
// them and the unterminated-string error behave exactly as with the PEG's sequence.
struct string {
  using rule_t = string;
  using subs_t = pegtl::type_list<string_open, star<string_char>, must<string_close>>;

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <class...> class Action,
            template <class...> class Control, class ParseInput, class... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if (!Control<string_open>::template match<A, M, Action, Control>(in, st...)) return false;
    // string_char*: runs of bytes other than a quote, and doubled quotes.
    const char* at = in.current();
    const char* const end = in.end();
    for (;;) {
      const void* quote = std::memchr(at, '\'', static_cast<std::size_t>(end - at));
      if (quote == nullptr) {
        at = end;
        break;
      }
      at = static_cast<const char*>(quote);
      if (end - at < 2 || at[1] != '\'') break;
      at += 2;
    }
    in.bump(static_cast<std::size_t>(at - in.current()));
    return Control<must<string_close>>::template match<A, M, Action, Control>(in, st...);
  }
};

struct decimal_tail : seq<one<'.'>, star<pegtl::digit>>, bad_token {};
struct letter_tail : identifier_other, bad_token {};
struct number_tail : sor<reject<decimal_tail>, reject<letter_tail>> {};
struct integer : seq<opt<one<'-'>>, plus<pegtl::digit>, opt<number_tail>> {};

struct parameter_name : identifier {};
struct parameter : seq<one<':'>, must<parameter_name>> {};

struct double_quoted : seq<one<'"'>, star<not_one<'"'>>, opt<one<'"'>>>, bad_token {};
struct null_value : kw_null, bad_token {};
// A reserved word where a field name belongs: only reported when an operator follows, so that a stray
// AND or a missing clause before INTO reads as what it is, a missing expression.
struct reserved_word : seq<keyword, at<sp, compare_symbol>>, bad_token {};
struct bad_operand : sor<reject<double_quoted>, reject<null_value>, reject<reserved_word>> {};

struct operand : seq<sor<string, integer, parameter, field_ref, bad_operand>, sp> {};
struct value : seq<sor<string, integer, parameter, bad_operand>, sp> {};

// ---- Predicates ----

struct compare_op : seq<compare_symbol, sp> {};
struct compare_value : seq<operand> {};
struct compare_tail : seq<compare_op, must<compare_value>> {};

struct like_keyword : seq<kw_like, sp> {};
struct like_pattern : seq<value> {};
struct like_tail : seq<like_keyword, must<like_pattern>> {};

struct in_keyword : seq<kw_in, sp> {};
struct in_open : seq<one<'('>, sp> {};
struct in_close : seq<one<')'>, sp> {};
struct in_element : seq<value> {};
struct in_comma : seq<one<','>, sp> {};
struct in_end : seq<in_close> {};
struct in_elements : sor<in_close, seq<in_element, star<in_comma, must<in_element>>, must<in_end>>> {};
struct in_tail : seq<in_keyword, must<in_open>, must<in_elements>> {};

struct between_keyword : seq<kw_between, sp> {};
struct lower_bound : seq<value> {};
struct between_and : seq<kw_and, sp> {};
struct upper_bound : seq<value> {};
struct between_tail : seq<between_keyword, must<lower_bound>, must<between_and>, must<upper_bound>> {};

struct negation : seq<kw_not, sp> {};
struct negatable_tail : sor<like_tail, in_tail, between_tail> {};
struct negated_tail : seq<negation, must<negatable_tail>> {};

struct predicate_tail
    : sor<reject<double_equals>, compare_tail, like_tail, in_tail, between_tail, negated_tail, null_test> {};
struct predicate : seq<operand, must<predicate_tail>> {};

// ---- Boolean structure: precedence NOT > AND > OR, each level a flat list ----

struct or_expr;
struct not_expr;

struct paren_open : seq<one<'('>, sp> {};
struct group_body : seq<or_expr> {};
struct paren_close : sor<seq<one<')'>, sp>, misplaced_token> {};
struct group : seq<paren_open, must<group_body>, must<paren_close>> {};

struct primary : sor<group, predicate, reject<c_not>> {};
struct not_op : seq<kw_not, sp> {};
struct not_operand : seq<not_expr> {};
struct not_prefixed : seq<not_op, must<not_operand>> {};
struct not_expr : sor<not_prefixed, primary> {};

struct and_op : seq<kw_and, sp> {};
struct and_operand : seq<not_expr> {};
struct and_rest : seq<and_op, must<and_operand>> {};
struct and_expr : seq<not_expr, star<and_rest>> {};

struct or_op : seq<kw_or, sp> {};
struct or_operand : seq<and_expr> {};
struct or_rest : seq<or_op, must<or_operand>> {};
struct or_expr : seq<and_expr, star<or_rest>> {};

// ---- The clause ----

struct clause_body : seq<or_expr> {};
struct empty_clause : eof, bad_token {};
struct clause_end : sor<eof, misplaced_token> {};
struct where_clause : seq<sp, sor<reject<empty_clause>, seq<must<clause_body>, must<clause_end>>>> {};

// The clause inside a larger text: no end-of-input check, so `INTO ...` may follow.
struct where_expr : seq<sp, must<clause_body>> {};

}  // namespace tfq::grammar

// How pegtl::analyze sees the hand-written rules: sp may match nothing, keyword always consumes, string is
// the sequence it stands for.
namespace tao::pegtl {
template <class Name>
struct analyze_traits<Name, tfq::grammar::string>
    : analyze_seq_traits<tfq::grammar::string_open, star<tfq::grammar::string_char>,
                         must<tfq::grammar::string_close>> {};
template <class Name>
struct analyze_traits<Name, tfq::grammar::sp>
    : analyze_opt_traits<tfq::grammar::space, tfq::grammar::line_comment, tfq::grammar::block_comment> {};
template <class Name>
struct analyze_traits<Name, tfq::grammar::keyword> : analyze_any_traits<> {};
}  // namespace tao::pegtl
