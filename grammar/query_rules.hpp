// The query-file grammar in PEGTL 3.2.7: one struct per production of grammar/query.peg, in its order.
// The WHERE clause embeds where_rules.hpp's where_expr. Commit points are must<>; each has its message in
// grammar/query_errors.hpp. Rules carry no actions: src/query/ attaches them.
#pragma once

#include <tao/pegtl.hpp>

#include "grammar/where_rules.hpp"

namespace tfq::grammar::query {

namespace pegtl = tao::pegtl;
using pegtl::eof;
using pegtl::must;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

// ---- Words (defined first: everything else uses them) ----

struct kw_export : word<TAO_PEGTL_ISTRING("export")> {};
struct kw_query : word<TAO_PEGTL_ISTRING("query")> {};
struct query_keyword : sor<kw_select, kw_from, kw_where, kw_into, kw_export, kw_query> {};
struct name : seq<not_at<query_keyword>, pegtl::identifier, sp> {};
struct comma : seq<one<','>, sp> {};

// ---- One statement ----

struct export_target : seq<kw_export, sp> {};
struct query_target : seq<kw_query, sp> {};
struct target : sor<export_target, query_target> {};

struct select_item : seq<name> {};
struct select_list : seq<select_item, star<comma, must<select_item>>> {};
struct select_keyword : seq<kw_select, sp> {};
struct select_clause : seq<select_keyword, must<select_list>> {};

struct category : seq<name> {};
struct category_list : seq<category, star<comma, must<category>>> {};
struct from_keyword : seq<kw_from, sp> {};
struct from_clause : seq<from_keyword, must<category_list>> {};

struct where_keyword : seq<kw_where, sp> {};
struct where_body : seq<where_expr> {};
struct where_clause : seq<where_keyword, where_body> {};

struct into_keyword : seq<kw_into, sp> {};
struct file_name : seq<sor<string, parameter>, sp> {};
struct into_clause : seq<into_keyword, must<file_name>> {};

struct clauses : seq<opt<from_clause>, opt<where_clause>, opt<into_clause>> {};
struct targeted_select : seq<select_clause, clauses> {};
struct statement : sor<seq<target, must<targeted_select>>, targeted_select> {};

// ---- The file ----

struct separator : seq<one<';'>, sp> {};
struct statement_end : sor<separator, eof> {};
struct file_end : eof {};
struct query_file
    : seq<sp, star<separator>, star<statement, must<statement_end>, star<separator>>, must<file_end>> {};

}  // namespace tfq::grammar::query
