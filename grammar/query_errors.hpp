// The messages of the query-file grammar's commit points, in where_errors.hpp's table (so that one control
// serves both grammars, and a commit point without a message fails to compile).
#pragma once

#include "grammar/query_rules.hpp"
#include "grammar/where_errors.hpp"

namespace tfq::grammar {

TFQ_SYNTAX_ERROR(query::targeted_select, query_syntax, "expected SELECT after EXPORT or QUERY", nullptr)
TFQ_SYNTAX_ERROR(query::select_list, query_syntax, "expected a field or metric name after SELECT",
                 "for example SELECT userName, tokensConsumed")
TFQ_SYNTAX_ERROR(query::select_item, query_syntax, "expected a field or metric name after ','", nullptr)
TFQ_SYNTAX_ERROR(query::category_list, query_syntax, "expected a usage category after FROM",
                 "for example FROM DESKTOP_PRODUCT")
TFQ_SYNTAX_ERROR(query::category, query_syntax, "expected a usage category after ','", nullptr)
TFQ_SYNTAX_ERROR(query::file_name, query_syntax, "expected a file name in single quotes or a :parameter after INTO",
                 "for example INTO 'desktop-usage'")
TFQ_SYNTAX_ERROR(query::statement_end, query_syntax, "expected ';' or the end of the file",
                 "a statement's clauses come in the order SELECT, FROM, WHERE, INTO; statements end with ';'")
TFQ_SYNTAX_ERROR(query::file_end, query_syntax, "expected a statement",
                 "a statement is [EXPORT | QUERY] SELECT ... [FROM ...] [WHERE ...] [INTO ...]")

}  // namespace tfq::grammar
