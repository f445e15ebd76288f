// The messages of the query-file grammar's commit points, in where_errors.hpp's table (so that one control
// serves both grammars, and a commit point without a message fails to compile).
#pragma once

#include "grammar/query_rules.hpp"
#include "grammar/where_errors.hpp"

namespace tfq::grammar {

#define TFQ_QUERY_ERROR(rule, text, help_text) \
  template <>                                  \
  inline constexpr error_entry error<rule>{Code::query_syntax, text, help_text};

TFQ_QUERY_ERROR(query::targeted_select, "expected SELECT after EXPORT or QUERY", nullptr)
TFQ_QUERY_ERROR(query::select_list, "expected a field or metric name after SELECT",
                "for example SELECT userName, tokensConsumed")
TFQ_QUERY_ERROR(query::select_item, "expected a field or metric name after ','", nullptr)
TFQ_QUERY_ERROR(query::category_list, "expected a usage category after FROM",
                "for example FROM DESKTOP_PRODUCT")
TFQ_QUERY_ERROR(query::category, "expected a usage category after ','", nullptr)
TFQ_QUERY_ERROR(query::file_name, "expected a file name in single quotes or a :parameter after INTO",
                "for example INTO 'desktop-usage'")
TFQ_QUERY_ERROR(query::statement_end, "expected ';' or the end of the file",
                "a statement's clauses come in the order SELECT, FROM, WHERE, INTO; statements end with ';'")
TFQ_QUERY_ERROR(query::file_end, "expected a statement",
                "a statement is [EXPORT | QUERY] SELECT ... [FROM ...] [WHERE ...] [INTO ...]")

#undef TFQ_QUERY_ERROR

}  // namespace tfq::grammar
