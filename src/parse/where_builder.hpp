// The state the where-clause grammar's actions build the AST into, one token at a time (no parse tree).
// Every action fires only after its construct is committed (grammar/where.peg: a must<> follows the first
// token), so nothing is ever built for input that is later backtracked over.
// Free of PEGTL: the actions in where_actions.hpp translate matches into these calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tfq/ast.hpp"
#include "tfq/diagnostic.hpp"
#include "tfq/parse.hpp"
#include "tfq/source.hpp"

namespace tfq::parse {

// Thrown by the builder to stop the parse after it recorded a failure (the grammar's own raises throw
// tao::pegtl::parse_error after recording theirs through the control).
struct StopParsing {};

// What went wrong, as the grammar or an action saw it; turned into a Diagnostic by finish().
struct SyntaxFailure {
  Code code = Code::syntax_error;
  const char* message = nullptr;  // may hold `{}` for `argument`
  const char* help = nullptr;
  SourceRange range;
  bool from_bad_token = false;  // the range is the rejected token itself
};

// The range of the token that starts at `at` (a word, a two-character operator or one UTF-8 character);
// empty at the end. Diagnostics of commit points cover it.
SourceRange token_at(std::string_view text, std::uint32_t at, std::uint32_t end);
// `format` with its `{}` replaced by `argument` (shortened when long).
std::string fill_message(std::string_view format, std::string_view argument);

class WhereBuilder {
 public:
  // `within` is the part of source's text being parsed; all offsets are into the whole text.
  WhereBuilder(const Source& source, SourceRange within, const ParseOptions& options);

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base_); }

  // Tokens
  void field(const char* begin, const char* end);
  void string_literal(const char* begin, const char* end);
  void integer(const char* begin, const char* end);
  void parameter(const char* begin, const char* end);
  void string_open(const char* p) { string_begin_ = offset(p); }
  void comment_open(const char* p) { comment_begin_ = offset(p); }
  void comment(const char* begin, const char* end) { comments_.push_back({offset(begin), offset(end)}); }
  void bad_token(const char* begin, const char* end) { bad_token_ = {offset(begin), offset(end)}; }

  // Predicates: the operator, then the whole predicate once its last token is read.
  void compare_operator(const char* begin, const char* end);
  void predicate_keyword(ExprKind kind, const char* begin, std::uint32_t length);
  void negation(const char* begin) {
    pending().negated = true;
    negation_begin_ = offset(begin);
  }
  void in_close(const char* p) { last_end_ = offset(p) + 1; }
  void predicate();

  // Structure
  void open_paren(const char* p);
  void close_paren(const char* p);
  void not_operator(const char* p);
  void not_operand_done(const char* not_begin);
  // AND and OR chains. Their operands stay on the stack until the chain ends; then they become one node,
  // whose operand list is allocated once at its final size (grown operand by operand, it would hold up
  // to twice the room it needs: megabytes for a clause of 100,000 predicates).
  void chain_begin() { chains_.push_back({static_cast<std::uint32_t>(stack_.size()), no_operator}); }
  void chain_operator(const char* p) {
    if (chains_.back().first_operator == no_operator) chains_.back().first_operator = offset(p);
  }
  void chain_end(ExprKind kind);
  void chain_abandon() { chains_.pop_back(); }

  // A commit point of the grammar failed at p (the control calls this before it throws).
  void raised(Code code, const char* message, const char* help, const char* p, bool from_bad_token);

  // The AST, or the diagnostics; call once, after the parse returned or threw.
  ParseResult finish(bool parsed);

 private:
  struct Item {
    Item() = default;  // a predicate, filled in its place on the stack as its tokens are read
    // Built in its place on the stack: an expression is moved once, not into a temporary and then again.
    Item(Expr&& e, std::uint32_t begin, std::uint32_t end)
        : expr(std::move(e)), outer_begin(begin), outer_end(end) {}
    Expr expr;
    std::uint32_t outer_begin = 0;  // the expression's range with its parentheses
    std::uint32_t outer_end = 0;
  };

  struct Chain {
    std::uint32_t first_operand = 0;   // its place on the stack
    std::uint32_t first_operator = 0;  // offset of its first AND or OR: the node's op_range
  };
  static constexpr std::uint32_t no_operator = UINT32_MAX;

  // The predicate being read, on top of the stack (nothing else is pushed until it is complete).
  Expr& pending() { return stack_.back().expr; }
  void enter_nesting(std::uint32_t at, std::uint32_t length);
  Operand& next_operand(Operand::Kind kind, const char* begin, const char* end);
  [[noreturn]] void stop(Code code, const char* message, const char* help, SourceRange range);
  void report(Code code, const char* message, const char* help, SourceRange range, std::string_view argument);
  Diagnostic failure_diagnostic() const;

  const Source& source_;
  const char* base_;
  SourceRange within_;
  std::size_t max_depth_;
  std::size_t max_predicates_;
  std::size_t max_in_list_;
  bool allow_parameters_;
  std::size_t predicates_ = 0;

  std::vector<Item> stack_;                 // finished expressions, innermost last
  std::vector<Chain> chains_;               // the AND/OR chains being read, innermost last
  std::vector<std::uint32_t> open_parens_;  // offsets of '(' not yet closed
  std::size_t depth_ = 0;                   // open parentheses plus NOTs awaiting their operand
  std::vector<Operand> values_;             // the predicate's values after its first, until it is complete
  bool has_subject_ = false;                // a predicate is being read: it is stack_.back()
  std::uint32_t negation_begin_ = 0;
  std::uint32_t last_end_ = 0;  // end of the last token that belongs to an expression
  std::uint32_t string_begin_ = 0;
  std::uint32_t comment_begin_ = 0;
  std::uint32_t last_field_begin_ = 0;
  std::optional<SourceRange> bad_token_;
  // Every comment read, in the order read: the parser may read one again after backtracking.
  std::vector<SourceRange> comments_;

  std::vector<Diagnostic> diagnostics_;  // errors that do not stop the parse (overflow, parameters)
  std::optional<SyntaxFailure> failure_;
  std::string failure_argument_;
};

}  // namespace tfq::parse
