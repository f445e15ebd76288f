// Building the AST from the where grammar's actions: operands, predicates, NOT, groups and flat AND/OR.
#include "parse/where_builder.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <iterator>
#include <string>

#include "grammar/where_errors.hpp"
#include "text/word.hpp"

namespace tfq::parse {

WhereBuilder::WhereBuilder(const Source& source, SourceRange within, const ParseOptions& options)
    : source_(source),
      base_(source.text().data()),
      within_(within),
      max_depth_(std::min(options.limits.max_depth, max_depth_ceiling)),
      max_predicates_(options.limits.max_predicates),
      max_in_list_(options.limits.max_in_list),
      allow_parameters_(options.allow_parameters) {
  last_end_ = within.begin;
  // Room for the operands of a typical clause's chains and their nesting, so that neither list grows
  // (and moves whole expressions) while a short clause is read.
  stack_.reserve(32);
  chains_.reserve(16);
}

// The next operand of the predicate being read, new and empty (so the token actions append its text, which
// costs less than assigning it): its subject first, then its values. The subject starts
// the predicate in its place on the stack, and its first value goes there too (most predicates have one);
// further values wait in a scratch list, so that an IN list is allocated once at its final size.
Operand& WhereBuilder::next_operand(Operand::Kind kind, const char* begin, const char* end) {
  Operand* o = nullptr;
  if (!has_subject_) {
    stack_.emplace_back();
    o = &pending().subject;
  } else {
    Operands& values = pending().values;
    if (pending().kind == ExprKind::in && values.size() + values_.size() >= max_in_list_) {
      const auto& e = grammar::error<grammar::in_list_too_long>;
      failure_argument_ = std::to_string(max_in_list_);
      stop(e.code, e.message, e.help, {offset(begin), offset(end)});
    }
    o = values.empty() ? &values.emplace_back() : &values_.emplace_back();
  }
  has_subject_ = true;
  o->kind = kind;
  o->range = {offset(begin), offset(end)};
  last_end_ = o->range.end;
  return *o;
}

void WhereBuilder::field(const char* begin, const char* end) {
  Operand& o = next_operand(Operand::Kind::field, begin, end);
  o.text.append(begin, end);
  last_field_begin_ = o.range.begin;
}

// string <- "'" ("''" / [^'])* "'": the value is the body with every '' made one quote.
void WhereBuilder::string_literal(const char* begin, const char* end) {
  Operand& o = next_operand(Operand::Kind::string, begin, end);
  // The whole text, not just the clause: a query file's INTO may touch the clause's last literal.
  o.word_before = o.range.begin > 0 && text::is_word_char(begin[-1]);
  o.word_after = o.range.end < source_.text().size() && text::is_word_char(*end);
  std::string_view body(begin + 1, static_cast<std::size_t>(end - begin - 2));
  if (body.find('\'') == std::string_view::npos) {
    o.text.append(body);
  } else {
    o.text.clear();
    o.text.reserve(body.size());
    for (std::size_t i = 0; i < body.size(); ++i) {
      o.text.push_back(body[i]);
      if (body[i] == '\'') ++i;  // the grammar only lets quotes in as pairs
    }
  }
}

// integer <- '-'? [0-9]+: 64 bits; a value that does not fit is reported and parsing goes on.
void WhereBuilder::integer(const char* begin, const char* end) {
  Operand& o = next_operand(Operand::Kind::integer, begin, end);
  o.text.append(begin, end);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc{} || ptr != end) {
    const auto& e = grammar::error<grammar::integer_too_large>;
    report(e.code, e.message, e.help, o.range, o.text);
  }
}

// parameter <- ':' identifier: only query files bind parameters.
void WhereBuilder::parameter(const char* begin, const char* end) {
  Operand& o = next_operand(Operand::Kind::parameter, begin, end);
  o.text.append(begin + 1, end);
  if (!allow_parameters_) {
    const auto& e = grammar::error<grammar::parameter_forbidden>;
    report(e.code, e.message, e.help, o.range,
           std::string_view(begin, static_cast<std::size_t>(end - begin)));
  }
}

// compare_op <- '<>' / '<=' / '>=' / '!=' / '<' / '>' / '='
void WhereBuilder::compare_operator(const char* begin, const char* end) {
  Expr& e = pending();
  e.kind = ExprKind::compare;
  e.op_range = {offset(begin), offset(end)};
  const std::string_view op(begin, static_cast<std::size_t>(end - begin));
  if (op == "=")
    e.op = CompareOp::eq;
  else if (op == "<")
    e.op = CompareOp::lt;
  else if (op == ">")
    e.op = CompareOp::gt;
  else if (op == "<=")
    e.op = CompareOp::le;
  else if (op == ">=")
    e.op = CompareOp::ge;
  else {
    e.op = CompareOp::ne;
    e.spelled_ltgt = op == "<>";
  }
}

// [NOT] LIKE / IN / BETWEEN: the operator range covers NOT too; the left side must be a field.
void WhereBuilder::predicate_keyword(ExprKind kind, const char* begin, std::uint32_t length) {
  Expr& pending_expr = pending();
  pending_expr.kind = kind;
  const std::uint32_t keyword_begin = offset(begin);
  pending_expr.op_range = {pending_expr.negated ? negation_begin_ : keyword_begin, keyword_begin + length};
  if (!pending_expr.subject.is_field()) {
    const auto& e = grammar::error<grammar::subject_not_field>;
    const char* name = kind == ExprKind::like ? "LIKE" : kind == ExprKind::in ? "IN" : "BETWEEN";
    report(e.code, e.message, e.help, pending_expr.subject.range, name);
  }
}

void WhereBuilder::predicate() {
  Item& item = stack_.back();
  Expr& e = item.expr;
  const std::uint32_t begin = e.subject.range.begin;
  e.range = {begin, last_end_};
  item.outer_begin = begin;
  item.outer_end = last_end_;
  if (!values_.empty()) {
    // One allocation of the exact size; the scratch list keeps its capacity for the next predicate.
    e.values.reserve(e.values.size() + values_.size());
    for (Operand& value : values_) e.values.push_back(std::move(value));
    values_.clear();
  }
  if (++predicates_ > max_predicates_) {
    const auto& error = grammar::error<grammar::too_many_predicates>;
    failure_argument_ = std::to_string(max_predicates_);
    stop(error.code, error.message, error.help, e.range);
  }
  has_subject_ = false;
}

// Parentheses and prefix NOT share one depth budget; the check comes before the parser recurses.
void WhereBuilder::enter_nesting(std::uint32_t at, std::uint32_t length) {
  if (depth_ >= max_depth_) {
    const auto& e = grammar::error<grammar::too_deep>;
    failure_argument_ = std::to_string(max_depth_);
    stop(e.code, e.message, e.help, {at, at + length});
  }
  ++depth_;
}

void WhereBuilder::open_paren(const char* p) {
  enter_nesting(offset(p), 1);
  open_parens_.push_back(offset(p));
}

void WhereBuilder::close_paren(const char* p) {
  Item& inner = stack_.back();
  inner.expr.parenthesized = true;
  inner.outer_begin = open_parens_.back();
  inner.outer_end = offset(p) + 1;
  last_end_ = inner.outer_end;
  open_parens_.pop_back();
  --depth_;
}

void WhereBuilder::not_operator(const char* p) {
  enter_nesting(offset(p), 3);
}

// not_prefixed <- NOT not_expr
void WhereBuilder::not_operand_done(const char* not_begin) {
  const std::uint32_t begin = offset(not_begin);
  Item& operand = stack_.back();
  Expr node;
  node.kind = ExprKind::not_;
  node.op_range = {begin, begin + 3};
  node.range = {begin, operand.outer_end};
  node.children.push_back(std::move(operand.expr));
  operand.expr = std::move(node);
  operand.outer_begin = begin;
  --depth_;
}

// and_expr <- not_expr (AND not_expr)*, or_expr alike: a chain of two or more operands becomes one node,
// so `a AND b AND c` is flat; a parenthesized chain among them stays a child of its own.
void WhereBuilder::chain_end(ExprKind kind) {
  const Chain chain = chains_.back();
  chains_.pop_back();
  const std::size_t count = stack_.size() - chain.first_operand;
  if (count < 2) return;
  const std::uint32_t outer_begin = stack_[chain.first_operand].outer_begin;
  const std::uint32_t outer_end = stack_.back().outer_end;
  Expr node;
  node.kind = kind;
  node.op_range = {chain.first_operator, chain.first_operator + (kind == ExprKind::and_ ? 3u : 2u)};
  node.range = {outer_begin, outer_end};
  node.children.reserve(count);
  for (std::size_t k = chain.first_operand; k < stack_.size(); ++k)
    node.children.push_back(std::move(stack_[k].expr));
  stack_.erase(stack_.begin() + chain.first_operand, stack_.end());
  stack_.emplace_back(std::move(node), outer_begin, outer_end);
}

void WhereBuilder::report(Code code, const char* message, const char* help, SourceRange range,
                          std::string_view argument) {
  Diagnostic d = make_diagnostic(code, range, fill_message(message, argument));
  if (help) d.help = help;
  diagnostics_.push_back(std::move(d));
}

void WhereBuilder::stop(Code code, const char* message, const char* help, SourceRange range) {
  failure_ = SyntaxFailure{code, message, help, range, true};
  throw StopParsing{};
}

void WhereBuilder::raised(Code code, const char* message, const char* help, const char* p,
                          bool from_bad_token) {
  SyntaxFailure f{code, message, help, {}, from_bad_token && bad_token_.has_value()};
  f.range = f.from_bad_token ? *bad_token_ : token_at(source_.text(), offset(p), within_.end);
  if (code == Code::unterminated_string) f.range = {string_begin_, within_.end};
  if (code == Code::unterminated_comment) f.range = {comment_begin_, within_.end};
  failure_ = f;
}

ParseResult WhereBuilder::finish(bool parsed) {
  ParseResult result;
  result.diagnostics = std::move(diagnostics_);
  std::sort(comments_.begin(), comments_.end(),
            [](SourceRange a, SourceRange b) { return a.begin < b.begin; });
  comments_.erase(std::unique(comments_.begin(), comments_.end(),
                              [](SourceRange a, SourceRange b) { return a.begin == b.begin; }),
                  comments_.end());
  result.comments = std::move(comments_);
  if (!failure_ && (!parsed || stack_.size() != 1)) {
    failure_ = SyntaxFailure{Code::syntax_error, "syntax error", nullptr,
                             token_at(source_.text(), last_end_, within_.end)};
  }
  if (failure_) {
    result.diagnostics.push_back(failure_diagnostic());
  } else if (!has_errors(result.diagnostics)) {
    result.expr = std::move(stack_.back().expr);
  }
  return result;
}

}  // namespace tfq::parse
