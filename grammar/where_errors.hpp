// Every syntax error of the where-clause grammar: for each commit point (must<>) and each rejected token
// (reject<>), its diagnostic code, message and help. With must_if<errors> a commit point that has no
// entry here fails to compile. `{}` in a message stands for the offending text (see src/parse/).
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/where_rules.hpp"
#include "tfq/diagnostic.hpp"

namespace tfq::grammar {

struct error_entry {
  Code code = Code::syntax_error;
  const char* message = nullptr;  // lower case, no final period
  const char* help = nullptr;     // nullptr when there is nothing more to say
};

template <class Rule>
inline constexpr error_entry error{};

// Errors found by actions rather than by rules (src/parse/ raises them through the same table).
struct too_deep {};             // `{}` is the limit
struct integer_too_large {};    // `{}` is the digits
struct parameter_forbidden {};  // `{}` is the parameter
struct subject_not_field {};    // `{}` is LIKE, IN or BETWEEN
struct too_many_predicates {};  // `{}` is the limit
struct in_list_too_long {};     // `{}` is the limit

inline constexpr const char* kValueHelp = "strings take single quotes: 'text'; integers are bare: 42";

#define TFQ_SYNTAX_ERROR(rule, code_name, text, help_text) \
  template <>                                              \
  inline constexpr error_entry error<rule>{Code::code_name, text, help_text};

// ---- Commit points ----
TFQ_SYNTAX_ERROR(clause_body, expected_expression, "expected an expression", nullptr)
TFQ_SYNTAX_ERROR(clause_end, trailing_input, "expected AND, OR or the end of the clause", nullptr)
TFQ_SYNTAX_ERROR(or_operand, expected_expression, "expected an expression after OR", nullptr)
TFQ_SYNTAX_ERROR(and_operand, expected_expression, "expected an expression after AND", nullptr)
TFQ_SYNTAX_ERROR(not_operand, expected_expression, "expected an expression after NOT", nullptr)
TFQ_SYNTAX_ERROR(group_body, expected_expression, "expected an expression after '('", nullptr)
TFQ_SYNTAX_ERROR(paren_close, unclosed_paren, "expected ')'", nullptr)
TFQ_SYNTAX_ERROR(predicate_tail, expected_operator, "expected a comparison operator, LIKE, IN or BETWEEN",
                 "operators are = != <> < <= > >=, [NOT] LIKE, [NOT] IN (...), [NOT] BETWEEN ... AND ...")
TFQ_SYNTAX_ERROR(compare_value, expected_value, "expected a literal or a field name after the operator",
                 kValueHelp)
TFQ_SYNTAX_ERROR(negatable_tail, syntax_error, "expected LIKE, IN or BETWEEN after NOT",
                 "to negate a comparison write != or NOT (x = 1)")
TFQ_SYNTAX_ERROR(like_pattern, expected_value, "expected a pattern string after LIKE", kValueHelp)
TFQ_SYNTAX_ERROR(in_open, syntax_error, "expected '(' after IN", "an IN list is written x IN ('a', 'b')")
TFQ_SYNTAX_ERROR(in_elements, expected_value, "expected a literal or ')' after '('", kValueHelp)
TFQ_SYNTAX_ERROR(in_element, expected_value, "expected a literal after ','", kValueHelp)
TFQ_SYNTAX_ERROR(in_end, syntax_error, "expected ',' or ')' in the IN list", nullptr)
TFQ_SYNTAX_ERROR(lower_bound, expected_value, "expected a literal after BETWEEN", kValueHelp)
TFQ_SYNTAX_ERROR(between_and, syntax_error, "expected AND between the bounds of BETWEEN",
                 "BETWEEN is written x BETWEEN 1 AND 5")
TFQ_SYNTAX_ERROR(upper_bound, expected_value, "expected a literal after the AND of BETWEEN", kValueHelp)
TFQ_SYNTAX_ERROR(string_close, unterminated_string, "unterminated string literal",
                 "end the string with '; a quote inside a string is written ''")
TFQ_SYNTAX_ERROR(block_comment_rest, unterminated_comment, "unterminated /* comment",
                 "end the comment with */")
TFQ_SYNTAX_ERROR(parameter_name, syntax_error, "expected a parameter name after ':'", nullptr)

// ---- Rejected tokens: what people bring from other languages ----
TFQ_SYNTAX_ERROR(empty_clause, empty_clause, "the where clause is empty",
                 "write a condition such as contractYear = 1")
TFQ_SYNTAX_ERROR(double_equals, double_equals, "'==' is not an operator here; write '='", nullptr)
TFQ_SYNTAX_ERROR(c_and, c_logical_operator, "'&&' is not an operator here; write AND", nullptr)
TFQ_SYNTAX_ERROR(c_or, c_logical_operator, "'||' is not an operator here; write OR", nullptr)
TFQ_SYNTAX_ERROR(c_not, c_logical_operator, "'!' is not an operator here; write NOT", nullptr)
TFQ_SYNTAX_ERROR(stray_paren, unmatched_paren, "unmatched ')'", nullptr)
TFQ_SYNTAX_ERROR(is_not_null, null_test, "IS NOT NULL cannot be sent to the server (it forbids NOT)",
                 "a comparison, LIKE or IN on the field already leaves out the rows where it is NULL")
TFQ_SYNTAX_ERROR(is_null, null_test, "IS NULL is not supported: the server cannot test for NULL",
                 "filter on values instead; no comparison, LIKE or IN matches a NULL")
TFQ_SYNTAX_ERROR(null_value, null_test, "NULL is not a value: the server cannot test for NULL",
                 "filter on values instead; no comparison, LIKE or IN matches a NULL")
TFQ_SYNTAX_ERROR(function_call, function_call, "functions are not supported; compare the field itself",
                 "for a case-insensitive or partial match, use LIKE: userName LIKE 'admin%'")
TFQ_SYNTAX_ERROR(decimal_tail, malformed_number, "decimal number {} is not supported; only integers are",
                 nullptr)
TFQ_SYNTAX_ERROR(letter_tail, malformed_number, "{} is not a number", "strings take single quotes: 'text'")
TFQ_SYNTAX_ERROR(double_quoted, double_quoted_string, "double-quoted {} is not a string; use single quotes",
                 nullptr)
TFQ_SYNTAX_ERROR(reserved_word, reserved_word, "'{}' is a reserved word, not a field name", nullptr)

// ---- Found by actions ----
TFQ_SYNTAX_ERROR(too_deep, nesting_too_deep, "expression nested too deeply (limit is {})",
                 "split the clause or remove redundant parentheses and NOTs")
TFQ_SYNTAX_ERROR(integer_too_large, integer_overflow, "integer {} does not fit in 64 bits",
                 "integers range from -9223372036854775808 to 9223372036854775807")
TFQ_SYNTAX_ERROR(parameter_forbidden, parameter_not_allowed, "parameter {} is only allowed in query files",
                 "write the value itself")
TFQ_SYNTAX_ERROR(subject_not_field, expected_field, "{} needs a field name on its left", nullptr)
TFQ_SYNTAX_ERROR(too_many_predicates, too_many_predicates,
                 "where clause has more predicates than the limit of {}",
                 "raise the limit with --max-predicates")
TFQ_SYNTAX_ERROR(in_list_too_long, in_list_too_long, "IN list has more values than the limit of {}",
                 "raise the limit with --max-in-list")

#undef TFQ_SYNTAX_ERROR

// The must_if<> table: only commit points raise, never an ordinary local failure.
struct errors {
  template <class Rule>
  static constexpr const char* message = error<Rule>.message;
  template <class Rule>
  static constexpr bool raise_on_failure = false;
};

template <class Rule>
inline constexpr const char* error_message = error<Rule>.message;

}  // namespace tfq::grammar
